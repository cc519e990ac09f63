package passages.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.Bits;
import passages.index.Fields;

/**
 * The facet ordinals and publication days of every live paragraph of one index reader, held in
 * memory, so that counting the facets and the timeline of a search is a loop over ints instead of
 * decoding doc values per match. A paragraph's ordinals are split in two:
 *
 * <ul>
 *   <li>its <em>shared</em> ordinals (those {@link #read} is told are shared: the article's outlet,
 *       authors and metadata, the same on every paragraph of an article) and its day, stored once
 *       per distinct combination as a <em>group</em>: a search counts one per match in its group
 *       and adds the group's count to each of the group's ordinals (and to its day) once at the end
 *       ({@link #expand}, {@link #days});
 *   <li>its own ordinals (the entities of that paragraph), counted per match.
 * </ul>
 *
 * The paragraphs of an article are neighbours in the index, so a document's group is kept as runs
 * of documents ({@link Cursor} walks them in document order), and a broad query, which matches
 * several paragraphs of one article, counts far fewer ordinals per match than listing all of them
 * per paragraph (7 per paragraph on allsides, 4.8 of them shared). About 11 MB for the 825k
 * paragraphs of allsides. Immutable and thread-safe.
 */
final class FacetOrdinals {
  /** The day of an undated paragraph's group. */
  static final int NO_DAY = Integer.MIN_VALUE;

  /** Document {@code d}'s own ordinals are {@code ords[start[d] .. start[d + 1])}. */
  private final int[] start;

  private final int[] ords;

  /**
   * Documents {@code runStart[r] .. runStart[r + 1] - 1} are in group {@code runGroup[r]} (-1:
   * deleted); the last entry of {@code runStart} is {@code maxDoc}.
   */
  private final int[] runStart;

  private final int[] runGroup;

  /** Group {@code g}'s ordinals are {@code groupOrds[groupStart[g] .. groupStart[g + 1])}. */
  private final int[] groupStart;

  private final int[] groupOrds;

  /** Group {@code g}'s day, or {@link #NO_DAY}. */
  private final int[] groupDay;

  private FacetOrdinals(
      int[] start,
      int[] ords,
      int[] runStart,
      int[] runGroup,
      int[] groupStart,
      int[] groupOrds,
      int[] groupDay) {
    this.start = start;
    this.ords = ords;
    this.runStart = runStart;
    this.runGroup = runGroup;
    this.groupStart = groupStart;
    this.groupOrds = groupOrds;
    this.groupDay = groupDay;
  }

  /**
   * Reads {@code values} (global ordinals over the whole of {@code reader}) and each paragraph's
   * {@link Fields#DAY}; deleted documents get none.
   *
   * @param shared which ordinals are grouped per distinct set rather than kept per document
   */
  static FacetOrdinals read(DirectoryReader reader, SortedSetDocValues values, IntPredicate shared)
      throws IOException {
    int maxDoc = reader.maxDoc();
    Bits live = MultiBits.getLiveDocs(reader);
    int[] dayOf = days(reader);
    int[] start = new int[maxDoc + 1];
    int[] ords = new int[Math.max(16, maxDoc * 2)];
    Map<Key, Integer> groups = new HashMap<>();
    int[] groupStart = new int[16];
    int[] groupOrds = new int[16];
    int[] groupDay = new int[16];
    int groupOrdCount = 0;
    int[] runStart = new int[16];
    int[] runGroup = new int[16];
    int runs = 0;
    int[] mine = new int[16];
    int n = 0;
    int doc = values.nextDoc();
    for (int d = 0; d < maxDoc; d++) {
      start[d] = n;
      int group = -1;
      if (live == null || live.get(d)) {
        int sharedCount = 0;
        if (doc == d) {
          int count = values.docValueCount();
          ords = ArrayUtil.grow(ords, n + count);
          mine = ArrayUtil.grow(mine, count);
          for (int i = 0; i < count; i++) {
            int o = (int) values.nextOrd();
            if (shared.test(o)) mine[sharedCount++] = o;
            else ords[n++] = o;
          }
        }
        Key key = new Key(Arrays.copyOf(mine, sharedCount), dayOf[d]);
        Integer g = groups.get(key);
        if (g == null) {
          g = groups.size();
          groups.put(key, g);
          groupStart = ArrayUtil.grow(groupStart, g + 2);
          groupDay = ArrayUtil.grow(groupDay, g + 1);
          groupOrds = ArrayUtil.grow(groupOrds, groupOrdCount + sharedCount);
          groupStart[g] = groupOrdCount;
          groupDay[g] = key.day();
          System.arraycopy(key.ords(), 0, groupOrds, groupOrdCount, sharedCount);
          groupOrdCount += sharedCount;
        }
        group = g;
      }
      if (doc == d) doc = values.nextDoc();
      if (runs == 0 || runGroup[runs - 1] != group) {
        runStart = ArrayUtil.grow(runStart, runs + 2);
        runGroup = ArrayUtil.grow(runGroup, runs + 1);
        runStart[runs] = d;
        runGroup[runs++] = group;
      }
    }
    start[maxDoc] = n;
    runStart = ArrayUtil.grow(runStart, runs + 1);
    runStart[runs] = maxDoc;
    groupStart = ArrayUtil.grow(groupStart, groups.size() + 1);
    groupStart[groups.size()] = groupOrdCount;
    return new FacetOrdinals(
        start,
        ArrayUtil.copyOfSubArray(ords, 0, n),
        ArrayUtil.copyOfSubArray(runStart, 0, runs + 1),
        ArrayUtil.copyOfSubArray(runGroup, 0, runs),
        ArrayUtil.copyOfSubArray(groupStart, 0, groups.size() + 1),
        ArrayUtil.copyOfSubArray(groupOrds, 0, groupOrdCount),
        ArrayUtil.copyOfSubArray(groupDay, 0, groups.size()));
  }

