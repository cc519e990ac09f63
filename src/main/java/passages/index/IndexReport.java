package passages.index;

import java.util.List;
import java.util.Map;
import passages.ingest.DropReason;
import passages.ingest.IngestResult;
import passages.ingest.Source;

/**
 * What one indexing run did.
 *
 * @param indexed articles added or re-indexed because their content changed
 * @param unchanged articles already indexed with the same content (skipped)
 * @param deleted articles removed from the index because they left the corpus
 * @param paragraphs paragraphs written by this run
 * @param totalParagraphs paragraphs in the index after the run
 * @param dropped lines the cleaner dropped from the articles read, by reason
 * @param failureCount corpus items that could not be indexed
 * @param failures the first {@value Indexer#MAX_REPORTED_FAILURES} of them, each naming its source
 *     (file, or file:line)
 * @param millis wall-clock duration
 * @param noteCount notes on indexed items: what of their source was not used (a date it cannot
 *     read)
 * @param notes the first {@value Indexer#MAX_REPORTED_FAILURES} of them, in corpus order
 */
public record IndexReport(
    long indexed,
    long unchanged,
    long deleted,
    long paragraphs,
    long totalParagraphs,
    Map<DropReason, Long> dropped,
    long failureCount,
    List<IngestResult.Failed> failures,
    long millis,
    long noteCount,
    List<Note> notes) {
  public IndexReport {
    dropped = Map.copyOf(dropped);
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
  }

  /** A report without notes. */
  public IndexReport(
      long indexed,
      long unchanged,
      long deleted,
      long paragraphs,
      long totalParagraphs,
      Map<DropReason, Long> dropped,
      long failureCount,
      List<IngestResult.Failed> failures,
      long millis) {
    this(
        indexed,
        unchanged,
        deleted,
        paragraphs,
        totalParagraphs,
        dropped,
        failureCount,
        failures,
        millis,
        0,
        List.of());
  }

  /** A note on an indexed item, naming its source (file, or file:line). */
  public record Note(Source source, String message) {}
}
