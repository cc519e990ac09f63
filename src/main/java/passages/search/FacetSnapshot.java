package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import passages.index.Fields;
import passages.model.EntityType;

/**
 * The facet state of one index reader, built once per reader: the facet ordinals of every paragraph
 * in memory ({@link FacetOrdinals}), the set of known outlets, the count arrays ({@link CountPool})
 * and the top-values scan ({@link TopValues}). Counts the facets of a search: the outlet, then each
 * entity type. Thread-safe.
 */
final class FacetSnapshot {
  private static final List<String> DIMS = dims();

  /**
   * The dimensions of {@link #DIMS} shown before the metadata dimensions (outlet, author); the
   * entity types follow them.
   */
  private static final int FIXED_BEFORE_METADATA = 2;

  /**
   * A metadata key is a facet when at least {@code 1 / METADATA_MIN_SHARE} of the paragraphs have
   * it and it has at most {@value #METADATA_MAX_VALUES} distinct values: a label most articles
   * carry ({@code topic}, {@code bias}), not an id or a free text.
   */
  static final int METADATA_MIN_SHARE = 2;

  static final int METADATA_MAX_VALUES = 1000;

  /**
   * An {@link FacetCounting#ADAPTIVE adaptive} count stays sparse (only the ordinals some match has
   * are visited when picking the top values) while fewer than {@code ordinals /
   * ADAPTIVE_SPARSE_RATIO} distinct ordinals were counted; past that every ordinal of a dimension
   * is scanned.
   */
  static final int ADAPTIVE_SPARSE_RATIO = 8;

  private final DirectoryReader reader;
  private final SortedSetDocValuesReaderState state; // null when no facet was ever indexed
  private final FacetOrdinals ordinals; // null with state
  private final Set<String> outlets;

  /**
   * Every dimension shown, in order: outlet, author, the metadata keys that are facets (name
   * order), the entity types.
   */
  private final List<String> shownDims;

  /** Keys a {@link MetaFilter} may name: author and every indexed metadata key. */
  private final Set<String> filterDims;

  private final CountPool pool; // null with state
  private final TopValues top; // null with state

  /** The values the live paragraphs have, for resolving filter values ({@link FilterValues}). */
  private final IndexedValues values;

  private FacetSnapshot(
      DirectoryReader reader, SortedSetDocValuesReaderState state, FacetOrdinals ordinals)
      throws IOException {
    this.reader = reader;
    this.state = state;
    this.ordinals = ordinals;
    Set<String> known = new HashSet<>();
    int[] all = state == null ? new int[0] : new int[state.getSize()];
    if (state != null) ordinals.countAll(all);
    this.values = new IndexedValues(state, all);
    if (state != null && state.getOrdRange(Fields.OUTLET) != null) {
      SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(Fields.OUTLET);
      SortedSetDocValues labels = state.getDocValues();
      for (int ord = range.start(); ord <= range.end(); ord++)
        if (all[ord] > 0) known.add(TopValues.label(labels, ord));
    }
    this.outlets = Set.copyOf(known);
    this.pool = state == null ? null : new CountPool(state.getSize(), ordinals.groups());
    this.filterDims = state == null ? Set.of() : filterDims(state);
    List<String> shown = new ArrayList<>(DIMS.subList(0, FIXED_BEFORE_METADATA));
    if (state != null) shown.addAll(metadataDims(state, ordinals, reader.numDocs(), filterDims));
    shown.addAll(DIMS.subList(FIXED_BEFORE_METADATA, DIMS.size()));
    this.shownDims = List.copyOf(shown);
    this.top = state == null ? null : new TopValues(state, shownDims);
  }

  /**
   * Builds the state of {@code reader}: proportional to the index size, so done once per reader.
   */
  static FacetSnapshot of(DirectoryReader reader, FacetsConfig config) throws IOException {
    SortedSetDocValuesReaderState state = null;
    try {
      state = new DefaultSortedSetDocValuesReaderState(reader, config);
    } catch (IllegalArgumentException noFacetsIndexed) {
      // an index with no outlet and no entity at all has no facet doc values
    }
    FacetOrdinals ordinals =
        state == null
            ? null
            : FacetOrdinals.read(reader, state.getDocValues(), articleLevel(state));
    return new FacetSnapshot(reader, state, ordinals);
  }

  /**
   * Whether an ordinal is of a dimension every paragraph of an article shares (outlet, author,
   * metadata), counted per distinct set rather than per paragraph ({@link FacetOrdinals}).
   */
  private static java.util.function.IntPredicate articleLevel(SortedSetDocValuesReaderState state) {
    List<SortedSetDocValuesReaderState.OrdRange> ranges = new ArrayList<>();
    if (state.getOrdRange(Fields.OUTLET) != null) ranges.add(state.getOrdRange(Fields.OUTLET));
    for (String key : filterDims(state)) ranges.add(state.getOrdRange(key));
    return ord -> {
      for (SortedSetDocValuesReaderState.OrdRange r : ranges)
        if (ord >= r.start() && ord <= r.end()) return true;
      return false;
    };
  }

