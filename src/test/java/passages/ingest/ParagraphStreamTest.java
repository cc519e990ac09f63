package passages.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paragraph stream hands out paragraphs in reading order, and a sample ends at the same article
 * every run.
 */
class ParagraphStreamTest {
  @Test
  void manyWorkers_readingOrder_andTheSampleEndsAfterTheArticleThatFillsIt(@TempDir Path corpus)
      throws IOException {
    StringBuilder jsonl = new StringBuilder();
    List<String> all = new ArrayList<>();
    for (int a = 1; a <= 400; a++) {
      jsonl.append("{\"id\": \"a").append(a).append("\", \"title\": \"T\", \"paragraphs\": [");
      for (int p = 1; p <= 3; p++) {
        String text = "Article " + a + " paragraph " + p + " says something.";
        jsonl.append(p > 1 ? ", " : "").append('"').append(text).append('"');
        all.add(text);
      }
      jsonl.append("]}\n");
    }
    Files.writeString(corpus.resolve("many.jsonl"), jsonl);

    assertEquals(all, read(corpus, 4, Long.MAX_VALUE));
    // 100 paragraphs: article 34 holds the 100th to 102nd, and is the last one taken
    for (int run = 0; run < 5; run++) assertEquals(all.subList(0, 102), read(corpus, 4, 100));
  }

  @Test
  void oneIn_takesTheFirstItemThenEveryNth_spreadOverTheCorpus(@TempDir Path corpus)
      throws IOException {
    StringBuilder jsonl = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int a = 1; a <= 10; a++) {
      String text = "Article " + a + " says something.";
      jsonl.append("{\"id\": \"a").append(a).append("\", \"paragraphs\": [\"").append(text);
      jsonl.append("\"]}\n");
      if (a % 3 == 1) expected.add(text);
    }
    Files.writeString(corpus.resolve("ten.jsonl"), jsonl);

    List<String> out = new ArrayList<>();
    new ParagraphStream(new CorpusReader(corpus), 4, Long.MAX_VALUE, 3).forEach(out::add);
    assertEquals(expected, out); // articles 1, 4, 7, 10
  }

  private static List<String> read(Path corpus, int threads, long max) {
    List<String> out = new ArrayList<>();
    new ParagraphStream(new CorpusReader(corpus), threads, max).forEach(out::add);
    return out;
  }
}
