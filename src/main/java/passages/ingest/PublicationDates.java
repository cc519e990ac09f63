package passages.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises the publication dates corpora write (JSONL {@code date}, {@code sources.json}, HTML
 * metadata, a date line at the head of a plain-text article) to a day {@code YYYY-MM-DD}.
 *
 * <p>Accepted: an ISO date ({@code 2016-09-20}, also {@code 2016/09/20}); an ISO date-time with or
 * without a zone ({@code 2016-09-20T23:30:00-04:00}, {@code …Z}, {@code …+0000}), which keeps the
 * calendar day written in its own zone (the day the outlet published it, not the day in UTC); an
 * RFC 1123 date ({@code Tue, 20 Sep 2016 12:00:00 GMT}); an English date in words ({@code September
 * 20, 2016}, {@code Sept. 20, 2016}, {@code 20 September 2016}). Anything else, an impossible day
 * ({@code 2016-02-30}) or a year outside 1900..2200 is unknown: {@code null}, never a guess and
 * never today. Stateless and thread-safe.
 */
public final class PublicationDates {
  /**
   * Earliest and latest year taken as a publication year (others are ids, typos or placeholders).
   */
  static final int MIN_YEAR = 1900;

  static final int MAX_YEAR = 2200;

  /** Lines of a plain text's head searched for a date line. */
  static final int HEAD_LINES = 6;

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})"
              + "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?\\s*(?:Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT|[A-Z]{2,4})?)?");
  private static final String MONTH_NAMES =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
          + "|nov(?:ember)?|dec(?:ember)?)\\.?";

  /** "September 20, 2016", "Sep. 20 2016", "Tue, Sep 20, 2016". */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?i)\\b" + MONTH_NAMES + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");

  /** "20 September 2016", "Tue, 20 Sep 2016 12:00:00 GMT". */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH_NAMES + ",?\\s+(\\d{4})\\b");

  /** A head line that is about the date: only the date, or the date after a label or byline. */
  private static final Pattern DATE_LINE_LABEL =
      Pattern.compile(
          "(?i)^(?:(?:published|posted|updated|last updated|date|first published|publication date)\\b[^\\p{L}\\p{N}]*"
              + "(?:on\\s+)?|by\\s+[^|•·,]{2,60}[|•·,]\\s*)?");

  private static final Map<String, Month> MONTHS =
      Map.ofEntries(
          Map.entry("jan", Month.JANUARY),
          Map.entry("feb", Month.FEBRUARY),
          Map.entry("mar", Month.MARCH),
          Map.entry("apr", Month.APRIL),
          Map.entry("may", Month.MAY),
          Map.entry("jun", Month.JUNE),
          Map.entry("jul", Month.JULY),
          Map.entry("aug", Month.AUGUST),
          Map.entry("sep", Month.SEPTEMBER),
          Map.entry("oct", Month.OCTOBER),
          Map.entry("nov", Month.NOVEMBER),
          Map.entry("dec", Month.DECEMBER));

  private PublicationDates() {}

  /**
   * The note an article gets when its source gives a date {@link #day} cannot read, or null when
   * {@code value} is blank or a date: {@code date '12/03/2016' is not a date passages reads (…)}.
   */
  public static String unreadNote(String value) {
    if (value == null || value.isBlank() || day(value) != null) return null;
    String shown =
        value.strip().length() > 40 ? value.strip().substring(0, 40) + "…" : value.strip();
    return "date '"
        + shown
        + "' is not a date passages reads (YYYY-MM-DD, an ISO date-time, 'March 3, 2024' or"
        + " '3 March 2024', years "
        + MIN_YEAR
        + "-"
        + MAX_YEAR
        + "); indexed without a date";
  }

  /**
   * The day {@code value} names, as {@code YYYY-MM-DD}, when the whole value is a date (surrounding
   * spaces and a weekday aside); {@code null} when it is blank, not a date, or not a real day.
   */
  public static String day(String value) {
    if (value == null) return null;
    String s = value.strip();
    if (s.isEmpty() || s.length() > 64) return null;
    Matcher iso = ISO.matcher(s);
    if (iso.matches()) return of(iso.group(1), Integer.parseInt(iso.group(3)), iso.group(4));
    String words = s.replaceFirst("(?i)^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+", "");
    Matcher mdy = MONTH_DAY_YEAR.matcher(words);
    if (mdy.lookingAt() && rest(words, mdy.end()))
      return of(mdy.group(3), month(mdy.group(1)), mdy.group(2));
    Matcher dmy = DAY_MONTH_YEAR.matcher(words);
    if (dmy.lookingAt() && rest(words, dmy.end()))
      return of(dmy.group(3), month(dmy.group(2)), dmy.group(1));
    return null;
  }

  /**
   * The day of the first date line among the first {@value #HEAD_LINES} non-blank {@code lines} of
   * a plain text: a line that is a date ({@code March 3, 2024}), or a date after a label ({@code
   * Published: 2024-03-03}, {@code Updated on March 3, 2024 10:00 ET}) or after a byline ({@code By
   * Jane Doe | March 3, 2024}); {@code null} when there is none. A date inside a sentence is not a
   * date line.
   */
  public static String fromHead(List<String> lines) {
    int seen = 0;
    for (String line : lines) {
      String s = line.strip();
      if (s.isEmpty()) continue;
      if (++seen > HEAD_LINES) break;
      if (s.length() > 120) continue;
      Matcher label = DATE_LINE_LABEL.matcher(s);
      String rest = label.lookingAt() ? s.substring(label.end()).strip() : s;
      String day = day(rest);
      if (day == null) day = dayAtStart(rest);
      if (day != null) return day;
    }
    return null;
  }

  /** A date at the start of {@code s} followed only by a time ("March 3, 2024 10:00 a.m. ET"). */
  private static String dayAtStart(String s) {
    for (Pattern p : List.of(ISO, MONTH_DAY_YEAR, DAY_MONTH_YEAR)) {
      Matcher m = p.matcher(s);
      if (!m.lookingAt() || !timeOnly(s.substring(m.end()))) continue;
      String d = day(s.substring(0, m.end()));
      if (d != null) return d;
    }
    return null;
  }

  private static boolean timeOnly(String tail) {
    return tail.strip()
        .matches("(?i)(at\\s+)?(\\d{1,2}([:.]\\d{2})?\\s*([ap]\\.?m\\.?)?(\\s*[A-Z]{2,4})?)?");
  }

  /** Whether what follows a date in words is only a time and zone ("12:00:00 GMT") or nothing. */
  private static boolean rest(String s, int end) {
    String tail = s.substring(end).strip();
    return tail.isEmpty()
        || tail.matches(
            "(?i)(at\\s+)?\\d{1,2}[:.]\\d{2}([:.]\\d{2})?\\s*([ap]\\.?m\\.?)?\\s*([A-Z]{2,4}|[+-]\\d{4})?");
  }

  private static int month(String name) {
    return MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT)).getValue();
  }

  private static String of(String year, int month, String day) {
    int y = Integer.parseInt(year);
    if (y < MIN_YEAR || y > MAX_YEAR) return null;
    try {
      return LocalDate.of(y, month, Integer.parseInt(day)).toString();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
