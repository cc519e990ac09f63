package passages.search;

import java.util.List;

/**
 * A search: query text, filters and the page of hits wanted.
 *
 * <p>Build one from {@link #of(String)} and the {@code with…} methods, e.g. {@code
 * SearchRequest.of("chips").withOutlets(List.of("CIOL")).withLimit(20).withCollapse(true)}; each
 * returns a new request and goes through the one constructor, so every request is validated the
 * same way.
 *
 * @param q query in Lucene classic syntax; blank matches every paragraph
 * @param outlets keep only paragraphs of these outlets (OR); empty means all
 * @param entities keep only paragraphs mentioning these entities (same type OR, different types
 *     AND)
 * @param limit number of hits to return, 1..{@value #MAX_LIMIT}
 * @param offset number of hits to skip, 0..{@value #MAX_OFFSET}
 * @param facetLimit number of values per facet, 1..{@value #MAX_FACET_LIMIT}
 * @param collapse fold paragraphs with the same (normalised) text into one hit, the others listed
 *     in {@link Hit#alsoIn()}; {@code limit} and {@code offset} then count groups
 * @param highlight mark the matches in {@link Hit#passage()} (else the passage is the escaped text)
 * @param facets count facet values (else every facet list is empty)
 * @param kind which paragraphs: {@code body} (article text, the default), {@code caption} (photo
 *     captions only) or {@code all}
 * @param metadata keep only paragraphs of articles with these metadata values or authors (same key
 *     OR, different keys AND)
 * @param days keep only paragraphs published in this range ({@link DayRange#ALL}: every paragraph,
 *     dated or not)
 * @param order the order of the hits
 * @param timeline count the matches per interval ({@link SearchResult#timeline()}), or {@code null}
 *     for no timeline
 */
