package passages.ingest;

import java.util.List;
import passages.model.Article;

/** The outcome of reading one corpus item: an article, or a failure that names its source. */
public sealed interface IngestResult {
  /** Where the item came from: a file, or one line of a JSONL file. */
  Source source();

  /**
   * A clean article, the lines the cleaner dropped from it, and notes on what of the source it
   * could not use (a {@code date} it cannot read: the article is indexed without one).
   */
  record Ingested(Source source, Article article, List<DroppedLine> dropped, List<String> notes)
      implements IngestResult {
    public Ingested {
      dropped = List.copyOf(dropped);
      notes = List.copyOf(notes);
    }

    /** An article read with nothing to note. */
    public Ingested(Source source, Article article, List<DroppedLine> dropped) {
      this(source, article, dropped, List.of());
    }
  }

  /** An item that could not be read; {@code message} says why, in a form fit for the user. */
  record Failed(Source source, String message) implements IngestResult {}
}
