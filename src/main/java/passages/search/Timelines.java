package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import passages.index.Fields;
import passages.model.EntityType;

/**
 * {@link SearchBackend#compare} and {@link SearchBackend#split} for every backend, from its {@link
 * SearchBackend#search} (the top values of the split key) and {@link SearchBackend#countTimeline}.
 */
final class Timelines {
  private Timelines() {}

  static List<SearchResult> compare(
      SearchBackend backend, List<String> queries, SearchRequest request) throws IOException {
    int max = SearchBackend.MAX_COMPARED;
    if (queries.isEmpty())
      throw new InvalidRequestException("q: give 1 to " + max + " queries (q=a&q=b)");
    if (queries.size() > max) {
      throw new InvalidRequestException(
          "q: at most " + max + " queries are compared, got " + queries.size());
    }
    List<SearchRequest> series = new ArrayList<>();
    for (String q : queries) series.add(request.withQuery(q));
    return timelines(backend, request, series);
  }

  static List<SearchResult> split(
      SearchBackend backend, String q, String key, SearchRequest request, List<String> labels)
      throws IOException {
    int max = SearchBackend.MAX_COMPARED;
    Dimension dim = Dimension.of(key);
    List<String> values = dim.filtered(request);
    SearchRequest others = dim.without(request);
    if (values.isEmpty()) {
      SearchResult facets =
          backend.search(
              others
                  .withQuery(q)
                  .withTimeline(null)
                  .withFacets(true)
                  .withCollapse(false)
                  .withOffset(0)
                  .withLimit(1)
                  .withHighlight(false)
                  .withFacetLimit(max));
      List<FacetValue> top = facets.facets().get(key);
      if (top == null) {
        throw new InvalidRequestException(
            "split: unknown key '"
                + clip(key)
                + "' (keys: "
                + String.join(", ", facets.facets().keySet())
                + ")");
      }
      values = top.stream().map(FacetValue::value).toList();
    }
    List<SearchRequest> series = new ArrayList<>();
    for (String value : values.subList(0, Math.min(values.size(), max))) {
      series.add(dim.with(others, value).withQuery(q));
      labels.add(value);
    }
    return timelines(backend, request, series);
  }

  /**
   * A facet dimension a timeline is split by, as the filter it adds: the outlet, an entity type,
   * the author or a metadata key.
   */
  private record Dimension(String key, EntityType entity) {
    static Dimension of(String key) {
      return new Dimension(key, EntityType.fromKey(key).orElse(null));
    }

    /** The values {@code request} filters this dimension on. */
    List<String> filtered(SearchRequest request) {
      if (key.equals(Fields.OUTLET)) return request.outlets();
      if (entity != null)
        return request.entities().stream()
            .filter(e -> e.type() == entity)
            .map(EntityFilter::value)
            .toList();
      return request.metadata().stream()
          .filter(m -> m.key().equals(key))
          .map(MetaFilter::value)
          .toList();
    }

    /** {@code request} without its filters on this dimension. */
    SearchRequest without(SearchRequest request) {
      if (key.equals(Fields.OUTLET)) return request.withOutlets(List.of());
      if (entity != null)
        return request.withEntities(
            request.entities().stream().filter(e -> e.type() != entity).toList());
      return request.withMetadata(
          request.metadata().stream().filter(m -> !m.key().equals(key)).toList());
    }

    /** {@code request} (without filters on this dimension) filtered on {@code value}. */
    SearchRequest with(SearchRequest request, String value) {
      if (key.equals(Fields.OUTLET)) return request.withOutlets(List.of(value));
      if (entity != null) {
        List<EntityFilter> entities = new ArrayList<>(request.entities());
        entities.add(new EntityFilter(entity, value));
        return request.withEntities(entities);
      }
      List<MetaFilter> metadata = new ArrayList<>(request.metadata());
      metadata.add(
          key.equals(Fields.AUTHOR) ? MetaFilter.author(value) : new MetaFilter(key, value));
      return request.withMetadata(metadata);
    }
  }

  /**
   * The timeline of each of {@code series} (its query and filters), counted with {@code request}'s
   * kind, dates and interval, no hits or facets; an {@code auto} interval is resolved by the first
   * and used for all, so the series share their buckets.
   */
  private static List<SearchResult> timelines(
      SearchBackend backend, SearchRequest request, List<SearchRequest> series) throws IOException {
    Interval interval = request.timeline() == null ? Interval.AUTO : request.timeline();
    List<SearchResult> out = new ArrayList<>();
    String resolved = null;
    boolean several = series.stream().map(SearchRequest::q).distinct().count() > 1;
    for (SearchRequest each : series) {
      SearchRequest one =
          SearchRequest.of(each.q())
              .withOutlets(each.outlets())
              .withEntities(each.entities())
              .withKind(request.kind())
              .withMetadata(each.metadata())
              .withDays(request.days())
              .withLimit(1)
              .withFacetLimit(1)
              .withHighlight(false)
              .withFacets(false)
              .withTimeline(resolved == null ? interval : Interval.parse("interval", resolved));
      SearchResult r;
      try {
        r = backend.countTimeline(one);
      } catch (InvalidRequestException e) {
        // with several queries, say which one the parser refused
        String m = e.getMessage();
        if (!several || !m.startsWith(INVALID_QUERY)) throw e;
        throw new InvalidRequestException(
            INVALID_QUERY + " q='" + clip(each.q()) + "'" + m.substring(INVALID_QUERY.length()));
      }
      if (resolved == null && r.timeline() != null) resolved = r.timeline().interval();
      out.add(
          new SearchResult(r.query(), r.total(), r.groups(), List.of(), Map.of(), r.timeline()));
    }
    return out;
  }

  private static final String INVALID_QUERY = "invalid query";

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
