package passages.ingest;

import java.util.function.Supplier;

/**
 * One article-to-be of a corpus: cheap to create while reading, with the costly part (decoding,
 * parsing, cleaning) left to {@link #load()}, which an indexer may run on another thread.
 *
 * @param source where it comes from: a file, or one line of a JSONL file
 * @param articleId the article id when known before loading (from a file name), else {@code null}
 * @param loader produces the outcome; never throws
 */
public record CorpusItem(Source source, String articleId, Supplier<IngestResult> loader) {
  /**
   * Decodes, parses and cleans the item. Never throws: a bad item is an {@link
   * IngestResult.Failed}.
   */
  public IngestResult load() {
    try {
      return loader.get();
    } catch (RuntimeException | StackOverflowError e) {
      return new IngestResult.Failed(
          source,
          "cannot be read: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }
}
