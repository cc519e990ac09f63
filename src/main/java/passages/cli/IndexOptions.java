package passages.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.IndexNotFoundException;
import picocli.CommandLine.Option;
import passages.search.ParagraphSearcher;

/** The {@code --index} option shared by the commands that read an index. */
final class IndexOptions {
  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index/).")
  Path index;

  Path index() {
    return index != null ? index : Main.defaultPath("index");
  }

  /**
   * With no {@code --index} given, the default index belongs to the default corpus: build or rebuild it
   * when it is missing or stale, so {@code passages search} works from a fresh clone.
   */
  static void refreshDefault(java.io.PrintWriter err) throws IOException {
    Path corpus = Main.defaultPath("corpus");
    if (!Files.isDirectory(corpus)) return;
    var reader = new passages.ingest.CorpusReader(corpus);
    Path index = Main.defaultPath("index");
    CorpusOptions.updateIfStale(reader, index, "passages: index is missing or stale, indexing " + corpus + " first", err, err);
  }

  /** Opens the index, or fails with a one-line message saying how to build it. */
  ParagraphSearcher open() throws IOException {
    Path dir = index();
    if (!Files.isDirectory(dir)) throw new UserException("no index at " + dir + " (build it with: passages index)", Main.EXIT_FAILURE);
    try {
      return new ParagraphSearcher(dir);
    } catch (IndexNotFoundException e) {
      throw new UserException("no index at " + dir + " (build it with: passages index)", Main.EXIT_FAILURE);
    }
  }
}
