package passages.search;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Count arrays (one int per facet ordinal) and first-touch lists, reused across searches: one per
 * concurrent count, at most 64 MB of them kept (and at least 4), so a burst of concurrent searches
 * does not hold on to memory. Thread-safe.
 */
final class CountPool {
  /** Memory the arrays kept for reuse may take. */
  private static final long POOLED_BYTES = 64L << 20;

  /**
   * The arrays of one count.
   *
   * @param counts count per ordinal; all zero when taken
   * @param touched room for the ordinals counted, in first-touch order (for a sparse count)
   * @param groupCounts count per ordinal group ({@link FacetOrdinals}); all zero when taken
   * @param touchedGroups room for the groups counted, in first-touch order
   */
  record Scratch(int[] counts, int[] touched, int[] groupCounts, int[] touchedGroups) {}

  private final int ordinals;
  private final int groups;
  private final ConcurrentLinkedQueue<Scratch> pool = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pooled = new AtomicInteger();
  private final int maxPooled;

  /** A pool of arrays of {@code ordinals} and of {@code groups} ints. */
  CountPool(int ordinals, int groups) {
    this.ordinals = ordinals;
    this.groups = groups;
    this.maxPooled = (int) Math.max(4, POOLED_BYTES / (8L * Math.max(1, (long) ordinals + groups)));
  }

  /** Arrays for one count: reused ones when some are kept, else new ones. */
  Scratch take() {
    Scratch s = pool.poll();
    if (s == null) {
      return new Scratch(new int[ordinals], new int[ordinals], new int[groups], new int[groups]);
    }
    pooled.decrementAndGet();
    return s;
  }

  /**
   * Puts back arrays taken with {@link #take}; the caller has cleared {@code counts} and {@code
   * groupCounts} to zeros.
   */
  void give(Scratch s) {
    if (pooled.incrementAndGet() <= maxPooled) {
      pool.add(s);
    } else {
      pooled.decrementAndGet(); // enough kept: this one goes to the garbage collector
    }
  }
}
