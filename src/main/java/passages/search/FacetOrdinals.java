package passages.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.Bits;

/**
 * The facet ordinals of every live paragraph of one index reader, held in memory, so that counting
 * the facets of a search is a loop over ints instead of decoding doc values per match. A
 * paragraph's ordinals are split in two:
 *
 * <ul>
 *   <li>its <em>shared</em> ordinals (those {@link #read} is told are shared: the article's outlet,
 *       authors and metadata, the same on every paragraph of an article), stored once per distinct
 *       set as a <em>group</em>: a search counts one per match in its group and adds the group's
 *       count to each of the group's ordinals once at the end ({@link #expand});
 *   <li>its own ordinals (the entities of that paragraph), counted per match.
 * </ul>
 *
 * A broad query matches several paragraphs of one article, so this counts far fewer ordinals per
 * match than listing all of them per paragraph (7 per paragraph on allsides, 4.8 of them shared).
 * Costs 8 bytes per document plus 4 per own ordinal and the groups: about 14 MB for the 825k
 * paragraphs of allsides. Immutable and thread-safe.
 */
final class FacetOrdinals {
  /** Document {@code d}'s own ordinals are {@code ords[start[d] .. start[d + 1])}. */
  private final int[] start;

  private final int[] ords;

  /** Document {@code d}'s group, or -1 when it has no shared ordinal (or is deleted). */
  private final int[] group;

  /** Group {@code g}'s ordinals are {@code groupOrds[groupStart[g] .. groupStart[g + 1])}. */
  private final int[] groupStart;

  private final int[] groupOrds;

  private FacetOrdinals(int[] start, int[] ords, int[] group, int[] groupStart, int[] groupOrds) {
    this.start = start;
    this.ords = ords;
    this.group = group;
    this.groupStart = groupStart;
    this.groupOrds = groupOrds;
  }

  /**
   * Reads {@code values} (global ordinals over the whole of {@code reader}); deleted documents get
   * none.
   *
   * @param shared which ordinals are grouped per distinct set rather than kept per document
   */
  static FacetOrdinals read(DirectoryReader reader, SortedSetDocValues values, IntPredicate shared)
      throws IOException {
    int maxDoc = reader.maxDoc();
    Bits live = MultiBits.getLiveDocs(reader);
    int[] start = new int[maxDoc + 1];
    int[] ords = new int[Math.max(16, maxDoc * 2)];
    int[] group = new int[maxDoc];
    Arrays.fill(group, -1);
    Map<IntList, Integer> groups = new HashMap<>();
    int[] groupStart = new int[16];
    int[] groupOrds = new int[16];
    int groupOrdCount = 0;
    int[] mine = new int[16];
    int n = 0;
    int filled = 0; // documents whose start is set
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      while (filled <= doc) start[filled++] = n;
      if (live != null && !live.get(doc)) continue;
      int count = values.docValueCount();
      ords = ArrayUtil.grow(ords, n + count);
      mine = ArrayUtil.grow(mine, count);
      int sharedCount = 0;
      for (int i = 0; i < count; i++) {
        int o = (int) values.nextOrd();
        if (shared.test(o)) mine[sharedCount++] = o;
        else ords[n++] = o;
      }
      if (sharedCount == 0) continue;
      IntList key = new IntList(Arrays.copyOf(mine, sharedCount));
      Integer g = groups.get(key);
      if (g == null) {
        g = groups.size();
        groups.put(key, g);
        groupStart = ArrayUtil.grow(groupStart, g + 2);
        groupOrds = ArrayUtil.grow(groupOrds, groupOrdCount + sharedCount);
        groupStart[g] = groupOrdCount;
        System.arraycopy(key.values(), 0, groupOrds, groupOrdCount, sharedCount);
        groupOrdCount += sharedCount;
      }
      group[doc] = g;
    }
    while (filled <= maxDoc) start[filled++] = n;
    groupStart = ArrayUtil.grow(groupStart, groups.size() + 1);
    groupStart[groups.size()] = groupOrdCount;
    return new FacetOrdinals(
        start,
        ArrayUtil.copyOfSubArray(ords, 0, n),
        group,
        ArrayUtil.copyOfSubArray(groupStart, 0, groups.size() + 1),
        ArrayUtil.copyOfSubArray(groupOrds, 0, groupOrdCount));
  }

  /** An int array as a hash key. */
  private record IntList(int[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IntList other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  /** Number of groups: the length a group count array needs. */
  int groups() {
    return groupStart.length - 1;
  }

  /**
   * Adds one to {@code counts[o]} for every own ordinal {@code o} of each of {@code docs[0..n)};
   * unless {@code size} is negative (then returned as is), also appends to {@code touched} each
   * ordinal counted for the first time (its count went from 0 to 1) and returns the new size of
   * {@code touched}. Reads every document's offsets first: those reads do not depend on each other,
   * so the CPU overlaps their cache misses (matches are scattered over the index).
   *
   * @param from scratch of at least {@code n} ints
   * @param to scratch of at least {@code n} ints
   */
  int count(int[] docs, int n, int[] from, int[] to, int[] counts, int[] touched, int size) {
    for (int i = 0; i < n; i++) {
      from[i] = start[docs[i]];
      to[i] = start[docs[i] + 1];
    }
    if (size < 0) {
      for (int i = 0; i < n; i++)
        for (int j = from[i], end = to[i]; j < end; j++) counts[ords[j]]++;
      return size;
    }
    for (int i = 0; i < n; i++) {
      for (int j = from[i], end = to[i]; j < end; j++) {
        int o = ords[j];
        if (counts[o]++ == 0) touched[size++] = o;
      }
    }
    return size;
  }

  /**
   * Adds one to {@code groupCounts[g]} for the group {@code g} of each of {@code docs[0..n)} that
   * has one (added to the group's ordinals by {@link #expand}); appends to {@code touchedGroups}
   * each group counted for the first time and returns the new size of {@code touchedGroups}.
   */
  int countGroups(int[] docs, int n, int[] groupCounts, int[] touchedGroups, int groupsTouched) {
    for (int i = 0; i < n; i++) {
      int g = group[docs[i]];
      if (g >= 0 && groupCounts[g]++ == 0) touchedGroups[groupsTouched++] = g;
    }
    return groupsTouched;
  }

  /**
   * Adds each touched group's count to its ordinals in {@code counts} and clears the group counts
   * (so {@code groupCounts} is all zero again). {@code size} and {@code touched} as in {@link
   * #count}.
   */
  int expand(
      int[] groupCounts,
      int[] touchedGroups,
      int groupsTouched,
      int[] counts,
      int[] touched,
      int size) {
    for (int i = 0; i < groupsTouched; i++) {
      int g = touchedGroups[i];
      int c = groupCounts[g];
      groupCounts[g] = 0;
      for (int j = groupStart[g], end = groupStart[g + 1]; j < end; j++) {
        int o = groupOrds[j];
        if (size >= 0 && counts[o] == 0) touched[size++] = o;
        counts[o] += c;
      }
    }
    return size;
  }

  /** Adds one to {@code counts[o]} for every ordinal of every live document. */
  void countAll(int[] counts) {
    for (int o : ords) counts[o]++;
    int[] perGroup = new int[groups()];
    for (int g : group) if (g >= 0) perGroup[g]++;
    for (int g = 0; g < perGroup.length; g++)
      for (int j = groupStart[g]; j < groupStart[g + 1]; j++) counts[groupOrds[j]] += perGroup[g];
  }
}
