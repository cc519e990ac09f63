package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import passages.index.Fields;

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
    return timelines(
        backend, request, queries, Collections.nCopies(queries.size(), request.metadata()));
  }

  static List<SearchResult> split(
      SearchBackend backend, String q, String key, SearchRequest request, List<String> labels)
      throws IOException {
    int max = SearchBackend.MAX_COMPARED;
    List<String> values =
        request.metadata().stream()
            .filter(m -> m.key().equals(key))
            .map(MetaFilter::value)
            .toList();
    List<MetaFilter> others =
        request.metadata().stream().filter(m -> !m.key().equals(key)).toList();
    if (values.isEmpty()) {
      SearchResult facets =
          backend.search(
              SearchRequest.of(q)
                  .withOutlets(request.outlets())
                  .withEntities(request.entities())
                  .withKind(request.kind())
                  .withMetadata(others)
                  .withDays(request.days())
                  .withLimit(1)
                  .withHighlight(false)
                  .withFacetLimit(max));
      List<FacetValue> top = facets.facets().get(key);
      if (top == null)
        throw new InvalidRequestException("split: unknown metadata key '" + clip(key) + "'");
      values = top.stream().map(FacetValue::value).toList();
    }
    List<List<MetaFilter>> filters = new ArrayList<>();
    for (String value : values.subList(0, Math.min(values.size(), max))) {
      List<MetaFilter> with = new ArrayList<>(others);
      with.add(key.equals(Fields.AUTHOR) ? MetaFilter.author(value) : new MetaFilter(key, value));
      filters.add(with);
      labels.add(value);
    }
    return timelines(backend, request, Collections.nCopies(filters.size(), q), filters);
  }

  /**
   * The timeline of each {@code queries.get(i)} under {@code filters.get(i)}, counted as {@code
   * request} otherwise (outlets, entities, kind, dates), no hits or facets; an {@code auto}
   * interval is resolved by the first and used for all, so the series share their buckets.
   */
  private static List<SearchResult> timelines(
      SearchBackend backend,
      SearchRequest request,
      List<String> queries,
      List<List<MetaFilter>> filters)
      throws IOException {
    Interval interval = request.timeline() == null ? Interval.AUTO : request.timeline();
    List<SearchResult> out = new ArrayList<>();
    String resolved = null;
    for (int i = 0; i < queries.size(); i++) {
      SearchRequest one =
          SearchRequest.of(queries.get(i))
              .withOutlets(request.outlets())
              .withEntities(request.entities())
              .withKind(request.kind())
              .withMetadata(filters.get(i))
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
        boolean several = queries.stream().distinct().count() > 1;
        String m = e.getMessage();
        if (!several || !m.startsWith(INVALID_QUERY)) throw e;
        throw new InvalidRequestException(
            INVALID_QUERY
                + " q='"
                + clip(queries.get(i))
                + "'"
                + m.substring(INVALID_QUERY.length()));
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
