package passages.model;

import java.util.Objects;

/**
 * One body paragraph of an article.
 *
 * @param ordinal 1-based position in the article's body
 * @param section the heading the paragraph sits under, or {@code null} before the first heading
 * @param text the paragraph text, trimmed, never blank
 */
public record Paragraph(int ordinal, String section, String text) {

  public Paragraph {
    if (ordinal < 1) throw new IllegalArgumentException("ordinal must be >= 1, got " + ordinal);
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) throw new IllegalArgumentException("paragraph " + ordinal + " is blank");
  }
}
