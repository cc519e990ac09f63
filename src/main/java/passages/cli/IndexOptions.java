package passages.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.IndexNotFoundException;
import passages.search.ParagraphSearcher;
import passages.search.SearchOptions;
import picocli.CommandLine.Option;

/** The {@code --index} option shared by the commands that read an index. */
final class IndexOptions {
  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index/).")
  Path index;

  /**
   * The index directory: {@code --index}, or the default.
   *
   * @throws UserException when it is a file
   */
  Path index() {
    Path dir = index != null ? index : Main.defaultPath("index");
    if (Files.exists(dir) && !Files.isDirectory(dir))
      throw new UserException(
          "the index " + dir + " is a file; --index takes a directory", Main.EXIT_USAGE);
    return dir;
  }

  /**
   * With no {@code --index} given, the default index belongs to the default corpus: build or
   * rebuild it when it is missing or stale, so {@code passages search} works from a fresh clone.
   */
  static void refreshDefault(java.io.PrintWriter err) throws IOException {
    Path corpus = Main.defaultPath("corpus");
    if (!Files.isDirectory(corpus)) return;
    var reader = new passages.ingest.CorpusReader(corpus);
    Path index = Main.defaultPath("index");
    new IndexJob(reader, index, err, err)
        .updateIfStale("passages: index is missing or stale, indexing " + corpus + " first");
  }

  /**
   * The search options of this run: the defaults, with the threshold from which one query is split
   * across the cores taken from {@code -Dpassages.partitionFrom} when it is set.
   */
  static SearchOptions searchOptions() {
    int otherwise = SearchOptions.DEFAULTS.partitionFrom();
    return SearchOptions.DEFAULTS.withPartitionFrom(
        partitionFromProperty(System.getProperty("passages.partitionFrom"), otherwise));
  }

  /**
   * The threshold set with {@code -Dpassages.partitionFrom} ({@code value}), or {@code otherwise}
   * when it is not set; a value that is not a whole number ≥ 0 is named on stderr and {@code
   * otherwise} used.
   */
  static int partitionFromProperty(String value, int otherwise) {
    if (value == null) return otherwise;
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 0) return n;
    } catch (NumberFormatException e) {
      // named below
    }
    System.err.println(
        "passages: -Dpassages.partitionFrom="
            + value
            + " is not a whole number >= 0; using "
            + otherwise);
    return otherwise;
  }

  /**
   * Opens the index with {@link #searchOptions()}, or fails with a one-line message saying how to
   * build it.
   */
  ParagraphSearcher open() throws IOException {
    Path dir = index();
    if (!Files.isDirectory(dir))
      throw new UserException(
          "no index at " + dir + " (build it with: passages index)", Main.EXIT_FAILURE);
    try {
      return new ParagraphSearcher(dir, searchOptions());
    } catch (IndexNotFoundException e) {
      throw new UserException(
          "no index at " + dir + " (build it with: passages index)", Main.EXIT_FAILURE);
    }
  }
}
