package passages.search;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * The moment one search must stop, on the {@link System#nanoTime()} clock. The searcher wraps the
 * index reader of each search with its own deadline ({@link
 * org.apache.lucene.index.ExitableDirectoryReader}), so every slice of the search, on whatever
 * thread, reads through the same deadline. Immutable.
 *
 * @param atNanos the {@code System.nanoTime()} value from which the search must stop
 */
record Deadline(long atNanos) implements QueryTimeout {
  /** The deadline {@code budget} from now. */
  static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos());
  }

  /** Whether the deadline has come (compared as a difference: {@code nanoTime} may wrap around). */
  @Override
  public boolean shouldExit() {
    return System.nanoTime() - atNanos >= 0;
  }
}
