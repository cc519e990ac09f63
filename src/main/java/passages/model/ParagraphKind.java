package passages.model;

import java.util.Locale;

/** What a kept paragraph is: article text, or the caption of a photo that was in it. */
public enum ParagraphKind {
  /** Article text: what a search shows by default. */
  BODY,
  /**
   * A photo caption with its credit ("… (AP Photo/Evan Vucci)", "FILE PHOTO: …"): real text, not
   * body text.
   */
  CAPTION;

  /** The lower-case name stored in the index and written in JSON: {@code body}, {@code caption}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind whose {@link #key()} is {@code key}; empty for anything else. */
  public static java.util.Optional<ParagraphKind> fromKey(String key) {
    for (ParagraphKind k : values()) if (k.key().equals(key)) return java.util.Optional.of(k);
    return java.util.Optional.empty();
  }
}
