package passages.search;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * Makes the searcher of each search, which runs one query on every core: an index of at least
 * {@code partitionFrom} paragraphs is cut into one slice per core — partitions of a segment if need
 * be (a force-merged index is one segment) — and the slices are searched, collected and
 * facet-counted in parallel. A small index is one slice: the hand-off would cost more than it
 * saves. So is every search while others run ({@link #begin}): the cores are busy already, and
 * per-slice collectors would only add merging. The slices read the reader they are given, so they
 * see its deadline whatever thread runs them. Thread-safe.
 */
final class SlicedSearcherFactory {
  private final int cores;
  private final int partitionFrom;
  private final ExecutorService pool;

  /** Searches running now (see {@link #begin}). */
  private final AtomicInteger running = new AtomicInteger();

  /**
   * @param cores slices to cut a big index into
   * @param partitionFrom paragraphs from which a query is split across the cores
   */
  SlicedSearcherFactory(int cores, int partitionFrom) {
    this.cores = cores;
    this.partitionFrom = partitionFrom;
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, cores - 1),
            r -> {
              Thread t = new Thread(r, "passages-search-slice");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a search of {@code reader}: returns a searcher that splits it across the cores, or —
   * when other searches are running, or there is one core — a plain searcher. Call {@link #end}
   * when the search is done.
   */
  IndexSearcher begin(IndexReader reader) {
    if (running.incrementAndGet() > 1 || cores < 2) return new IndexSearcher(reader);
    int from = partitionFrom;
    return new IndexSearcher(
        reader,
        task -> {
          if (running.get() > 1) {
            task.run(); // other searches keep the cores busy: no hand-off
          } else {
            pool.execute(task);
          }
        }) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        int docs = 0;
        for (LeafReaderContext leaf : leaves) docs += leaf.reader().maxDoc();
        if (docs < from || docs == 0)
          return slices(leaves, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
        return slices(leaves, Math.max(1, (docs + cores - 1) / cores), Integer.MAX_VALUE, true);
      }
    };
  }

  /** Ends a search started with {@link #begin}. */
  void end() {
    running.decrementAndGet();
  }

  /**
   * Stops the slice threads once their tasks are done: for when no searcher made here is used any
   * more.
   */
  void shutdown() {
    pool.shutdown();
  }
}
