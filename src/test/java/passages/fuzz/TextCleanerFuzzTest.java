package passages.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import passages.ingest.CleanedText;
import passages.ingest.TextCleaner;
import passages.model.Paragraph;

/**
 * {@link TextCleaner#clean} takes any text: it never throws, and its paragraphs are numbered 1..n
 * and never blank.
 */
class TextCleanerFuzzTest {
  @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
  void clean(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);

    CleanedText cleaned = TextCleaner.clean(text);

    for (int i = 0; i < cleaned.paragraphs().size(); i++) {
      Paragraph p = cleaned.paragraphs().get(i);
      assertEquals(i + 1, p.ordinal());
      assertFalse(p.text().isBlank());
      assertEquals(p.text().strip(), p.text());
    }
    if (cleaned.title() != null) assertFalse(cleaned.title().isBlank());
  }
}
