package passages.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cleaned article: its metadata and its body as ordered paragraphs.
 *
 * @param id stable id derived from the file name (or url), never from position; {@code
 *     [A-Za-z0-9_-]+}
 * @param title display title, never blank
 * @param outlet the publication, or {@code null} when not known (never invented)
 * @param url the original page, or {@code null} when not known
 * @param date publication day as ISO {@code YYYY-MM-DD}, or {@code null} when not known
 * @param paragraphs body paragraphs in reading order; ordinals 1..n
 * @param authors the byline's names in order, each stripped and non-blank, no duplicates; empty
 *     when not known
 * @param metadata further string fields of the article's source ({@code topic}, {@code bias}, …):
 *     keys match {@link #METADATA_KEY} and are none of {@link #RESERVED_KEYS}, values are non-blank
 *     and at most {@value #MAX_METADATA_VALUE} characters; in the source's order
 */
public record Article(
    String id,
    String title,
    String outlet,
    String url,
    String date,
    List<Paragraph> paragraphs,
    List<String> authors,
    Map<String, String> metadata) {

  /**
   * A metadata key: a lower-case word of letters, digits and underscores, starting with a letter.
   */
  public static final Pattern METADATA_KEY = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  /** Longest metadata value kept; longer values are text, not a label to count. */
  public static final int MAX_METADATA_VALUE = 200;

  /**
   * Keys that name the article's own fields or the facets of the index ({@code outlet}, {@code
   * author}, the entity types …): never metadata.
   */
  public static final Set<String> RESERVED_KEYS = reserved();

  public Article {
    ArticleIds.requireValid(id);
    Objects.requireNonNull(title, "title");
    if (title.isBlank())
      throw new IllegalArgumentException("title of article '" + id + "' is blank");
    paragraphs = List.copyOf(paragraphs);
    for (int i = 0; i < paragraphs.size(); i++) {
      if (paragraphs.get(i).ordinal() != i + 1) {
        throw new IllegalArgumentException(
            "paragraph "
                + i
                + " of article '"
                + id
                + "' has ordinal "
                + paragraphs.get(i).ordinal()
                + ", expected "
                + (i + 1));
      }
    }
    authors = List.copyOf(authors);
    for (String a : authors) {
      if (a.isBlank() || !a.equals(a.strip()))
        throw new IllegalArgumentException(
            "author '" + a + "' of article '" + id + "' is blank or not stripped");
    }
    if (Set.copyOf(authors).size() != authors.size())
      throw new IllegalArgumentException("authors of article '" + id + "' repeat: " + authors);
    for (var e : metadata.entrySet()) {
      if (!METADATA_KEY.matcher(e.getKey()).matches() || RESERVED_KEYS.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "metadata key '" + e.getKey() + "' of article '" + id + "' is not allowed");
      }
      String v = e.getValue();
      if (v == null || v.isBlank() || v.length() > MAX_METADATA_VALUE) {
        throw new IllegalArgumentException(
            "metadata '" + e.getKey() + "' of article '" + id + "' is blank or too long");
      }
    }
    metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** An article without authors or further metadata. */
  public Article(
      String id, String title, String outlet, String url, String date, List<Paragraph> paragraphs) {
    this(id, title, outlet, url, date, paragraphs, List.of(), Map.of());
  }

  private static Set<String> reserved() {
    Set<String> keys =
        new java.util.HashSet<>(
            Set.of(
                "id",
                "title",
                "outlet",
                "url",
                "date",
                "author",
                "authors",
                "paragraphs",
                "text",
                "html",
                "paragraph",
                "section",
                "q",
                "kind",
                "meta"));
    for (EntityType t : EntityType.values()) keys.add(t.key());
    return Set.copyOf(keys);
  }
}
