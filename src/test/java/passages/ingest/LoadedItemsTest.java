package passages.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The items the learning pass kept are what the indexing pass gets, each once, and a budget bounds
 * how many are kept; the rest load as usual, with the same result.
 */
class LoadedItemsTest {
  @Test
  void reusing_keptOrNot_theSameResultsInTheSameOrder(@TempDir Path corpus) throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int a = 1; a <= 60; a++) {
      jsonl
          .append("{\"id\": \"a")
          .append(a)
          .append("\", \"title\": \"T\", \"paragraphs\": [\"Article ")
          .append(a)
          .append(" says something.\", \"Advertisement\", \"And more.\"]}\n");
    }
    Files.writeString(corpus.resolve("many.jsonl"), jsonl);
    List<IngestResult> fresh = load(new CorpusReader(corpus));

    LoadedItems all = new LoadedItems(Long.MAX_VALUE);
    new ParagraphStream(new CorpusReader(corpus), 4, all).forEach(p -> {});
    assertEquals(60, all.size());
    assertEquals(fresh, load(new CorpusReader(corpus).reusing(all)));
    assertEquals(0, all.size()); // each handed out once

    LoadedItems none = new LoadedItems(0);
    new ParagraphStream(new CorpusReader(corpus), 4, none).forEach(p -> {});
    assertEquals(0, none.size());
    assertEquals(fresh, load(new CorpusReader(corpus).reusing(none)));

    LoadedItems some = new LoadedItems(20_000);
    new ParagraphStream(new CorpusReader(corpus), 4, some).forEach(p -> {});
    assertTrue(some.size() > 0 && some.size() < 60, "kept " + some.size());
    assertEquals(fresh, load(new CorpusReader(corpus).reusing(some)));
  }

  private static List<IngestResult> load(CorpusReader reader) throws IOException {
    List<IngestResult> out = new ArrayList<>();
    reader.read(item -> out.add(item.load()));
    return out;
  }
}
