package passages.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.LongHeap;

/**
 * Picks the top values of each facet dimension from a count array: by descending count, ties by
 * value (the order of {@code SortedSetDocValuesFacetCounts}), either scanning every ordinal of a
 * dimension ({@link #dense}) or visiting only the ordinals a count touched ({@link #sparse}).
 * Thread-safe.
 */
final class TopValues {
  private final SortedSetDocValuesReaderState state;

  /**
   * {@code dimStart[i]} is the first ordinal of {@code dimName[i]}, ascending; {@code dimEnd[i]}
   * its last.
   */
  private final int[] dimStart;

  private final int[] dimEnd;
  private final String[] dimName;

  /** Facet value of each ordinal, looked up on first use (racy but safe: strings are immutable). */
  private final String[] labelCache;

  /** Top values of the dimensions {@code dims} (those {@code state} has, in ordinal order). */
  TopValues(SortedSetDocValuesReaderState state, List<String> dims) {
    this.state = state;
    List<String> present =
        dims.stream()
            .filter(d -> state.getOrdRange(d) != null)
            .sorted(
                (a, b) ->
                    Integer.compare(state.getOrdRange(a).start(), state.getOrdRange(b).start()))
            .toList();
    dimName = present.toArray(String[]::new);
    dimStart = present.stream().mapToInt(d -> state.getOrdRange(d).start()).toArray();
    dimEnd = present.stream().mapToInt(d -> state.getOrdRange(d).end()).toArray();
    labelCache = new String[state.getSize()];
  }

  /**
   * Puts the top {@code limit} values of each dimension, scanning its whole ordinal range in {@code
   * counts}.
   */
  void dense(int[] counts, int limit, Map<String, List<FacetValue>> out) throws IOException {
    for (int d = 0; d < dimName.length; d++) {
      LongHeap heap = new LongHeap(limit);
      int least =
          1; // a value must have at least this count to enter the heap (once full: its smallest
      // count)
      for (int ord = dimStart[d]; ord <= dimEnd[d]; ord++) {
        if (counts[ord] < least) continue;
        heap.insertWithOverflow(key(counts[ord], ord));
        if (heap.size() == limit) least = (int) (heap.top() >>> 32);
      }
      out.put(dimName[d], values(heap));
    }
  }

  /**
   * Puts the top {@code limit} values of each dimension some of the first {@code n} ordinals of
   * {@code touched} belong to, visiting only those.
   */
  void sparse(int[] counts, int[] touched, int n, int limit, Map<String, List<FacetValue>> out)
      throws IOException {
    LongHeap[] heaps = new LongHeap[dimName.length];
    for (int i = 0; i < n; i++) {
      int ord = touched[i];
      int d = Arrays.binarySearch(dimStart, ord);
      if (d < 0) d = -d - 2;
      if (d < 0 || ord > dimEnd[d]) continue; // a dimension this version does not show
      if (heaps[d] == null) heaps[d] = new LongHeap(limit);
      heaps[d].insertWithOverflow(key(counts[ord], ord));
    }
    for (int d = 0; d < dimName.length; d++)
      if (heaps[d] != null) out.put(dimName[d], values(heaps[d]));
  }

  /** Orders by count, then by lower ordinal (= value order): the larger key is the better value. */
  private static long key(int count, int ord) {
    return ((long) count << 32) | (Integer.MAX_VALUE - ord);
  }

  private List<FacetValue> values(LongHeap heap) throws IOException {
    FacetValue[] values = new FacetValue[heap.size()];
    SortedSetDocValues labels = state.getDocValues();
    for (int i = values.length - 1; i >= 0; i--) {
      long k = heap.pop();
      int ord = Integer.MAX_VALUE - (int) (k & 0xFFFFFFFFL);
      String label = labelCache[ord];
      if (label == null) labelCache[ord] = label = label(labels, ord);
      values[i] = new FacetValue(label, (int) (k >>> 32));
    }
    return List.of(values);
  }

  /** The value (last path component) of facet ordinal {@code ord}. */
  static String label(SortedSetDocValues labels, int ord) throws IOException {
    String[] path = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
    return path[path.length - 1];
  }
}
