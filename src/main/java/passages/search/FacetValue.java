package passages.search;

/** One facet value and the number of matching paragraphs that have it. */
public record FacetValue(String value, long count) {}
