package passages.search;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ParagraphSearcher} searches, given once when it is opened. Start from {@link
 * #DEFAULTS} and change what you need with the {@code with…} methods.
 *
 * @param budget wall-clock time one search (query, highlighting, facets) may take; over it the
 *     search is abandoned with an {@link InvalidRequestException}. {@link Duration#ZERO} stops
 *     every search at its first read of the index's terms or postings
 * @param partitionFrom paragraphs from which one query is split across the cores (see {@link
 *     SlicedSearcherFactory}); 0 splits every query
 * @param facetCounting how facet values are counted (the answers are the same)
 * @param ranking how hits are ordered ({@link Ranking#DEFAULTS} unless comparing)
 */
public record SearchOptions(
    Duration budget, int partitionFrom, FacetCounting facetCounting, Ranking ranking) {
  /** A 2 s budget, queries split across cores from 100,000 paragraphs, adaptive facet counting. */
  public static final SearchOptions DEFAULTS =
      new SearchOptions(Duration.ofMillis(2000), 100_000, FacetCounting.ADAPTIVE, Ranking.DEFAULTS);

  /**
   * @throws IllegalArgumentException for a negative budget or threshold
   */
  public SearchOptions {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(facetCounting, "facetCounting");
    Objects.requireNonNull(ranking, "ranking");
    if (budget.isNegative())
      throw new IllegalArgumentException("budget must be >= 0, got " + budget);
    if (partitionFrom < 0)
      throw new IllegalArgumentException("partitionFrom must be >= 0, got " + partitionFrom);
  }

  /** These options with a time budget of {@code budget} per search. */
  public SearchOptions withBudget(Duration budget) {
    return new SearchOptions(budget, partitionFrom, facetCounting, ranking);
  }

  /** These options splitting queries across cores from {@code partitionFrom} paragraphs. */
  public SearchOptions withPartitionFrom(int partitionFrom) {
    return new SearchOptions(budget, partitionFrom, facetCounting, ranking);
  }

  /** These options counting facet values the {@code facetCounting} way. */
  public SearchOptions withFacetCounting(FacetCounting facetCounting) {
    return new SearchOptions(budget, partitionFrom, facetCounting, ranking);
  }

  /** These options ordering hits by {@code ranking}. */
  public SearchOptions withRanking(Ranking ranking) {
    return new SearchOptions(budget, partitionFrom, facetCounting, ranking);
  }
}
