package passages.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Article and paragraph ids. An article id is derived from its file name (or url) and is made of
 * {@code [A-Za-z0-9_-]}; a paragraph id is {@code <articleId>.p<ordinal>}, so both survive
 * re-indexing the same files unchanged and are safe in URLs and file-system-free.
 */
public final class ArticleIds {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,200}");
  private static final Pattern PARAGRAPH =
      Pattern.compile("([A-Za-z0-9_-]{1,200})\\.p([1-9][0-9]{0,6})");

  private ArticleIds() {}

  /** Whether {@code id} is a well-formed article id. */
  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  static void requireValid(String id) {
    if (!isValid(id)) throw new IllegalArgumentException("invalid article id '" + id + "'");
  }

  /**
   * The article id for a corpus file name: the name up to its first dot, with every character
   * outside {@code [A-Za-z0-9_-]} replaced by {@code _}.
   */
  public static String fromFileName(String fileName) {
    int dot = fileName.indexOf('.');
    String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
    String id = stem.replaceAll("[^A-Za-z0-9_-]", "_");
    if (id.length() > 200) id = id.substring(0, 200);
    return id.isEmpty() ? "_" : id;
  }

  /** The paragraph id for an article id and a 1-based ordinal. */
  public static String paragraphId(String articleId, int ordinal) {
    return articleId + ".p" + ordinal;
  }

  /** Splits a paragraph id into article id and ordinal; empty when it is not well-formed. */
  public static Optional<ParagraphRef> parseParagraphId(String id) {
    if (id == null) return Optional.empty();
    var m = PARAGRAPH.matcher(id);
    if (!m.matches()) return Optional.empty();
    return Optional.of(new ParagraphRef(m.group(1), Integer.parseInt(m.group(2))));
  }

  /** An article id and paragraph ordinal. */
  public record ParagraphRef(String articleId, int ordinal) {}
}