  /** Whether this snapshot was built for {@code other}. */
  boolean isFor(DirectoryReader other) {
    return reader == other;
  }

  /** Whether some paragraph has outlet {@code outlet}. */
  boolean hasOutlet(String outlet) {
    return outlets.contains(outlet);
  }

  /** Every fixed dimension (outlet, author, entity types), with no values. */
  static Map<String, List<FacetValue>> none() {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : DIMS) out.put(dim, List.of());
    return out;
  }

  /**
   * Every dimension of this index, with no values: the facets of a search that did not ask for
   * them.
   */
  Map<String, List<FacetValue>> empty() {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : shownDims) out.put(dim, List.of());
    return out;
  }

  /** Whether a {@link MetaFilter} may name {@code key}: author or an indexed metadata key. */
  boolean isFilterKey(String key) {
    return filterDims.contains(key);
  }

  /** The keys a {@link MetaFilter} may name: author and the indexed metadata keys. */
  Set<String> filterKeys() {
    return filterDims;
  }

  /** The values the live paragraphs of this reader have, per dimension. */
  FilterValues.Lookup values() {
    return values;
  }

  /**
   * The dimensions that are metadata keys or the author: indexed, and neither the outlet nor an
   * entity type.
   */
  private static Set<String> filterDims(SortedSetDocValuesReaderState state) {
    Set<String> keys = new HashSet<>(state.getPrefixToOrdRange().keySet());
    for (String dim : DIMS) if (!dim.equals(Fields.AUTHOR)) keys.remove(dim);
    return Set.copyOf(keys);
  }

  /** The metadata keys that are facets (see {@link #METADATA_MIN_SHARE}), in name order. */
  private static List<String> metadataDims(
      SortedSetDocValuesReaderState state,
      FacetOrdinals ordinals,
      int paragraphs,
      Set<String> filterDims) {
    Set<String> keys = new HashSet<>(filterDims);
    keys.remove(Fields.AUTHOR);
    if (keys.isEmpty()) return List.of();
    int[] all = new int[state.getSize()];
    ordinals.countAll(all);
    List<String> out = new ArrayList<>();
    for (String key : keys) {
      SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(key);
      long with = 0;
      for (int ord = range.start(); ord <= range.end(); ord++) with += all[ord];
      int values = range.end() - range.start() + 1;
      if (with * METADATA_MIN_SHARE >= paragraphs && values <= METADATA_MAX_VALUES) out.add(key);
    }
    out.sort(null);
    return List.copyOf(out);
  }

  /**
   * Counts the facet values of a search's matches while they are collected (one collector per
   * search slice, each with its own count array) and reduces to the top {@code limit} values of
   * every dimension by descending count, ties by value (the order of {@code
   * SortedSetDocValuesFacetCounts}); every dimension is present. {@code counting} says how (the
   * answer is the same). With {@code days} (a snapshot of the same reader), the matches per day are
   * counted too, from the same pass ({@link #countsDays()} must hold).
   */
  CollectorManager<Counter, Counted> counter(int limit, FacetCounting counting, DaySnapshot days) {
    return new CollectorManager<>() {
      @Override
      public Counter newCollector() {
        return new Counter(counting);
      }

      @Override
      public Counted reduce(Collection<Counter> counters) throws IOException {
        Map<String, List<FacetValue>> out = empty();
        if (state == null || counters.isEmpty()) return new Counted(out, null);
        int[] perDay = days == null ? null : new int[days.span()];
        long undated = 0;
        for (Counter c : counters) {
          c.flush();
          if (days != null) undated += c.days(days.first(), perDay);
          c.expand();
        }
        Iterator<Counter> it = counters.iterator();
        Counter all = it.next();
        try {
          while (it.hasNext()) all.absorb(it.next());
          if (all.sparse()) {
            top.sparse(all.scratch.counts(), all.scratch.touched(), all.touched, limit, out);
          } else {
            top.dense(all.scratch.counts(), limit, out);
          }
        } finally {
          all.release();
        }
        return new Counted(out, days == null ? null : new DaySnapshot.Counts(perDay, undated));
      }
    };
  }

  /** Whether {@link #counter} can count days: some facet is indexed. */
  boolean countsDays() {
    return state != null;
  }

  /**
   * What {@link #counter} counted: the top values of every dimension, and the matches per day when
   * asked (else null).
   */
  record Counted(Map<String, List<FacetValue>> facets, DaySnapshot.Counts days) {}

  /** Counts the facet ordinals of the documents it collects; see {@link #counter}. */
  final class Counter implements Collector {
    /**
     * Documents collected before their ordinals are counted in one go (see {@link
     * FacetOrdinals#count(int[], int, int[], int[], int[], int[], int)}).
     */
    private static final int BATCH = 512;

    private CountPool.Scratch scratch;
    private final int[] docs = new int[BATCH];
    private final int[] from = new int[BATCH];
    private final int[] to = new int[BATCH];
    private int buffered;

    /**
     * Ordinals counted so far in {@code scratch.touched()}, or -1 once past the sparse limit
     * (dense).
     */
    private int touched;

    /** Groups counted so far in {@code scratch.touchedGroups()}. */
    private int groupsTouched;

    private final FacetOrdinals.Cursor cursor = new FacetOrdinals.Cursor();

    private final int sparseLimit;
    private Weight weight;

    private Counter(FacetCounting counting) {
      scratch = state == null ? null : pool.take();
      sparseLimit =
          counting == FacetCounting.SPARSE || state == null
              ? Integer.MAX_VALUE
              : counting == FacetCounting.DENSE ? 0 : state.getSize() / ADAPTIVE_SPARSE_RATIO;
      touched = counting == FacetCounting.DENSE ? -1 : 0;
    }

    private boolean sparse() {
      return touched >= 0;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    /**
     * A search that says it has more matches than the sparse limit (a term query knows its count
     * without collecting) counts densely from the start: the first-touch bookkeeping would be
     * thrown away anyway.
     */
    @Override
    public void setWeight(Weight weight) {
      this.weight = weight;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      if (sparse() && weight != null && matchesAtLeast(context) > sparseLimit) touched = -1;
      int base = context.docBase;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          docs[buffered++] = base + doc;
          if (buffered == BATCH) flush();
        }

        @Override
        public void finish() {
          flush();
        }
      };
    }

    /**
     * How many documents of {@code context} the search matches, or an estimate from above (the
     * postings it reads) when it cannot say exactly: enough to choose how to count.
     */
    private long matchesAtLeast(LeafReaderContext context) throws IOException {
      int exact = weight.count(context);
      if (exact >= 0) return exact;
      var supplier = weight.scorerSupplier(context);
      return supplier == null ? 0 : supplier.cost();
    }

    /** Counts the buffered documents. */
    private Counter flush() {
      if (scratch != null && buffered > 0) {
        touched =
            ordinals.count(docs, buffered, from, to, scratch.counts(), scratch.touched(), touched);
        groupsTouched =
            ordinals.countGroups(
                docs,
                buffered,
                cursor,
                scratch.groupCounts(),
                scratch.touchedGroups(),
                groupsTouched);
        if (touched > sparseLimit) touched = -1;
      }
      buffered = 0;
      return this;
    }

    /**
     * Adds the matches counted per group to their days (index {@code day - first} of {@code
     * perDay}); returns the undated matches. Before {@link #expand}.
     */
    private long days(int first, int[] perDay) {
      if (scratch == null) return 0;
      return ordinals.days(
          scratch.groupCounts(), scratch.touchedGroups(), groupsTouched, first, perDay);
    }

    /** Adds the group counts to the counts of their ordinals (once all is collected). */
    private void expand() {
      if (scratch == null) return;
      touched =
          ordinals.expand(
              scratch.groupCounts(),
              scratch.touchedGroups(),
              groupsTouched,
              scratch.counts(),
              scratch.touched(),
              touched);
      groupsTouched = 0;
      if (touched > sparseLimit) touched = -1;
    }

    /** Adds {@code other}'s counts to this one and releases it. */
    private void absorb(Counter other) {
      if (scratch == null || other.scratch == null) return;
      int[] counts = scratch.counts();
      int[] theirs = other.scratch.counts();
      if (sparse() && other.sparse()) {
        for (int i = 0; i < other.touched; i++) {
          int o = other.scratch.touched()[i];
          if (counts[o] == 0) scratch.touched()[touched++] = o;
          counts[o] += theirs[o];
        }
      } else {
        for (int i = 0; i < counts.length; i++) counts[i] += theirs[i];
        touched = -1;
      }
      other.release();
    }

    /** Clears the count array and puts it back for the next search. */
    private void release() {
      if (scratch == null) return;
      if (sparse()) {
        for (int i = 0; i < touched; i++) scratch.counts()[scratch.touched()[i]] = 0;
      } else {
        Arrays.fill(scratch.counts(), 0);
      }
      pool.give(scratch);
      scratch = null;
    }
  }

  private static List<String> dims() {
    List<String> dims = new ArrayList<>();
    dims.add(Fields.OUTLET);
    dims.add(Fields.AUTHOR);
    for (EntityType t : EntityType.values()) dims.add(t.key());
    return List.copyOf(dims);
  }
}
