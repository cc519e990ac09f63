package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import passages.index.Fields;
import passages.model.EntityType;

/**
 * The facet state of one index reader (built once per reader: ordinal maps over the facet doc values)
 * and the set of known outlets. Counts the facets of a search: the outlet, then each entity type.
 * Immutable and thread-safe.
 */
final class FacetSnapshot {
  private static final List<String> DIMS = dims();
  /**
   * Matches from which the facet values are counted on two threads, the caller and {@link #HELPER}:
   * counting is linear in matches × values per paragraph (an outlet and ~5 entities), the dearest part of
   * a broad query. Below it one thread is quicker than the hand-off. Not final: tests set it.
   */
  static int parallelFrom = 20_000;
  private static final ExecutorService HELPER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "passages-facet-counter");
    t.setDaemon(true);
    return t;
  });

  private final DirectoryReader reader;
  private final SortedSetDocValuesReaderState state; // null when no facet was ever indexed
  private final Set<String> outlets;

  private FacetSnapshot(DirectoryReader reader, SortedSetDocValuesReaderState state, Set<String> outlets) {
    this.reader = reader;
    this.state = state;
    this.outlets = outlets;
  }

  /** Builds the state of {@code reader}: proportional to the index size, so done once per reader. */
  static FacetSnapshot of(DirectoryReader reader, FacetsConfig config) throws IOException {
    SortedSetDocValuesReaderState state = null;
    Set<String> outlets = new HashSet<>();
    try {
      state = new DefaultSortedSetDocValuesReaderState(reader, config);
    } catch (IllegalArgumentException noFacetsIndexed) {
      // an index with no outlet and no entity at all has no facet doc values
    }
    if (state != null && state.getOrdRange(Fields.OUTLET) != null) {
      FacetResult all = new SortedSetDocValuesFacetCounts(state).getAllChildren(Fields.OUTLET);
      if (all != null) for (LabelAndValue lv : all.labelValues) outlets.add(lv.label);
    }
    return new FacetSnapshot(reader, state, Set.copyOf(outlets));
  }

  /** Whether this snapshot was built for {@code other}. */
  boolean isFor(DirectoryReader other) {
    return reader == other;
  }

  /** Whether some paragraph has outlet {@code outlet}. */
  boolean hasOutlet(String outlet) {
    return outlets.contains(outlet);
  }

  /**
   * The top {@code limit} values of every dimension over the hits {@code fc} collected, by descending
   * count; every dimension is present, empty when {@code fc} is null (facets not asked for) or unindexed.
   */
  Map<String, List<FacetValue>> counts(FacetsCollector fc, int limit) throws IOException {
    if (fc != null && state != null && totalHits(fc) >= parallelFrom) return countInTwo(fc, limit);
    SortedSetDocValuesFacetCounts counts = fc == null || state == null ? null : new SortedSetDocValuesFacetCounts(state, fc);
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : DIMS) {
      List<FacetValue> values = new ArrayList<>();
      if (counts != null && state.getOrdRange(dim) != null) {
        FacetResult r = counts.getTopChildren(limit, dim);
        if (r != null) for (LabelAndValue lv : r.labelValues) values.add(new FacetValue(lv.label, lv.value.longValue()));
      }
      out.put(dim, values);
    }
    return out;
  }

  /**
   * The same answer as {@link SortedSetDocValuesFacetCounts} (top values by count, ties by ordinal, i.e.
   * by value), counted on two threads: each takes the first or second half of every segment's documents.
   */
  private Map<String, List<FacetValue>> countInTwo(FacetsCollector fc, int limit) throws IOException {
    int[] mine = new int[state.getSize()];
    Future<int[]> theirs = HELPER.submit(() -> {
      int[] counts = new int[state.getSize()];
      countHalf(fc, false, counts);
      return counts;
    });
    countHalf(fc, true, mine);
    int[] other;
    try {
      other = theirs.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while counting facets", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IOException(e.getCause());
    }
    for (int i = 0; i < mine.length; i++) mine[i] += other[i];

    SortedSetDocValues labels = state.getDocValues();
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : DIMS) {
      SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
      List<FacetValue> values = new ArrayList<>();
      if (range != null) {
        PriorityQueue<int[]> top = new PriorityQueue<>((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[0], a[0]));
        for (int ord = range.start(); ord <= range.end(); ord++) {
          if (mine[ord] == 0) continue;
          top.add(new int[] {ord, mine[ord]});
          if (top.size() > limit) top.poll();
        }
        List<int[]> best = new ArrayList<>(top);
        best.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
        for (int[] e : best) {
          String[] path = FacetsConfig.stringToPath(labels.lookupOrd(e[0]).utf8ToString());
          values.add(new FacetValue(path[path.length - 1], e[1]));
        }
      }
      out.put(dim, values);
    }
    return out;
  }

  /** Adds the facet ordinals of the matches in the first (or second) half of each segment to {@code counts}. */
  private void countHalf(FacetsCollector fc, boolean firstHalf, int[] counts) throws IOException {
    SortedSetDocValues dv = state.getDocValues(); // a fresh iterator over global ordinals, for this thread
    for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
      if (md.totalHits() == 0 || md.bits() == null) continue;
      int maxDoc = md.context().reader().maxDoc();
      int mid = maxDoc / 2;
      int from = firstHalf ? 0 : mid;
      int to = firstHalf ? mid : maxDoc;
      int base = md.context().docBase;
      DocIdSetIterator it = md.bits().iterator();
      if (it == null) continue;
      for (int doc = it.advance(from); doc < to; doc = it.nextDoc()) {
        if (dv.advanceExact(base + doc)) {
          for (int i = dv.docValueCount(); i > 0; i--) counts[(int) dv.nextOrd()]++;
        }
      }
    }
  }

  private static long totalHits(FacetsCollector fc) {
    long n = 0;
    for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) n += md.totalHits();
    return n;
  }

  private static List<String> dims() {
    List<String> dims = new ArrayList<>();
    dims.add(Fields.OUTLET);
    for (EntityType t : EntityType.values()) dims.add(t.key());
    return List.copyOf(dims);
  }
}
