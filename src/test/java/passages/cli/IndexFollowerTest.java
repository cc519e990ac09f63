package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.search.Hit;
import passages.search.ParagraphSearcher;
import passages.search.SearchRequest;

class IndexFollowerTest {
  @Test
  void watch_corpusChanges_reachTheServingSearcher(@TempDir Path corpus, @TempDir Path index)
      throws Exception {
    Files.writeString(corpus.resolve("a.txt"), "Zebras crossed the road on Monday.\n");
    new Indexer(text -> List.of()).update(new CorpusReader(corpus), index);
    StringWriter out = new StringWriter();
    try (ParagraphSearcher searcher = new ParagraphSearcher(index);
        IndexFollower follower =
            new IndexFollower(
                searcher,
                new CorpusReader(corpus),
                index,
                true,
                new PrintWriter(out, true),
                new PrintWriter(out, true))) {

      Files.writeString(corpus.resolve("b.txt"), "Giraffes followed on Tuesday.\n");
      List<String> afterAdd = awaitIds(searcher, List.of("a.p1", "b.p1"));
      Files.delete(corpus.resolve("a.txt"));
      List<String> afterDelete = awaitIds(searcher, List.of("b.p1"));

      assertEquals(List.of("a.p1", "b.p1"), afterAdd, out.toString());
      assertEquals(List.of("b.p1"), afterDelete, out.toString());
    }
  }

  /** Polls (up to 15 s) until the searcher shows {@code expected}; returns what it shows last. */
  private static List<String> awaitIds(ParagraphSearcher s, List<String> expected)
      throws Exception {
    List<String> ids = List.of();
    for (int i = 0; i < 150 && !ids.equals(expected); i++) {
      Thread.sleep(100);
      ids = s.search(SearchRequest.of("")).hits().stream().map(Hit::id).toList();
    }
    return ids;
  }
}
