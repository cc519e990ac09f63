package passages.search;

import java.util.List;
import java.util.Map;
import passages.model.ParagraphKind;

/**
 * A stored paragraph with its article's metadata.
 *
 * @param id paragraph id
 * @param articleId article id
 * @param paragraph 1-based ordinal
 * @param section heading above it, or {@code null}; {@code null} too when the heading only repeats
 *     the article's title (ignoring case, punctuation and spacing): a JSONL article whose first
 *     paragraph is its headline gives every paragraph that heading, which says nothing the title
 *     does not (it stays searchable in the index)
 * @param text the paragraph text (plain, not escaped)
 * @param title article title
 * @param outlet outlet, or {@code null}
 * @param url article url, or {@code null}
 * @param date publication date, or {@code null}
 * @param entities entity mentions
 * @param permalink durable path to this paragraph, built from its article and text ({@link
 *     Permalinks})
 * @param authors the article's authors (empty when unknown)
 * @param meta the article's further metadata ({@code topic}, {@code bias}, …), in the source's
 *     order
 * @param kind {@code body} or {@code caption} ({@link ParagraphKind#key()})
 */
public record ParagraphView(
    String id,
    String articleId,
    int paragraph,
    String section,
    String text,
    String title,
    String outlet,
    String url,
    String date,
    List<HitEntity> entities,
    String permalink,
    List<String> authors,
    Map<String, String> meta,
    String kind) {
  public ParagraphView {
    if (section != null && title != null && sameWords(section, title)) section = null;
  }

  /** Whether {@code a} and {@code b} have the same letters and digits, ignoring case. */
  private static boolean sameWords(String a, String b) {
    return letters(a).equals(letters(b));
  }

  private static String letters(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .filter(Character::isLetterOrDigit)
        .map(Character::toLowerCase)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