  /** The day of every document of {@code reader}, {@link #NO_DAY} when it has none. */
  private static int[] days(DirectoryReader reader) throws IOException {
    int[] dayOf = new int[reader.maxDoc()];
    Arrays.fill(dayOf, NO_DAY);
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedNumericDocValues days = DocValues.getSortedNumeric(leaf.reader(), Fields.DAY);
      for (int doc = days.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = days.nextDoc())
        dayOf[leaf.docBase + doc] = (int) days.nextValue();
    }
    return dayOf;
  }

  /** A group's shared ordinals and day, as a hash key. */
  private record Key(int[] ords, int day) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && day == other.day && Arrays.equals(ords, other.ords);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(ords) + day;
    }
  }

  /** Number of groups: the length a group count array needs. */
  int groups() {
    return groupDay.length;
  }

  /**
   * Where one count is in the runs of groups: documents are counted in ascending order (those of
   * one search slice), so finding a document's group is a step forward. Not thread-safe: one per
   * count.
   */
  static final class Cursor {
    private int run;
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
   * Adds one to {@code groupCounts[g]} for the group {@code g} of each of {@code docs[0..n)} (added
   * to the group's ordinals by {@link #expand}); appends to {@code touchedGroups} each group
   * counted for the first time and returns the new size of {@code touchedGroups}.
   */
  int countGroups(
      int[] docs, int n, Cursor cursor, int[] groupCounts, int[] touchedGroups, int groupsTouched) {
    int r = cursor.run;
    for (int i = 0; i < n; i++) {
      int d = docs[i];
      if (d >= runStart[r + 1]) {
        r++; // mostly the next run: an article's paragraphs are neighbours
        if (d >= runStart[r + 1]) r = run(d, r);
      } else if (d < runStart[r]) {
        r = run(d, r);
      }
      int g = runGroup[r];
      if (g >= 0 && groupCounts[g]++ == 0) touchedGroups[groupsTouched++] = g;
    }
    cursor.run = r;
    return groupsTouched;
  }

  /**
   * The run of document {@code d}: searched forward from run {@code r} in doubling steps (documents
   * come in ascending order), from the start when {@code d} is before it.
   */
  private int run(int d, int r) {
    int lo = d < runStart[r] ? 0 : r, hi = lo + 1, last = runStart.length - 1;
    while (hi < last && runStart[hi] <= d) {
      lo = hi;
      hi = Math.min(last, lo + 2 * (hi - lo + 1));
    }
    int found = Arrays.binarySearch(runStart, lo, hi, d);
    return found >= 0 ? found : -found - 2;
  }

  /**
   * Adds the count of each of {@code touchedGroups[0..groupsTouched)} to its day in {@code perDay}
   * (index {@code day - first}), or to the returned number of undated matches.
   */
  long days(int[] groupCounts, int[] touchedGroups, int groupsTouched, int first, int[] perDay) {
    long undated = 0;
    for (int i = 0; i < groupsTouched; i++) {
      int g = touchedGroups[i];
      if (groupDay[g] == NO_DAY) undated += groupCounts[g];
      else perDay[groupDay[g] - first] += groupCounts[g];
    }
    return undated;
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
    for (int r = 0; r < runGroup.length; r++)
      if (runGroup[r] >= 0) perGroup[runGroup[r]] += runStart[r + 1] - runStart[r];
    for (int g = 0; g < perGroup.length; g++)
      for (int j = groupStart[g]; j < groupStart[g + 1]; j++) counts[groupOrds[j]] += perGroup[g];
  }
}
