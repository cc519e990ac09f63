package passages.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive range of publication days, as days since 1970-01-01. A search with a range keeps
 * only dated paragraphs whose day is in it; {@link #ALL} keeps every paragraph, dated or not.
 *
 * @param from first day (inclusive), {@link Integer#MIN_VALUE} for no lower bound
 * @param to last day (inclusive), {@link Integer#MAX_VALUE} for no upper bound
 */
public record DayRange(int from, int to) {
  /** No range: every paragraph, undated ones included. */
  public static final DayRange ALL = new DayRange(Integer.MIN_VALUE, Integer.MAX_VALUE);

  private static final Pattern DAY = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  public DayRange {
    if (from > to) {
      throw new InvalidRequestException(
          "from (" + format(from) + ") is after to (" + format(to) + ")");
    }
  }

  /** Whether this is {@link #ALL}. */
  public boolean isAll() {
    return from == Integer.MIN_VALUE && to == Integer.MAX_VALUE;
  }

  /** Whether {@code day} is in the range. */
  public boolean contains(int day) {
    return day >= from && day <= to;
  }

  /**
   * The range from {@code from} to {@code to}, each {@code YYYY}, {@code YYYY-MM} or {@code
   * YYYY-MM-DD} or null/blank for no bound: {@code from} counts from the first day it names, {@code
   * to} up to the last ({@code to=2016} ends on 2016-12-31).
   *
   * @throws InvalidRequestException naming {@code from} or {@code to} when one is not such a date,
   *     or when from is after to
   */
  public static DayRange parse(String from, String to) {
    int f = from == null || from.isBlank() ? Integer.MIN_VALUE : bound("from", from.strip(), true);
    int t = to == null || to.isBlank() ? Integer.MAX_VALUE : bound("to", to.strip(), false);
    return new DayRange(f, t);
  }

  private static int bound(String name, String value, boolean first) {
    Matcher m = DAY.matcher(value);
    String why = "";
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      if (m.group(2) == null) {
        return (int) (first ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31)).toEpochDay();
      }
      int monthOfYear = Integer.parseInt(m.group(2));
      if (monthOfYear >= 1 && monthOfYear <= 12) {
        YearMonth month = YearMonth.of(year, monthOfYear);
        if (m.group(3) == null)
          return (int) (first ? month.atDay(1) : month.atEndOfMonth()).toEpochDay();
        int day = Integer.parseInt(m.group(3));
        if (day >= 1 && day <= month.lengthOfMonth()) return (int) month.atDay(day).toEpochDay();
        // a well-formed day that does not exist: say why, not only what shape is expected
        why = ": " + month + " has " + month.lengthOfMonth() + " days";
      } else {
        why = ": months are 01 to 12";
      }
    }
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    throw new InvalidRequestException(
        name + " must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '" + shown + "'" + why);
  }

  /** {@code day} as {@code YYYY-MM-DD}; the open bounds as {@code *}. */
  public static String format(int day) {
    return day == Integer.MIN_VALUE || day == Integer.MAX_VALUE
        ? "*"
        : LocalDate.ofEpochDay(day).toString();
  }
}
