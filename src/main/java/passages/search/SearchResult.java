package passages.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param query the query as given
 * @param total exact number of matching paragraphs
 * @param groups with {@code collapse=true}: exact number of distinct texts among them; otherwise
 *     equal to {@code total}
 * @param hits the requested page of hits
 * @param facets per dimension ({@code outlet}, then each entity type), values by descending count,
 *     exact over all matches; then {@code author} and the metadata keys that are facets come after
 *     {@code outlet}
 * @param timeline the matches over time when the request asked for it, else {@code null}
 */
public record SearchResult(
    String query,
    long total,
    long groups,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    Timeline timeline) {

  /** A result without a timeline. */
  public SearchResult(
      String query, long total, long groups, List<Hit> hits, Map<String, List<FacetValue>> facets) {
    this(query, total, groups, hits, facets, null);
  }
}
