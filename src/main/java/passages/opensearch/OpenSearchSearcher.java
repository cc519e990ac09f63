package passages.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest.Builder;
import passages.index.Fields;
import passages.model.ArticleIds;
import passages.model.EntityType;
import passages.model.ParagraphKind;
import passages.search.ArticleView;
import passages.search.DayRange;
import passages.search.EntityFilter;
import passages.search.FacetValue;
import passages.search.FilterValues;
import passages.search.Folded;
import passages.search.HitEntity;
import passages.search.InvalidRequestException;
import passages.search.Links;
import passages.search.MetaFilter;
import passages.search.Order;
import passages.search.ParagraphView;
import passages.search.Permalinks;
import passages.search.QueryFactory;
import passages.search.Ranking;
import passages.search.SearchBackend;
import passages.search.SearchRequest;
import passages.search.SearchResult;
import passages.search.TextHighlighter;
import passages.search.Timeline;

/**
 * Searches the paragraphs of an OpenSearch cluster through the alias {@link ParagraphWriter}
 * commits, with the answers of the embedded index ({@code passages.search.ParagraphSearcher}) to
 * the same requests:
 *
 * <ul>
 *   <li>the query is parsed here by {@link QueryFactory} (our syntax, analyzer and aliases) and
 *       sent term for term ({@link QueryTranslator}); ranking as {@link Ranking#DEFAULTS}: BM25
 *       (k1, b from the index's similarity) over the text, the headline (first paragraphs) and the
 *       section heading, with the quality prior added to the {@value Ranking#RESCORE_WINDOW} best
 *       by the match here, from each hit's {@code quality}, exactly as the embedded index does;
 *       global term statistics ({@code dfs_query_then_fetch}) so scores do not depend on shards;
 *   <li>exact totals ({@code track_total_hits}); partial results refused ({@code
 *       allow_partial_search_results: false}): a search with a failed shard is an error, never a
 *       smaller total;
 *   <li>facets from {@code terms} aggregations whose counts are checked exact ({@code
 *       doc_count_error_upper_bound} 0, else counted again with every value of every shard);
 *   <li>copies of a text folded into the first hit ({@code alsoIn}) here from each hit's {@code
 *       sig}, or with {@code collapse} by OpenSearch's field collapsing with inner hits;
 *   <li>the passage marked here ({@link TextHighlighter}: the page's texts in a small in-memory
 *       index built as the embedded one, marked by the same highlighter and formatter):
 *       OpenSearch's own unified highlighter marks each word of a phrase apart ({@code
 *       <mark>$38</mark> <mark>billion</mark>}, no weight matches), and a {@code NOT} clause does
 *       not keep it from marking;
 *   <li>the timeline from the matches' days ({@code histogram} on {@code day}), bucketed by {@link
 *       Timeline#of} as the embedded index buckets them.
 * </ul>
 *
 * What it needs of the index as a whole (outlets, metadata keys, the paragraphs per day) is read
 * once and again at most every {@value #STATE_SECONDS} s. Thread-safe.
 */
public final class OpenSearchSearcher implements SearchBackend {
  /** Seconds for which the index-wide state (outlets, metadata keys, days) is reused. */
  static final int STATE_SECONDS = 5;

  /** Most paragraphs of one article read back. */
  private static final int MAX_ARTICLE_PARAGRAPHS = 10_000;

  /** Values per shard asked for first in a facet count; more when that was not exact. */
  private static final int SHARD_SIZE = 2_000;

  /** Every value of every shard: the count that is always exact. */
  private static final int ALL_VALUES = 1 << 20;

  /** Precision threshold of the distinct-texts count of a collapsed search (OpenSearch's most). */
  private static final int GROUPS_PRECISION = 40_000;

  private static final List<String> HIT_FIELDS =
      List.of(Fields.ARTICLE_ID, Fields.PARAGRAPH, Fields.OUTLET, Fields.SIGNATURE, Fields.QUALITY);

  private final Cluster cluster;
  private final boolean ownsCluster;
  private final OpenSearchClient client;
  private final String alias;
  private final Ranking ranking = Ranking.DEFAULTS;

  /** The time one search request may take on the cluster: the embedded index's budget. */
  private final Duration budget = passages.search.SearchOptions.DEFAULTS.budget();

  private final QueryFactory queries = new QueryFactory();
  private final org.opensearch.client.json.JsonpMapper mapper;
  private final com.fasterxml.jackson.databind.ObjectMapper json =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private final TextHighlighter highlighter = new TextHighlighter();
  private volatile IndexState state;
  private final java.util.concurrent.atomic.LongAdder took =
      new java.util.concurrent.atomic.LongAdder();

