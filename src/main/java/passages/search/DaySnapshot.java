package passages.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.Bits;
import passages.index.Fields;

/**
 * The publication day of every paragraph of one index reader, held in memory (4 bytes a paragraph:
 * 3.3 MB for the 835k paragraphs of allsides), with the number of live paragraphs per day: counting
 * the timeline of a search is then one array increment per match, and a bucket's {@code all} a sum
 * over days known in advance. Read once per reader. Immutable and thread-safe.
 */
final class DaySnapshot {
  /** The day of an undated (or deleted) paragraph. */
  private static final int NONE = Integer.MIN_VALUE;

  private final DirectoryReader reader;

  /** Day number of each document (global doc id), or {@link #NONE}. */
  private final int[] dayOf;

  /** First and last day with a live dated paragraph; {@code first > last} when there is none. */
  private final int first;

  private final int last;

  /** Live paragraphs per day, index {@code day - first}. */
  private final int[] all;

  private DaySnapshot(DirectoryReader reader, int[] dayOf, int first, int last, int[] all) {
    this.reader = reader;
    this.dayOf = dayOf;
    this.first = first;
    this.last = last;
    this.all = all;
  }

  /** Reads the days of every live paragraph of {@code reader}. */
  static DaySnapshot of(DirectoryReader reader) throws IOException {
    int[] dayOf = new int[reader.maxDoc()];
    Arrays.fill(dayOf, NONE);
    int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedNumericDocValues days = DocValues.getSortedNumeric(leaf.reader(), Fields.DAY);
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = days.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = days.nextDoc()) {
        if (live != null && !live.get(doc)) continue;
        int day = (int) days.nextValue();
        dayOf[leaf.docBase + doc] = day;
        first = Math.min(first, day);
        last = Math.max(last, day);
      }
    }
    int[] all = new int[first <= last ? last - first + 1 : 0];
    for (int day : dayOf) if (day != NONE) all[day - first]++;
    return new DaySnapshot(reader, dayOf, first, last, all);
  }

  /** The first day with a dated paragraph: index 0 of {@link Counts#perDay()}. */
  int first() {
    return first;
  }

  /** The length of {@link Counts#perDay()}. */
  int span() {
    return all.length;
  }

  /** Whether this snapshot was built for {@code other}. */
  boolean isFor(DirectoryReader other) {
    return reader == other;
  }

  /** Counts the days of a search's matches while they are collected; reduces to {@link Counts}. */
  CollectorManager<Counter, Counts> counter() {
    return new CollectorManager<>() {
      @Override
      public Counter newCollector() {
        return new Counter();
      }

      @Override
      public Counts reduce(Collection<Counter> counters) {
        int[] sum = new int[all.length];
        long undated = 0;
        for (Counter c : counters) {
          for (int i = 0; i < sum.length; i++) sum[i] += c.counts[i];
          undated += c.undated;
        }
        return new Counts(sum, undated);
      }
    };
  }

  /** Matches per day (index {@code day - first}) and undated matches. */
  record Counts(int[] perDay, long undated) {}

  /** Counts the day of each collected document. */
  final class Counter implements org.apache.lucene.search.Collector {
    private final int[] counts = new int[all.length];
    private long undated;

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) {
      int base = context.docBase;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          int day = dayOf[base + doc];
          if (day == NONE) undated++;
          else counts[day - first]++;
        }
      };
    }
  }

  /**
   * The timeline of {@code counts}: a bucket of {@code interval} for every interval from the first
   * to the last day of the index with a dated paragraph, clipped to {@code range}; each bucket's
   * count and all summed over its days inside the range.
   */
  Timeline timeline(Counts counts, Interval interval, DayRange range) {
    return Timeline.of(first, all, counts.perDay(), counts.undated(), interval, range);
  }
}
