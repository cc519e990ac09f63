package passages.model;

import java.util.Objects;

/**
 * One kept paragraph of an article.
 *
 * @param ordinal 1-based position in the article's body
 * @param section the heading the paragraph sits under, or {@code null} before the first heading (a
 *     caption is never a section)
 * @param text the paragraph text, trimmed, never blank
 * @param kind body text or a photo caption
 */
public record Paragraph(int ordinal, String section, String text, ParagraphKind kind) {

  public Paragraph {
    if (ordinal < 1) throw new IllegalArgumentException("ordinal must be >= 1, got " + ordinal);
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) throw new IllegalArgumentException("paragraph " + ordinal + " is blank");
    Objects.requireNonNull(kind, "kind");
  }

  /** A body paragraph. */
  public Paragraph(int ordinal, String section, String text) {
    this(ordinal, section, text, ParagraphKind.BODY);
  }
}