  /**
   * A searcher of the paragraphs behind {@code alias} on {@code cluster} (no request is made yet).
   */
  public OpenSearchSearcher(Cluster cluster, String alias) {
    this(cluster, alias, false);
  }

  private OpenSearchSearcher(Cluster cluster, String alias, boolean ownsCluster) {
    this.cluster = cluster;
    this.ownsCluster = ownsCluster;
    this.client = cluster.client();
    this.mapper = client._transport().jsonpMapper();
    this.alias = alias;
  }

  /**
   * A searcher of {@code alias} that closes {@code cluster} when it is closed, after checking that
   * the alias exists.
   *
   * @throws IOException when the cluster does not answer or has no index or alias {@code alias}
   *     (the cluster is closed then)
   */
  public static OpenSearchSearcher opening(Cluster cluster, String alias) throws IOException {
    try {
      if (!cluster.client().indices().exists(e -> e.index(alias)).value())
        throw new IOException("no index or alias '" + alias + "' on the cluster");
      return new OpenSearchSearcher(cluster, alias, true);
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the index as a whole

  /**
   * What a search needs to know of the whole index: the outlets, the keys a metadata filter may
   * name, the facet dimensions shown, and the dated paragraphs per day.
   */
  private record IndexState(
      long paragraphs,
      Set<String> outlets,
      Set<String> filterKeys,
      List<String> shownDims,
      int firstDay,
      int[] perDay,
      long readAt) {}

  private IndexState state() throws IOException {
    IndexState s = state;
    long now = System.nanoTime();
    if (s != null && now - s.readAt() < Duration.ofSeconds(STATE_SECONDS).toNanos()) return s;
    synchronized (this) {
      s = state;
      if (s == null || now - s.readAt() >= Duration.ofSeconds(STATE_SECONDS).toNanos())
        state = s = readState();
      return s;
    }
  }

  private IndexState readState() throws IOException {
    List<String> metaKeys = metaKeys();
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    aggs.put("outlets", terms(Fields.OUTLET, ALL_VALUES, ALL_VALUES));
    aggs.put("authors", Aggregation.of(a -> a.filter(f -> f.exists(e -> e.field(Fields.AUTHOR)))));
    aggs.put(
        "days",
        Aggregation.of(a -> a.histogram(h -> h.field(Fields.DAY).interval(1.0).minDocCount(1))));
    for (int i = 0; i < metaKeys.size(); i++)
      aggs.put("meta" + i, terms(metaField(metaKeys.get(i)), MAX_META_VALUES + 1, ALL_VALUES));
    JsonNode r =
        run(s -> s.index(alias).size(0).trackTotalHits(t -> t.enabled(true)).aggregations(aggs));
    long paragraphs = total(r);
    Set<String> outlets = new HashSet<>();
    for (JsonNode b : buckets(r, "outlets")) outlets.add(b.path(KEY).asText());
    Set<String> filterKeys = new HashSet<>(metaKeys);
    if (agg(r, "authors").path(DOC_COUNT).asLong() > 0) filterKeys.add(Fields.AUTHOR);
    List<String> shownMeta = new ArrayList<>();
    for (int i = 0; i < metaKeys.size(); i++) {
      long with = agg(r, "meta" + i).path("sum_other_doc_count").asLong();
      for (JsonNode b : buckets(r, "meta" + i)) with += b.path(DOC_COUNT).asLong();
      int values = buckets(r, "meta" + i).size();
      // as the embedded index: a label most paragraphs carry, not an id or free text
      if (with * 2 >= paragraphs && values <= MAX_META_VALUES) shownMeta.add(metaKeys.get(i));
    }
    shownMeta.sort(null);
    List<String> shown = new ArrayList<>(List.of(Fields.OUTLET, Fields.AUTHOR));
    shown.addAll(shownMeta);
    for (EntityType t : EntityType.values()) shown.add(t.key());
    JsonNode days = buckets(r, "days");
    int first = days.isEmpty() ? 0 : days.get(0).path(KEY).asInt();
    int last = days.isEmpty() ? -1 : days.get(days.size() - 1).path(KEY).asInt();
    int[] perDay = new int[last - first + 1];
    for (JsonNode b : days) perDay[b.path(KEY).asInt() - first] = b.path(DOC_COUNT).asInt();
    return new IndexState(
        paragraphs,
        Set.copyOf(outlets),
        Set.copyOf(filterKeys),
        List.copyOf(shown),
        first,
        perDay,
        System.nanoTime());
  }

  /** Most distinct values of a metadata key that is shown as a facet (as the embedded index). */
  private static final int MAX_META_VALUES = 1000;

  /** The metadata keys the index's mapping knows ({@code meta.<key>}), in name order. */
  private List<String> metaKeys() throws IOException {
    var mapping = client.indices().getMapping(m -> m.index(alias));
    Set<String> keys = new HashSet<>();
    for (var index : mapping.result().values()) {
      var meta = index.mappings().properties().get(Fields.META);
      if (meta != null && meta.isObject()) keys.addAll(meta.object().properties().keySet());
    }
    List<String> out = new ArrayList<>(keys);
    out.sort(null);
    return out;
  }

  private static String metaField(String key) {
    return key.equals(Fields.AUTHOR) ? Fields.AUTHOR : Fields.META + "." + key;
  }

  /** The document field counted for facet dimension {@code dim}. */
  private static String dimField(String dim) {
    if (dim.equals(Fields.OUTLET) || dim.equals(Fields.AUTHOR)) return dim;
    if (EntityType.fromKey(dim).isPresent()) return dim;
    return Fields.META + "." + dim;
  }

  // ---------------------------------------------------------------------------------------------
  // search

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    IndexState s = state();
    request = FilterValues.resolve(request, values(s), s.filterKeys());
    org.apache.lucene.search.Query base = queries.parse(request.q());
    boolean matchAll = base instanceof MatchAllDocsQuery;
    boolean rescore =
        ranking.rescores()
            && !matchAll
            && request.order() == Order.RELEVANCE
            && !request.collapse();
    Query ranked = ranked(request.q(), base, !rescore);
    Query query = filtered(ranked, request, s);
    org.apache.lucene.search.Query marked = matchAll || !request.highlight() ? null : base;
    return request.collapse()
        ? collapsed(s, query, marked, request)
        : flat(s, query, marked, request, rescore);
  }

  @Override
  public SearchResult countTimeline(SearchRequest request) throws IOException {
    if (request.timeline() == null)
      throw new IllegalArgumentException("countTimeline needs a request with a timeline interval");
    IndexState s = state();
    request = FilterValues.resolve(request, values(s), s.filterKeys());
    // the same matches as search: a headline or section heading matching makes a paragraph match
    Query query = filtered(ranked(request.q(), queries.parse(request.q()), false), request, s);
    JsonNode r =
        run(
            b ->
                b.index(alias)
                    .size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(query)
                    .aggregations(DAYS, days()));
    long total = total(r);
    return new SearchResult(
        request.q(), total, total, List.of(), Map.of(), timeline(s, r, total, request));
  }

  /**
   * The scored query, shaped as {@link Ranking#DEFAULTS}: a match in the text, the headline (first
   * paragraphs) or the section heading; with {@code withPrior}, the quality prior as a {@code
   * rank_feature} on every match (sorts other than relevance, collapse), as the embedded index's
   * feature query.
   */
  private Query ranked(String q, org.apache.lucene.search.Query base, boolean withPrior) {
    if (base instanceof MatchAllDocsQuery) return Query.of(x -> x.matchAll(m -> m));
    Query text = QueryTranslator.translate(base);
    List<Query> any = new ArrayList<>();
    any.add(text);
    if (ranking.headlineBoost() > 0)
      any.add(
          boost(
              QueryTranslator.translate(queries.parse(q, Fields.HEADLINE)),
              ranking.headlineBoost()));
    if (ranking.sectionBoost() > 0)
      any.add(
          boost(
              QueryTranslator.translate(queries.parse(q, Fields.SECTION)), ranking.sectionBoost()));
    // what the query excludes at its top level excludes a paragraph whose text has it, whichever
    // field matched (as Ranking.apply)
    List<Query> excluded = new ArrayList<>();
    if (base instanceof org.apache.lucene.search.BooleanQuery bq)
      for (org.apache.lucene.search.BooleanClause c : bq.clauses())
        if (c.occur() == org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
          excluded.add(QueryTranslator.translate(c.query()));
    Query match =
        any.size() == 1
            ? text
            : Query.of(x -> x.bool(b -> b.should(any).minimumShouldMatch("1").mustNot(excluded)));
    if (!withPrior) return match;
    return Query.of(
        x ->
            x.bool(
                b ->
                    b.must(match)
                        .should(
                            Query.of(
                                y ->
                                    y.rankFeature(
                                        f ->
                                            f.field(Fields.FEATURES + "." + Fields.FEATURE_QUALITY)
                                                .linear(l -> l))))));
  }

  private static Query boost(Query q, float boost) {
    return Query.of(x -> x.bool(b -> b.must(q).boost(boost)));
  }

  /** {@code ranked} kept to the request's kind, days, outlets, entities and metadata. */
  private static Query filtered(Query ranked, SearchRequest request, IndexState s) {
    List<Query> filters = new ArrayList<>();
    List<Query> not = new ArrayList<>();
    Query caption = term(Fields.KIND, ParagraphKind.CAPTION.key());
    switch (request.kind()) {
      case "all" -> {}
      case "caption" -> filters.add(caption);
      default -> not.add(caption);
    }
    DayRange days = request.days();
    if (!days.isAll())
      filters.add(
          Query.of(
              x ->
                  x.range(
                      r ->
                          r.field(Fields.DAY)
                              .gte(org.opensearch.client.json.JsonData.of(days.from()))
                              .lte(org.opensearch.client.json.JsonData.of(days.to())))));
    for (String outlet : request.outlets())
      if (!s.outlets().contains(outlet))
        throw new InvalidRequestException("unknown outlet '" + outlet + "'");
    if (!request.outlets().isEmpty()) filters.add(anyOf(Fields.OUTLET, request.outlets()));
    Map<String, List<String>> entities = new LinkedHashMap<>();
    for (EntityFilter e : request.entities())
      entities.computeIfAbsent(e.type().key(), k -> new ArrayList<>()).add(e.value());
    entities.forEach((field, values) -> filters.add(anyOf(field, values)));
    Map<String, List<String>> meta = new LinkedHashMap<>();
    for (MetaFilter m : request.metadata()) {
      if (!s.filterKeys().contains(m.key()))
        throw new InvalidRequestException(
            m.key().equals(Fields.AUTHOR)
                ? "no article of this index has an author"
                : FilterValues.unknownKey("meta", m.key(), s.filterKeys()));
      meta.computeIfAbsent(metaField(m.key()), k -> new ArrayList<>()).add(m.value());
    }
    meta.forEach((field, values) -> filters.add(anyOf(field, values)));
    if (filters.isEmpty() && not.isEmpty()) return ranked;
    return Query.of(x -> x.bool(b -> b.must(ranked).filter(filters).mustNot(not)));
  }

  private static Query term(String field, String value) {
    return Query.of(x -> x.term(t -> t.field(field).value(FieldValue.of(value))));
  }

  private static Query anyOf(String field, List<String> values) {
    return Query.of(
        x ->
            x.terms(
                t ->
                    t.field(field)
                        .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
  }

  /** Most values equal to a filter value ignoring case that a lookup reads. */
  private static final int MAX_SAME_VALUES = 100;

  /**
   * The values the paragraphs have, for {@link FilterValues}: a terms aggregation over every
   * paragraph, its keys kept by a regular expression that ignores case, in name order (exact for
   * name order whatever the shard size); a known outlet is answered from the index state.
   */
  private FilterValues.Lookup values(IndexState s) {
    return new FilterValues.Lookup() {
      @Override
      public List<String> sameIgnoringCase(String dim, String value) throws IOException {
        if (dim.equals(Fields.OUTLET) && s.outlets().contains(value)) return List.of(value);
        List<String> same = valuesMatching(dim, caseless(value), MAX_SAME_VALUES);
        return same.contains(value) ? List.of(value) : same;
      }

      @Override
      public List<String> containing(String dim, String text, int max) throws IOException {
        return valuesMatching(dim, ".*" + caseless(text) + ".*", max);
      }
    };
  }

  /** The first {@code max} values of {@code dim}, in name order, that match {@code regexp}. */
  private List<String> valuesMatching(String dim, String regexp, int max) throws IOException {
    Aggregation values =
        Aggregation.of(
            a ->
                a.terms(
                    t ->
                        t.field(dimField(dim))
                            .size(max)
                            .shardSize(max)
                            .include(i -> i.regexp(regexp))
                            .order(List.of(Map.of("_key", SortOrder.Asc)))));
    JsonNode r = run(b -> b.index(alias).size(0).aggregations("values", values));
    List<String> out = new ArrayList<>();
    for (JsonNode b : buckets(r, "values")) out.add(b.path(KEY).asText());
    return out;
  }

  /**
   * A Lucene regular expression matching {@code text} ignoring case ({@link
   * FilterValues#equalsIgnoringCase}): each letter a class of its cases, every other character
   * escaped.
   */
  static String caseless(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              int lower = Character.toLowerCase(c);
              int upper = Character.toUpperCase(c);
              if (lower != upper) {
                out.append('[').appendCodePoint(lower).appendCodePoint(upper);
                if (c != lower && c != upper) out.appendCodePoint(c);
                out.append(']');
              } else if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
              } else {
                out.append('\\').appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** The sort of {@code order}, as the embedded index: score or day first, reading order last. */
  private static List<SortOptions> sort(Order order) {
    List<SortOptions> out = new ArrayList<>();
    if (order != Order.RELEVANCE) {
      SortOrder dir = order == Order.NEWEST ? SortOrder.Desc : SortOrder.Asc;
      out.add(
          SortOptions.of(
              o -> o.field(f -> f.field(Fields.DAY).order(dir).missing(FieldValue.of("_last")))));
    }
    out.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
    out.add(SortOptions.of(o -> o.field(f -> f.field(Fields.ARTICLE_ID).order(SortOrder.Asc))));
    out.add(SortOptions.of(o -> o.field(f -> f.field(Fields.PARAGRAPH).order(SortOrder.Asc))));
    return out;
  }

  /**
   * One ranked paragraph of a first pass: its document, score, the fields folding needs, and its
   * whole {@code _source} (the page is read from it: no second request).
   */
  private record Ranked(
      String docId,
      float score,
      String articleId,
      int paragraph,
      String outlet,
      long sig,
      JsonNode source) {
    static Ranked of(JsonNode h, float score) {
      JsonNode src = h.path("_source");
      return new Ranked(
          h.path("_id").asText(),
          score,
          src.path(Fields.ARTICLE_ID).asText(),
          src.path(Fields.PARAGRAPH).asInt(),
          src.hasNonNull(Fields.OUTLET) ? src.get(Fields.OUTLET).asText() : null,
          src.path(Fields.SIGNATURE).asLong(),
          src);
    }
  }

  private SearchResult flat(
      IndexState s,
      Query query,
      org.apache.lucene.search.Query marked,
      SearchRequest request,
      boolean rescore)
      throws IOException {
    int n = request.offset() + request.limit();
    int fetch = 2 * n + 10; // room for copies folded into a hit above them (as the embedded index)
    if (rescore) fetch = Math.max(fetch, Ranking.RESCORE_WINDOW);
    Map<String, Aggregation> aggs = aggregations(s, request, SHARD_SIZE);
    JsonNode r = firstPass(query, request.order(), fetch, aggs);
    long total = total(r);
    Map<String, List<FacetValue>> facets = facets(s, r, request, query);
    Timeline timeline = request.timeline() == null ? null : timeline(s, r, total, request);
    Folded<Ranked> folded = fold(ranked(r, rescore));
    while (folded.firsts().size() < n && total > fetch && fetch < 8 * n + 1000) {
      fetch *= 4;
      folded = fold(ranked(firstPass(query, request.order(), fetch, Map.of()), rescore));
    }
    int from = Math.min(request.offset(), folded.firsts().size());
    int to = Math.min(n, folded.firsts().size());
    List<passages.search.Hit> hits =
        hits(
            folded.firsts().subList(from, to),
            folded.others().subList(from, to),
            marked,
            request.order() != Order.RELEVANCE);
    return new SearchResult(request.q(), total, total, hits, facets, timeline);
  }

  private JsonNode firstPass(Query query, Order order, int size, Map<String, Aggregation> aggs)
      throws IOException {
    return run(
        b ->
            b.index(alias)
                .searchType(SearchType.DfsQueryThenFetch)
                .query(query)
                .sort(sort(order))
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .aggregations(aggs));
  }

  /**
   * The first pass's hits in their final order: with {@code rescore} the first {@value
   * Ranking#RESCORE_WINDOW} get their quality prior added and are sorted again (ties in reading
   * order), the others keep the match order after them, as in the embedded index.
   */
  private static List<Ranked> ranked(JsonNode r, boolean rescore) {
    List<Ranked> out = new ArrayList<>();
    int window = Ranking.RESCORE_WINDOW;
    for (JsonNode h : r.path("hits").path("hits")) {
      float score = score(h);
      if (rescore && out.size() < window)
        score += (float) h.path("_source").path(Fields.QUALITY).asDouble();
      out.add(Ranked.of(h, score));
    }
    if (rescore) {
      out.subList(0, Math.min(window, out.size()))
          .sort(
              Comparator.comparing((Ranked d) -> -d.score())
                  .thenComparing(Ranked::articleId)
                  .thenComparingInt(Ranked::paragraph));
    }
    return out;
  }

  /** {@code ranked} with the copies of a text folded into its first ({@link Folded}). */
  private static Folded<Ranked> fold(List<Ranked> ranked) {
    return Folded.of(ranked, ranked.stream().mapToLong(Ranked::sig).toArray());
  }

  private SearchResult collapsed(
      IndexState s, Query query, org.apache.lucene.search.Query marked, SearchRequest request)
      throws IOException {
    Map<String, Aggregation> aggs = aggregations(s, request, SHARD_SIZE);
    aggs.put(
        "groups",
        Aggregation.of(
            a ->
                a.cardinality(
                    c -> c.field(Fields.SIGNATURE).precisionThreshold(GROUPS_PRECISION))));
    List<SortOptions> sort = sort(request.order());
    JsonNode r =
        run(
            b ->
                b.index(alias)
                    .searchType(SearchType.DfsQueryThenFetch)
                    .query(query)
                    .sort(sort)
                    .from(request.offset())
                    .size(request.limit())
                    .trackTotalHits(t -> t.enabled(true))
                    .collapse(
                        c ->
                            c.field(Fields.SIGNATURE)
                                .innerHits(
                                    ih ->
                                        ih.name(SAME)
                                            .size(MAX_ALSO_IN + 1)
                                            .sort(sort)
                                            .source(
                                                src -> src.filter(f -> f.includes(HIT_FIELDS)))))
                    .aggregations(aggs));
    long total = total(r);
    long groups = agg(r, "groups").path("value").asLong();
    Map<String, List<FacetValue>> facets = facets(s, r, request, query);
    Timeline timeline = request.timeline() == null ? null : timeline(s, r, total, request);
    List<Ranked> page = new ArrayList<>();
    List<List<Ranked>> others = new ArrayList<>();
    for (JsonNode h : r.path("hits").path("hits")) {
      page.add(Ranked.of(h, score(h)));
      List<Ranked> same = new ArrayList<>();
      for (JsonNode d : h.path("inner_hits").path(SAME).path("hits").path("hits")) {
        if (d.path("_id").asText().equals(h.path("_id").asText())) continue;
        same.add(Ranked.of(d, Float.NaN));
      }
      others.add(same.size() > MAX_ALSO_IN ? same.subList(0, MAX_ALSO_IN) : same);
    }
    return new SearchResult(
        request.q(),
        total,
        groups,
        hits(page, others, marked, request.order() != Order.RELEVANCE),
        facets,
        timeline);
  }

  private static final String SAME = "same";

  // ---------------------------------------------------------------------------------------------
  // facets and timeline

  private static final String DAYS = "days";

  private static Aggregation days() {
    return Aggregation.of(a -> a.histogram(h -> h.field(Fields.DAY).interval(1.0).minDocCount(1)));
  }

  private static Aggregation terms(String field, int size, int shardSize) {
    return Aggregation.of(
        a ->
            a.terms(
                t ->
                    t.field(field)
                        .size(size)
                        .shardSize(Math.max(size, shardSize))
                        .order(
                            List.of(
                                Map.of("_count", SortOrder.Desc), Map.of("_key", SortOrder.Asc)))));
  }

  private static Map<String, Aggregation> aggregations(
      IndexState s, SearchRequest request, int shardSize) {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    if (request.facets())
      for (String dim : s.shownDims())
        aggs.put("f:" + dim, terms(dimField(dim), request.facetLimit(), shardSize));
    if (request.timeline() != null) aggs.put(DAYS, days());
    return aggs;
  }

  /**
   * The facets of a search, every shown dimension present; counted again with every value of every
   * shard when OpenSearch says a count may be off ({@code doc_count_error_upper_bound} above 0).
   */
  private Map<String, List<FacetValue>> facets(
      IndexState s, JsonNode r, SearchRequest request, Query query) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (String dim : s.shownDims()) out.put(dim, List.of());
    if (!request.facets()) return out;
    JsonNode counted = r;
    boolean exact = true;
    for (String dim : s.shownDims()) exact &= errorBound(agg(r, "f:" + dim)) == 0;
    if (!exact) {
      Map<String, Aggregation> again = new LinkedHashMap<>();
      for (String dim : s.shownDims())
        again.put("f:" + dim, terms(dimField(dim), request.facetLimit(), ALL_VALUES));
      counted = run(b -> b.index(alias).size(0).query(query).aggregations(again));
    }
    for (String dim : s.shownDims()) {
      JsonNode t = agg(counted, "f:" + dim);
      if (errorBound(t) != 0)
        throw new IOException(
            "facet " + dim + " not exact: doc_count_error_upper_bound " + errorBound(t));
      List<FacetValue> values = new ArrayList<>();
      for (JsonNode b : t.path("buckets"))
        values.add(new FacetValue(b.path(KEY).asText(), b.path(DOC_COUNT).asLong()));
      out.put(dim, List.copyOf(values));
    }
    return out;
  }

  private static long errorBound(JsonNode terms) {
    return terms.path("doc_count_error_upper_bound").asLong();
  }

  private static Timeline timeline(IndexState s, JsonNode r, long total, SearchRequest request) {
    int[] matches = new int[s.perDay().length];
    long dated = 0;
    for (JsonNode b : buckets(r, DAYS)) {
      int i = b.path(KEY).asInt() - s.firstDay();
      long count = b.path(DOC_COUNT).asLong();
      dated += count;
      if (i >= 0 && i < matches.length) matches[i] += (int) count;
    }
    return Timeline.of(
        s.firstDay(), s.perDay(), matches, total - dated, request.timeline(), request.days());
  }

  // ---------------------------------------------------------------------------------------------
  // hits

  /**
   * The hits of a page, read from the {@code _source} the ranking request returned (one request per
   * search: the whole source is cheaper for the cluster than a filtered one and spares a second
   * round trip), {@code marked} highlighted in it (when not null); {@code others.get(i)} are the
   * paragraphs folded into hit i. With {@code unscored} (a date order) the score is NaN, as the
   * embedded index reports it: the day sorts first.
   */
  private List<passages.search.Hit> hits(
      List<Ranked> page,
      List<List<Ranked>> others,
      org.apache.lucene.search.Query marked,
      boolean unscored)
      throws IOException {
    if (page.isEmpty()) return List.of();
    List<ParagraphView> views = new ArrayList<>();
    for (Ranked d : page) views.add(view(d.source()));
    List<String> texts = views.stream().map(ParagraphView::text).toList();
    List<String> marks =
        marked == null
            ? texts.stream().map(TextHighlighter::escape).toList()
            : highlighter.highlight(marked, texts);
    List<passages.search.Hit> out = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      Ranked d = page.get(i);
      ParagraphView p = views.get(i);
      String passage = marks.get(i);
      List<passages.search.Hit.Duplicate> alsoIn = new ArrayList<>();
      for (Ranked o : others.get(i)) {
        alsoIn.add(
            new passages.search.Hit.Duplicate(
                ArticleIds.paragraphId(o.articleId(), o.paragraph()),
                o.outlet(),
                Links.articleLink(o.articleId(), o.paragraph())));
      }
      out.add(passages.search.Hit.of(p, passage, unscored ? Float.NaN : d.score(), alsoIn));
    }
    return out;
  }

  /** The paragraph a document's {@code _source} holds (as the embedded index's stored fields). */
  static ParagraphView view(JsonNode src) {
    String text = src.path(Fields.TEXT).asText();
    String articleId = src.path(Fields.ARTICLE_ID).asText();
    int ordinal = src.path(Fields.PARAGRAPH).asInt();
    List<HitEntity> entities = new ArrayList<>();
    for (JsonNode m : src.path(Fields.ENTITIES)) {
      int start = m.path(ParagraphSource.MENTION_START).asInt();
      int end = m.path(ParagraphSource.MENTION_END).asInt();
      entities.add(
          new HitEntity(
              m.path(ParagraphSource.MENTION_TYPE).asText(),
              m.path(ParagraphSource.MENTION_VALUE).asText(),
              text.substring(start, end),
              start,
              end));
    }
    List<String> authors = new ArrayList<>();
    for (JsonNode a : src.path(Fields.AUTHOR)) authors.add(a.asText());
    Map<String, String> meta = new LinkedHashMap<>();
    src.path(Fields.META).properties().forEach(e -> meta.put(e.getKey(), e.getValue().asText()));
    return new ParagraphView(
        ArticleIds.paragraphId(articleId, ordinal),
        articleId,
        ordinal,
        text(src, Fields.SECTION),
        text,
        text(src, Fields.TITLE),
        text(src, Fields.OUTLET),
        text(src, Fields.URL),
        text(src, Fields.DATE),
        List.copyOf(entities),
        Permalinks.of(articleId, text),
        List.copyOf(authors),
        meta.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(meta),
        src.hasNonNull(Fields.KIND) ? src.get(Fields.KIND).asText() : ParagraphKind.BODY.key());
  }

  private static String text(JsonNode src, String field) {
    JsonNode v = src.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  // ---------------------------------------------------------------------------------------------
  // paragraphs and articles

  @Override
  public Optional<ParagraphView> findParagraph(String id) throws IOException {
    var ref = ArticleIds.parseParagraphId(id);
    if (ref.isEmpty()) return Optional.empty();
    Query exact =
        Query.of(
            q ->
                q.bool(
                    x ->
                        x.filter(term(Fields.ARTICLE_ID, ref.get().articleId()))
                            .filter(
                                Query.of(
                                    t ->
                                        t.term(
                                            v ->
                                                v.field(Fields.PARAGRAPH)
                                                    .value(FieldValue.of(ref.get().ordinal())))))));
    JsonNode hits = run(b -> b.index(alias).size(1).query(exact)).path("hits").path("hits");
    if (hits.isEmpty()) return Optional.empty();
    return Optional.of(view(hits.get(0).path("_source")));
  }

  @Override
  public Optional<ArticleView> findArticle(String id) throws IOException {
    if (!ArticleIds.isValid(id)) return Optional.empty();
    JsonNode r =
        run(
            b ->
                b.index(alias)
                    .size(MAX_ARTICLE_PARAGRAPHS)
                    .query(q -> q.bool(x -> x.filter(term(Fields.ARTICLE_ID, id))))
                    .sort(
                        SortOptions.of(
                            o -> o.field(f -> f.field(Fields.PARAGRAPH).order(SortOrder.Asc)))));
    JsonNode hits = r.path("hits").path("hits");
    if (hits.isEmpty()) return Optional.empty();
    List<ParagraphView> paragraphs = new ArrayList<>();
    for (JsonNode h : hits) paragraphs.add(view(h.path("_source")));
    return Optional.of(ArticleView.of(id, paragraphs));
  }

  @Override
  public long paragraphCount() throws IOException {
    return client.count(c -> c.index(alias)).count();
  }

  /**
   * The sum of OpenSearch's own {@code took} (milliseconds) over every search request this searcher
   * sent so far: what the cluster spent, for the benchmark's "passages adds" column.
   */
  public long tookMillis() {
    return took.sum();
  }

  /** Closes the cluster connection when this searcher was made by {@link #opening}. */
  @Override
  public void close() throws IOException {
    if (ownsCluster) cluster.close();
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Runs a search on every shard or fails: partial results are refused, so a total is never
   * silently short; a search over the time budget (OpenSearch's {@code timeout}, which stops
   * collecting and flags the answer) is the user's error, as in the embedded index. The request is
   * built with the typed client's builders and sent by {@link Cluster#post} (blocking, on this
   * thread; the same nodes, with failover); the answer is read as one Jackson tree, which costs a
   * fraction of the typed client's decoding of the same hits.
   *
   * @return the whole {@code _search} answer
   */
  private JsonNode run(
      java.util.function.Function<
              Builder,
              org.opensearch.client.util.ObjectBuilder<
                  org.opensearch.client.opensearch.core.SearchRequest>>
          request)
      throws IOException {
    org.opensearch.client.opensearch.core.SearchRequest search =
        request
            .apply(new Builder().allowPartialSearchResults(false).timeout(budget.toMillis() + "ms"))
            .build();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("allow_partial_search_results", "false");
    if (search.searchType() != null) params.put("search_type", search.searchType().jsonValue());
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(1024);
    try (jakarta.json.stream.JsonGenerator g = mapper.jsonProvider().createGenerator(body)) {
      search.serialize(g, mapper);
    }
    Cluster.Answer answer =
        cluster.post(
            "/" + String.join(",", search.index()) + "/_search", params, body.toByteArray());
    if (answer.status() != 200) throw failure(answer.status(), answer.body());
    JsonNode r = json.readTree(answer.body());
    took.add(r.path("took").asLong());
    if (r.path("timed_out").asBoolean())
      throw new InvalidRequestException(
          "query is too expensive: it ran over the "
              + budget.toMillis()
              + " ms budget; make it more specific");
    JsonNode shards = r.path("_shards");
    if (shards.path("failed").asInt() > 0)
      throw new IOException(
          "OpenSearch: "
              + shards.path("failed").asInt()
              + " of "
              + shards.path("total").asInt()
              + " shards failed");
    return r;
  }

  /** The error of an answer with HTTP status {@code status}: the user's, or the cluster's. */
  private IOException failure(int status, byte[] body) {
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    if (text.contains("too_many_clauses") || text.contains("maxClauseCount"))
      throw new InvalidRequestException(
          "query expands to too many terms; use fewer fuzzy, wildcard or range terms");
    String reason = text;
    try {
      JsonNode error = json.readTree(body).path("error");
      if (error.isObject())
        reason = "[" + error.path("type").asText() + "] " + error.path("reason").asText();
    } catch (IOException notJson) {
      // the body as it came
    }
    return new IOException("OpenSearch: HTTP " + status + " " + clip(reason, 500));
  }

  /** The exact total of a search answer ({@code track_total_hits}). */
  private static long total(JsonNode r) {
    return r.path("hits").path("total").path("value").asLong();
  }

  /** Aggregation {@code name} of a search answer (a missing node when absent). */
  private static JsonNode agg(JsonNode r, String name) {
    return r.path("aggregations").path(name);
  }

  /** The buckets of aggregation {@code name} of a search answer. */
  private static JsonNode buckets(JsonNode r, String name) {
    return agg(r, name).path("buckets");
  }

  /** A hit's score, NaN when it has none. */
  private static float score(JsonNode hit) {
    JsonNode v = hit.get("_score");
    return v == null || v.isNull() ? Float.NaN : v.floatValue();
  }

  private static final String KEY = "key";
  private static final String DOC_COUNT = "doc_count";

  private static String clip(String s, int max) {
    return s.length() > max ? s.substring(0, max) + "…" : s;
  }

  @Override
  public String toString() {
    return "OpenSearchSearcher[" + alias + "]";
  }
}
