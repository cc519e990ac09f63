package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import passages.index.Fields;
import passages.model.EntityType;

/**
 * The facet state of one index reader (built once per reader: ordinal maps over the facet doc values)
 * and the set of known outlets. Counts the facets of a search: the outlet, then each entity type.
 * Immutable and thread-safe.
 */
final class FacetSnapshot {
  private static final List<String> DIMS = dims();

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

  private static List<String> dims() {
    List<String> dims = new ArrayList<>();
    dims.add(Fields.OUTLET);
    for (EntityType t : EntityType.values()) dims.add(t.key());
    return List.copyOf(dims);
  }
}
