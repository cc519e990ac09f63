package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * The facet values the paragraphs of one index reader have, for {@link FilterValues}: read from the
 * facet doc values' ordinals, counting only values some live paragraph has (a deleted article's
 * values stay in the ordinals until a merge). An exact value is one dictionary lookup; a value
 * ignoring case, or containing a text, scans the dimension's ordinals (only when a filter value is
 * not found as typed, or for the hints of a refusal). Thread-safe: each lookup reads its own doc
 * values.
 */
final class IndexedValues implements FilterValues.Lookup {
  private final SortedSetDocValuesReaderState state; // null: no facet indexed
  private final int[] live; // paragraphs per ordinal

  IndexedValues(SortedSetDocValuesReaderState state, int[] live) {
    this.state = state;
    this.live = live;
  }

  @Override
  public List<String> sameIgnoringCase(String dim, String value) throws IOException {
    SortedSetDocValuesReaderState.OrdRange range = range(dim);
    if (range == null) return List.of();
    SortedSetDocValues labels = state.getDocValues();
    long exact = labels.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, value)));
    if (exact >= 0 && live[(int) exact] > 0) return List.of(value);
    return scan(range, labels, v -> FilterValues.equalsIgnoringCase(v, value), Integer.MAX_VALUE);
  }

  @Override
  public List<String> containing(String dim, String text, int max) throws IOException {
    SortedSetDocValuesReaderState.OrdRange range = range(dim);
    if (range == null) return List.of();
    return scan(range, state.getDocValues(), v -> FilterValues.containsIgnoringCase(v, text), max);
  }

  private SortedSetDocValuesReaderState.OrdRange range(String dim) {
    return state == null ? null : state.getOrdRange(dim);
  }

  /**
   * The first {@code max} live values of {@code range} that {@code keep} accepts, in name order.
   */
  private List<String> scan(
      SortedSetDocValuesReaderState.OrdRange range,
      SortedSetDocValues labels,
      java.util.function.Predicate<String> keep,
      int max)
      throws IOException {
    List<String> out = new ArrayList<>();
    for (int ord = range.start(); ord <= range.end() && out.size() < max; ord++) {
      if (live[ord] == 0) continue;
      String value = TopValues.label(labels, ord);
      if (keep.test(value)) out.add(value);
    }
    return out;
  }
}
