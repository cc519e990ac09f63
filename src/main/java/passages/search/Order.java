package passages.search;

import java.util.Locale;

/** The order of the hits of a search. */
public enum Order {
  /** Best match first; ties in reading order (article id, then paragraph). The default. */
  RELEVANCE,
  /** Latest publication day first, then by relevance; undated paragraphs last. */
  NEWEST,
  /** Earliest publication day first, then by relevance; undated paragraphs last. */
  OLDEST;

  /** Lower-case name used in URLs and on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The order named {@code key} ({@code relevance}, {@code newest}, {@code oldest}); null or blank
   * is relevance.
   *
   * @throws InvalidRequestException naming {@code sort} for any other value
   */
  public static Order parse(String key) {
    if (key == null || key.isBlank()) return RELEVANCE;
    for (Order o : values()) if (o.key().equals(key.strip())) return o;
    throw new InvalidRequestException(
        "sort must be relevance, newest or oldest, got '" + clip(key) + "'");
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
