package passages.search;

import passages.index.Fields;

/**
 * A filter on article metadata: keep paragraphs of articles whose {@code key} is {@code value}.
 * Filters with the same key are alternatives (OR); different keys must all hold (AND). The key
 * {@code author} filters by author.
 *
 * @param key a metadata key ({@code topic}, {@code bias}, …) or {@code author}
 * @param value the exact value
 */
public record MetaFilter(String key, String value) {
  public MetaFilter {
    if (key == null || key.isBlank() || value == null || value.isBlank()) {
      throw new InvalidRequestException("meta must be key:value, e.g. meta=bias:left");
    }
  }

  /** An author filter. */
  public static MetaFilter author(String name) {
    if (name == null || name.isBlank())
      throw new InvalidRequestException("author must not be blank");
    return new MetaFilter(Fields.AUTHOR, name.strip());
  }

  /**
   * Parses {@code key:value} (the value may hold colons).
   *
   * @throws InvalidRequestException naming {@code meta} when there is no colon or a side is blank
   */
  public static MetaFilter parse(String spec) {
    int colon = spec == null ? -1 : spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      String shown = spec == null ? "" : spec.length() > 40 ? spec.substring(0, 40) + "…" : spec;
      throw new InvalidRequestException(
          "meta must be key:value, e.g. meta=bias:left, got '" + shown + "'");
    }
    return new MetaFilter(spec.substring(0, colon).strip(), spec.substring(colon + 1).strip());
  }
}