public record SearchRequest(
    String q,
    List<String> outlets,
    List<EntityFilter> entities,
    int limit,
    int offset,
    int facetLimit,
    boolean collapse,
    boolean highlight,
    boolean facets,
    String kind,
    List<MetaFilter> metadata,
    DayRange days,
    Order order,
    Interval timeline) {
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 10_000;
  public static final int MAX_FACET_LIMIT = 1000;
  public static final int MAX_QUERY_CHARS = 1000;

  /** The values of {@link #kind()}. */
  public static final java.util.Set<String> KINDS = java.util.Set.of("body", "caption", "all");

  public SearchRequest {
    q = q == null ? "" : q;
    kind = kind == null ? "body" : kind;
    if (!KINDS.contains(kind))
      throw new InvalidRequestException(
          "parameter 'kind' must be body, caption or all, got '" + kind + "'");
    outlets = List.copyOf(outlets);
    entities = List.copyOf(entities);
    metadata = List.copyOf(metadata);
    java.util.Objects.requireNonNull(days, "days");
    java.util.Objects.requireNonNull(order, "order");
    if (q.length() > MAX_QUERY_CHARS) {
      throw new InvalidRequestException(
          "q is too long: " + q.length() + " characters (at most " + MAX_QUERY_CHARS + ")");
    }
    if (limit < 1 || limit > MAX_LIMIT)
      throw new InvalidRequestException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    if (offset < 0 || offset > MAX_OFFSET)
      throw new InvalidRequestException("offset must be 0.." + MAX_OFFSET + ", got " + offset);
    if (facetLimit < 1 || facetLimit > MAX_FACET_LIMIT) {
      throw new InvalidRequestException(
          "facetLimit must be 1.." + MAX_FACET_LIMIT + ", got " + facetLimit);
    }
  }

  /**
   * A request for {@code q} with no filters, the first 10 hits, 10 facet values, highlighting and
   * facets.
   */
  public static SearchRequest of(String q) {
    return new SearchRequest(
        q,
        List.of(),
        List.of(),
        10,
        0,
        10,
        false,
        true,
        true,
        "body",
        List.of(),
        DayRange.ALL,
        Order.RELEVANCE,
        null);
  }

  /** This request with the query {@code q} (filters, page and the rest kept). */
  public SearchRequest withQuery(String q) {
    return with(r -> r.q = q);
  }

  /** This request keeping only paragraphs of {@code outlets} (OR; empty means all). */
  public SearchRequest withOutlets(List<String> outlets) {
    return with(r -> r.outlets = outlets);
  }

  /**
   * This request keeping only paragraphs mentioning {@code entities} (same type OR, different types
   * AND).
   */
  public SearchRequest withEntities(List<EntityFilter> entities) {
    return with(r -> r.entities = entities);
  }

  /**
   * This request returning {@code limit} hits.
   *
   * @throws InvalidRequestException unless 1..{@value #MAX_LIMIT}
   */
  public SearchRequest withLimit(int limit) {
    return with(r -> r.limit = limit);
  }

  /**
   * This request skipping {@code offset} hits.
   *
   * @throws InvalidRequestException unless 0..{@value #MAX_OFFSET}
   */
  public SearchRequest withOffset(int offset) {
    return with(r -> r.offset = offset);
  }

  /**
   * This request counting {@code facetLimit} values per facet.
   *
   * @throws InvalidRequestException unless 1..{@value #MAX_FACET_LIMIT}
   */
  public SearchRequest withFacetLimit(int facetLimit) {
    return with(r -> r.facetLimit = facetLimit);
  }

  /** This request with paragraphs of the same text folded into one hit, or not. */
  public SearchRequest withCollapse(boolean collapse) {
    return with(r -> r.collapse = collapse);
  }

  /** This request with the matches marked in the passage, or not. */
  public SearchRequest withHighlight(boolean highlight) {
    return with(r -> r.highlight = highlight);
  }

  /** This request with facet values counted, or not. */
  public SearchRequest withFacets(boolean facets) {
    return with(r -> r.facets = facets);
  }

  /** This request keeping only paragraphs of articles with these metadata values or authors. */
  public SearchRequest withMetadata(List<MetaFilter> metadata) {
    return with(r -> r.metadata = metadata);
  }

  /** This request keeping only paragraphs published in {@code days}. */
  public SearchRequest withDays(DayRange days) {
    return with(r -> r.days = days);
  }

  /** This request with its hits in {@code order}. */
  public SearchRequest withOrder(Order order) {
    return with(r -> r.order = order);
  }

  /** This request counting its matches per {@code timeline} interval, or not ({@code null}). */
  public SearchRequest withTimeline(Interval timeline) {
    return with(r -> r.timeline = timeline);
  }

  /**
   * This request searching paragraphs of {@code kind}: {@code body}, {@code caption} or {@code
   * all}.
   */
  public SearchRequest withKind(String kind) {
    return with(r -> r.kind = kind);
  }

  /** A copy of this request with {@code change} applied, through the validating constructor. */
  private SearchRequest with(java.util.function.Consumer<Parts> change) {
    Parts r = new Parts(this);
    change.accept(r);
    return new SearchRequest(
        r.q,
        r.outlets,
        r.entities,
        r.limit,
        r.offset,
        r.facetLimit,
        r.collapse,
        r.highlight,
        r.facets,
        r.kind,
        r.metadata,
        r.days,
        r.order,
        r.timeline);
  }

  /** The components of a request being changed by one {@code with…} method (local to it). */
  private static final class Parts {
    String q;
    List<String> outlets;
    List<EntityFilter> entities;
    int limit;
    int offset;
    int facetLimit;
    boolean collapse;
    boolean highlight;
    boolean facets;
    String kind;
    List<MetaFilter> metadata;
    DayRange days;
    Order order;
    Interval timeline;

    Parts(SearchRequest from) {
      q = from.q;
      outlets = from.outlets;
      entities = from.entities;
      limit = from.limit;
      offset = from.offset;
      facetLimit = from.facetLimit;
      collapse = from.collapse;
      highlight = from.highlight;
      facets = from.facets;
      kind = from.kind;
      metadata = from.metadata;
      days = from.days;
      order = from.order;
      timeline = from.timeline;
    }
  }
}
