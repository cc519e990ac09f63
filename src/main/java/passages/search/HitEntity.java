package passages.search;

/**
 * An entity mention as the API shows it.
 *
 * @param type {@code org}, {@code person}, {@code product}, {@code place} or {@code money}
 * @param value canonical value
 * @param text surface text in the paragraph
 * @param start offset in the paragraph text, inclusive
 * @param end offset in the paragraph text, exclusive
 */
public record HitEntity(String type, String value, String text, int start, int end) {}
