package passages.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import passages.ingest.html.ExtractedPage;
import passages.ingest.html.HtmlArticleExtractor;
import passages.ingest.html.HtmlExtractionException;

/**
 * {@link HtmlArticleExtractor#extract} takes any bytes (gzip, BOMs, any charset, broken markup): it
 * either returns an article with numbered, non-blank paragraphs or throws {@link
 * HtmlExtractionException}; nothing else.
 */
class HtmlExtractorFuzzTest {
  private static final HtmlArticleExtractor EXTRACTOR = new HtmlArticleExtractor();

  @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
  void extract(byte[] page) {
    ExtractedPage extracted;
    try {
      extracted = EXTRACTOR.extract(page, "fuzz.html");
    } catch (HtmlExtractionException expected) {
      assertFalse(expected.getMessage().isBlank());
      return;
    }
    assertFalse(extracted.paragraphs().isEmpty());
    for (int i = 0; i < extracted.paragraphs().size(); i++) {
      assertEquals(i + 1, extracted.paragraphs().get(i).ordinal());
      assertFalse(extracted.paragraphs().get(i).text().isBlank());
    }
  }
}
