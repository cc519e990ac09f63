package passages.search;

import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Makes searchers that run one query on every core: an index of at least {@link #partitionFrom}
 * paragraphs is cut into one slice per core — partitions of a segment if need be (a force-merged index is
 * one segment) — and the slices are searched, collected and facet-counted in parallel. A small index is
 * one slice: the hand-off would cost more than it saves.
 */
final class SlicedSearcherFactory extends SearcherFactory {
  /** Paragraphs from which a query is split across cores ({@code -Dpassages.partitionFrom}). Not final: tests set it. */
  static int partitionFrom = Integer.getInteger("passages.partitionFrom", 100_000);

  private final Executor executor;
  private final int cores;

  /**
   * @param executor runs the slices other than the one the searching thread runs itself
   * @param cores slices to cut a big index into
   */
  SlicedSearcherFactory(Executor executor, int cores) {
    this.executor = executor;
    this.cores = cores;
  }

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
    if (cores < 2) return new IndexSearcher(reader);
    int from = partitionFrom;
    return new IndexSearcher(reader, executor) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        int docs = 0;
        for (LeafReaderContext leaf : leaves) docs += leaf.reader().maxDoc();
        if (docs < from || docs == 0) return slices(leaves, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
        return slices(leaves, Math.max(1, (docs + cores - 1) / cores), Integer.MAX_VALUE, true);
      }
    };
  }
}
