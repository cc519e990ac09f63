package passages.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/** The width of the buckets of a {@link Timeline}. */
public enum Interval {
  /** One bucket per day. */
  DAY,
  /** One bucket per ISO week, starting on Monday. */
  WEEK,
  /** One bucket per calendar month, starting on its first day. */
  MONTH,
  /** One bucket per calendar year, starting on January 1. */
  YEAR,
  /**
   * The finest of day, week, month and year that gives at most {@value #MAX_AUTO_BUCKETS} buckets.
   */
  AUTO;

  /** Most buckets {@link #AUTO} picks an interval for. */
  public static final int MAX_AUTO_BUCKETS = 200;

  /** Lower-case name used in URLs. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The interval named {@code key} ({@code day}, {@code week}, {@code month}, {@code year}, {@code
   * auto}).
   *
   * @param param the parameter's name, for the message
   * @throws InvalidRequestException naming {@code param} for any other value
   */
  public static Interval parse(String param, String key) {
    for (Interval i : values()) if (key != null && i.key().equals(key.strip())) return i;
    String shown = key == null ? "" : key.length() > 40 ? key.substring(0, 40) + "…" : key;
    throw new InvalidRequestException(
        param + " must be day, week, month, year or auto, got '" + shown + "'");
  }

  /**
   * For {@link #AUTO}: the interval that gives 20..200 buckets from {@code first} to {@code last}
   * (day numbers) where one can.
   */
  public Interval resolve(int first, int last) {
    if (this != AUTO) return this;
    for (Interval i : new Interval[] {DAY, WEEK, MONTH})
      if (i.buckets(first, last) <= MAX_AUTO_BUCKETS) return i;
    return YEAR;
  }

  /** Number of buckets from the one holding {@code first} to the one holding {@code last}. */
  long buckets(int first, int last) {
    long n = 0;
    for (int b = start(first); b <= last; b = next(b)) n++;
    return n;
  }

  /** The first day (a day number) of the bucket holding day {@code day}. */
  public int start(int day) {
    LocalDate d = LocalDate.ofEpochDay(day);
    return (int)
        switch (this) {
          case DAY -> day;
          case WEEK -> d.with(DayOfWeek.MONDAY).toEpochDay();
          case MONTH -> d.withDayOfMonth(1).toEpochDay();
          case YEAR -> d.withDayOfYear(1).toEpochDay();
          case AUTO -> throw new IllegalStateException("resolve AUTO first");
        };
  }

  /** The first day of the bucket after the one starting on {@code start}. */
  public int next(int start) {
    LocalDate d = LocalDate.ofEpochDay(start);
    return (int)
        switch (this) {
          case DAY -> start + 1L;
          case WEEK -> start + 7L;
          case MONTH -> d.plusMonths(1).toEpochDay();
          case YEAR -> d.plusYears(1).toEpochDay();
          case AUTO -> throw new IllegalStateException("resolve AUTO first");
        };
  }
}
