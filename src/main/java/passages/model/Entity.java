package passages.model;

import java.util.Objects;

/**
 * One entity mention in a paragraph.
 *
 * @param type what kind of entity
 * @param value the canonical value shared by all forms ("Amazon Web Services" for "AWS"; "$10
 *     billion" for "$10B")
 * @param text the surface text exactly as it appears in the paragraph
 * @param start offset of the first char in the paragraph text (inclusive, UTF-16 units)
 * @param end offset after the last char (exclusive)
 */
public record Entity(EntityType type, String value, String text, int start, int end) {
  public Entity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(text, "text");
    if (value.isBlank()) throw new IllegalArgumentException("entity value is blank");
    if (start < 0 || end <= start)
      throw new IllegalArgumentException("bad entity span [" + start + "," + end + ")");
    if (end - start != text.length()) {
      throw new IllegalArgumentException(
          "entity span [" + start + "," + end + ") does not fit text '" + text + "'");
    }
  }
}
