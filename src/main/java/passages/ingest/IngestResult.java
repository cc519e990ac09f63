package passages.ingest;

import java.util.List;
import passages.model.Article;

/** The outcome of reading one corpus item: an article, or a failure that names its source. */
public sealed interface IngestResult {
  /** Where the item came from: a file, or one line of a JSONL file. */
  Source source();

  /** A clean article and the lines the cleaner dropped from it. */
  record Ingested(Source source, Article article, List<DroppedLine> dropped)
      implements IngestResult {
    public Ingested {
      dropped = List.copyOf(dropped);
    }
  }

  /** An item that could not be read; {@code message} says why, in a form fit for the user. */
  record Failed(Source source, String message) implements IngestResult {}
}
