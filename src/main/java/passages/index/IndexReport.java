package passages.index;

import java.util.List;
import java.util.Map;
import passages.ingest.DropReason;
import passages.ingest.IngestResult;

/**
 * What one indexing run did.
 *
 * @param articles articles indexed
 * @param paragraphs paragraphs indexed
 * @param dropped lines the cleaner dropped, by reason
 * @param failures corpus items that could not be indexed, each naming its source
 * @param millis wall-clock duration
 */
public record IndexReport(
    int articles, long paragraphs, Map<DropReason, Integer> dropped, List<IngestResult.Failed> failures, long millis) {
  public IndexReport {
    dropped = Map.copyOf(dropped);
    failures = List.copyOf(failures);
  }
}
