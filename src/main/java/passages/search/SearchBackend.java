package passages.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What the web and command-line layers read paragraphs through, whichever backend holds them: the
 * embedded Lucene index ({@link ParagraphSearcher}, the default) or an OpenSearch cluster ({@code
 * passages.opensearch.OpenSearchSearcher}). Both give the same answers to the same request (the
 * contract tests run on both; where they differ is listed in docs/scaling.md). Implementations are
 * thread-safe; close once.
 */
public interface SearchBackend extends Closeable {
  /** Most queries {@link #compare} takes, and most series {@link #split} makes. */
  int MAX_COMPARED = 3;

  /** Most paragraphs listed in {@link Hit#alsoIn()} for one hit. */
  int MAX_ALSO_IN = 20;

  /**
   * Runs {@code request}: the exact total, the page of hits (highlighted, with copies of the same
   * text folded into {@link Hit#alsoIn()}), facet counts and, when asked, the timeline.
   *
   * @throws InvalidRequestException for a bad query, an unknown outlet or metadata key, or a search
   *     over the time budget (a user's mistake: the web layer answers 400)
   * @throws IOException when the index cannot be read or the cluster does not answer
   */
  SearchResult search(SearchRequest request) throws IOException;

  /**
   * Counts {@code request}'s matches per bucket of its {@link SearchRequest#timeline() interval}
   * only: the result has the total, {@code groups == total}, the timeline, no hits and no facets.
   *
   * @throws IllegalArgumentException when the request has no timeline interval
   * @throws InvalidRequestException as {@link #search}
   */
  SearchResult countTimeline(SearchRequest request) throws IOException;

  /**
   * The paragraph with id {@code id} ({@code <article>.p<N>}), if indexed; malformed ids are not
   * found.
   */
  Optional<ParagraphView> findParagraph(String id) throws IOException;

  /**
   * The article with id {@code id} and all its paragraphs in reading order, if indexed; malformed
   * ids are not found.
   */
  Optional<ArticleView> findArticle(String id) throws IOException;

  /** Number of paragraphs searchable now. */
  long paragraphCount() throws IOException;

  /**
   * The paragraph of article {@code articleId} that a permalink's {@code fingerprint} links to
   * ({@link Permalinks#resolve}); empty when the article is gone, nothing close is left, or the
   * parts are malformed.
   */
  default Optional<Permalinks.Resolved> findPermalink(String articleId, String fingerprint)
      throws IOException {
    if (!Permalinks.isWellFormed(articleId, fingerprint)) return Optional.empty();
    Optional<ArticleView> article = findArticle(articleId);
    return article.isEmpty()
        ? Optional.empty()
        : Permalinks.resolve(article.get().paragraphs(), fingerprint);
  }

  /**
   * The timelines of up to {@value #MAX_COMPARED} queries under the same filters and date range:
   * each query counted as {@code request} with its {@code q} replaced, no hits or facets; all share
   * their buckets' days and {@code all}.
   *
   * @throws InvalidRequestException for a bad query, more than {@value #MAX_COMPARED} queries, or
   *     none
   */
  default List<SearchResult> compare(List<String> queries, SearchRequest request)
      throws IOException {
    return Timelines.compare(this, queries, request);
  }

  /**
   * The timelines of {@code q} split by the values of a facet dimension (a metadata key, {@code
   * author}, {@code outlet} or an entity type): one series per value among the {@value
   * #MAX_COMPARED} most frequent under the query and {@code request}'s filters (or the values
   * {@code request} already filters that dimension on), each counted with that value as its filter
   * on that dimension; e.g. "border wall" split by {@code bias} gives a left, a right and a center
   * series.
   *
   * @return the series, each {@link SearchResult#query()} being {@code q}, with the value added to
   *     {@code labels}
   * @throws InvalidRequestException when {@code key} is not a facet dimension of this index
   */
  default List<SearchResult> split(String q, String key, SearchRequest request, List<String> labels)
      throws IOException {
    return Timelines.split(this, q, key, request, labels);
  }
}
