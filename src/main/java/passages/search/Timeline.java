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
