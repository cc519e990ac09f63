package passages.search;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Makes searchers that run one query on every core: an index of at least {@link #partitionFrom}
 * paragraphs is cut into one slice per core — partitions of a segment if need be (a force-merged index is
 * one segment) — and the slices are searched, collected and facet-counted in parallel. A small index is
 * one slice: the hand-off would cost more than it saves. So is every search while others run
 * ({@link #begin}): the cores are busy already, and per-slice collectors would only add merging.
 */
final class SlicedSearcherFactory extends SearcherFactory {
  /** Paragraphs from which a query is split across cores ({@code -Dpassages.partitionFrom}). Not final: tests set it. */
  static int partitionFrom = partitionFromProperty(System.getProperty("passages.partitionFrom"), 100_000);

  /**
   * The threshold set with {@code -Dpassages.partitionFrom} ({@code value}), or {@code otherwise} when it is
   * not set; a value that is not a whole number ≥ 0 is named on stderr and {@code otherwise} used.
   */
  static int partitionFromProperty(String value, int otherwise) {
    if (value == null) return otherwise;
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 0) return n;
    } catch (NumberFormatException e) {
      // named below
    }
    System.err.println("passages: -Dpassages.partitionFrom=" + value + " is not a whole number >= 0; using " + otherwise);
    return otherwise;
  }

  private final int cores;
  private final UnaryOperator<Runnable> inContext;
  private final ExecutorService pool;
  /** Searches running now (see {@link #begin}). */
  private final AtomicInteger running = new AtomicInteger();

  /**
   * @param cores slices to cut a big index into
   * @param inContext wraps a slice's task, when it is handed to another thread, with what that thread must
   *     see of the searching thread (its time budget)
   */
  SlicedSearcherFactory(int cores, UnaryOperator<Runnable> inContext) {
    this.cores = cores;
    this.inContext = inContext;
    this.pool = Executors.newFixedThreadPool(Math.max(1, cores - 1), r -> {
      Thread t = new Thread(r, "passages-search-slice");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
    if (cores < 2) return new IndexSearcher(reader);
    int from = partitionFrom;
    return new IndexSearcher(reader, task -> {
      if (running.get() > 1) {
        task.run(); // other searches keep the cores busy: no hand-off
      } else {
        pool.execute(inContext.apply(task));
      }
    }) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        int docs = 0;
        for (LeafReaderContext leaf : leaves) docs += leaf.reader().maxDoc();
        if (docs < from || docs == 0) return slices(leaves, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
        return slices(leaves, Math.max(1, (docs + cores - 1) / cores), Integer.MAX_VALUE, true);
      }
    };
  }

  /**
   * Starts a search on {@code managed} (a searcher this factory made): returns it, or — when other
   * searches are running — a plain searcher of the same reader. Call {@link #end} when the search is done.
   */
  IndexSearcher begin(IndexSearcher managed) {
    return running.incrementAndGet() > 1 ? new IndexSearcher(managed.getIndexReader()) : managed;
  }

  /** Ends a search started with {@link #begin}. */
  void end() {
    running.decrementAndGet();
  }

  /** Stops the slice threads once their tasks are done: for when no searcher made here is used any more. */
  void shutdown() {
    pool.shutdown();
  }
}
