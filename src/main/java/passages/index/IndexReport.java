package passages.index;

import java.util.List;
import java.util.Map;
import passages.ingest.DropReason;
import passages.ingest.IngestResult;

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
    long millis) {
  public IndexReport {
    dropped = Map.copyOf(dropped);
    failures = List.copyOf(failures);
  }
}
