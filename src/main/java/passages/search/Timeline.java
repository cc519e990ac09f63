package passages.search;

import java.util.List;

/**
 * A search's matches over time: one bucket per interval from the first to the last day on which the
 * index has a dated paragraph, within the search's date range, none left out (a bucket without
 * matches has count 0).
 *
 * @param interval the bucket width: {@code day}, {@code week}, {@code month} or {@code year}
 *     ({@code auto} resolved)
 * @param buckets in time order
 * @param undated matching paragraphs without a date (0 when the search has a date range: it keeps
 *     only dated ones)
 */
public record Timeline(String interval, List<Bucket> buckets, long undated) {
  public Timeline {
    buckets = List.copyOf(buckets);
  }

  /**
   * The timeline of a search from counts per day: a bucket of {@code interval} for every interval
   * from the first to the last day of the index with a dated paragraph, clipped to {@code range};
   * each bucket's count and all summed over its days inside the range. Both backends build their
   * timelines here.
   *
   * @param first the first day with a dated paragraph in the index (days since 1970-01-01)
   * @param all every dated paragraph of the index per day, index {@code day - first} (so the last
   *     day is {@code first + all.length - 1}; empty when nothing is dated)
   * @param matches the search's matches per day, indexed as {@code all}
   * @param undated the search's matches without a date
   */
  public static Timeline of(
      int first, int[] all, int[] matches, long undated, Interval interval, DayRange range) {
    int last = first + all.length - 1;
    int lo = Math.max(first, range.from());
    int hi = Math.min(last, range.to());
    if (all.length == 0 || lo > hi)
      return new Timeline(
          interval == Interval.AUTO ? Interval.MONTH.key() : interval.key(), List.of(), undated);
    Interval width = interval.resolve(lo, hi);
    List<Bucket> buckets = new java.util.ArrayList<>();
    for (int start = width.start(lo); start <= hi; ) {
      int next = width.next(start);
      long count = 0, total = 0;
      for (int day = Math.max(start, lo), end = Math.min(next - 1, hi); day <= end; day++) {
        count += matches[day - first];
        total += all[day - first];
      }
      buckets.add(new Bucket(DayRange.format(start), count, total));
      start = next;
    }
    return new Timeline(width.key(), buckets, undated);
  }

  /**
   * One interval.
   *
   * @param start first day of the interval, {@code YYYY-MM-DD} (may be before the search's {@code
   *     from}: the bucket then counts only the days from {@code from} on)
   * @param count matching paragraphs published in the interval (and the date range)
   * @param all every paragraph of the index published in the interval (and the date range),
   *     whatever the query and other filters: the denominator of a share
   */
  public record Bucket(String start, long count, long all) {}
}
