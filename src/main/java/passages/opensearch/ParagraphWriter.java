package passages.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.util.MissingRequiredPropertyException;
import passages.index.Fields;
import passages.model.Article;
import passages.model.Paragraph;

/**
 * Writes paragraph documents to OpenSearch so that searches through the alias never see a half-done
 * write.
 *
 * <p><b>The alias is the commit.</b> Searches go through a filtered alias ({@code passages} by
 * default) whose filter names the last committed write run {@code C}: a document is visible when
 * {@code run <= C} and not {@code supersededBy <= C}. Changing that filter is one atomic
 * cluster-state update.
 *
 * <ul>
 *   <li>{@link #fullBuild} writes every paragraph into a new index {@code <alias>-b<UTC time>} that
 *       nothing searches (no periodic refresh, no fsync per bulk request until the commit), flushes
 *       it and checks its document count, then moves the alias onto it and drops the old index in
 *       the same {@code _aliases} request. A build that fails or is killed leaves an index without
 *       the alias, deleted by the next build.
 *   <li>{@link #update} writes run {@code R = C + 1} into the live index: new versions of changed
 *       articles are added with {@code run = R} (invisible), their old paragraphs get {@code
 *       supersededBy = R} (still visible), and {@link Update#commit} moves the alias filter to
 *       {@code R}: every article flips from old to new at once. A crash before that leaves every
 *       article old; the next update first removes what the crashed run left.
 * </ul>
 *
 * A paragraph version's id is its paragraph id plus the article hash ({@link ParagraphSource#id}),
 * so writing the same version again overwrites it: a re-run after a crash ends with exactly the
 * documents of a clean run.
 *
 * <p>Requests that fail because a node is gone (connection errors, HTTP 429 and 5xx, bulk items
 * refused for an unavailable shard, searches with failed shards) are retried on the other nodes for
 * up to {@code retryFor}; other errors (a mapping refusing a document) fail at once. One writer per
 * alias at a time; not thread-safe.
 */
public final class ParagraphWriter {
  /** The default alias searches go through. */
  public static final String DEFAULT_ALIAS = "passages";

  private static final DateTimeFormatter BUILD_NAME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  /** Page size of the searches that find an article's paragraphs or a crashed run's leftovers. */
  private static final int PAGE = 1000;

  /** Page size of the search that reads every live article's hash. */
  private static final int HASH_PAGE = 5000;

  private final Cluster cluster;
  private final OpenSearchClient client;
  private final String alias;
  private final int batchSize;
  private final Duration retryFor;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param alias the alias searches use (lower case, no {@code *}, {@code ,} or spaces)
   * @param batchSize paragraphs per bulk request
   * @param retryFor how long a request whose node is gone is retried on the others
   */
  public ParagraphWriter(
      Cluster cluster, String alias, int batchSize, Duration retryFor, Clock clock) {
    if (alias.matches("[a-z0-9][a-z0-9_.-]*") == false)
      throw new IllegalArgumentException("bad alias name: " + alias);
    if (batchSize < 1)
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    this.cluster = cluster;
    this.client = cluster.client();
    this.alias = alias;
    this.batchSize = batchSize;
    this.retryFor = retryFor;
    this.clock = clock;
  }

  /**
   * A writer for {@link #DEFAULT_ALIAS}, 500 paragraphs per bulk request, retrying for two minutes.
   */
  public ParagraphWriter(Cluster cluster) {
    this(cluster, DEFAULT_ALIAS);
  }

  /** A writer for {@code alias}, 500 paragraphs per bulk request, retrying for two minutes. */
  public ParagraphWriter(Cluster cluster, String alias) {
    this(cluster, alias, 500, Duration.ofMinutes(2), Clock.systemUTC());
  }

  /**
   * Starts a full build into a new index (and deletes what earlier builds that never went live left
   * behind), once every shard copy of the new index is allocated.
   *
   * @param shards primary shards of the new index
   * @param replicas replicas of each shard
   */
  public FullBuild fullBuild(int shards, int replicas) throws IOException {
    String live = liveIndex();
    for (String stale : buildIndices())
      if (stale.equals(live) == false) raw("DELETE", "/" + stale, null);
    String name = alias + "-b" + BUILD_NAME.format(clock.instant());
    // while nothing searches it: no periodic refresh and no fsync per bulk request (the commit
    // restores both, flushes, and checks the count, so a write lost in a crash cannot go live)
    ObjectNode body = (ObjectNode) json.readTree(IndexSettings.paragraphIndex(shards, replicas));
    ((ObjectNode) body.path("settings").path("index"))
        .put("refresh_interval", "-1")
        .putObject("translog")
        .put("durability", "async");
    cluster.createIndex(name, body.toString());
    // every copy allocated before the first write: with replicas, losing one node then leaves each
    // shard a copy
    retrying(
        () -> {
          var health =
              client
                  .cluster()
                  .health(
                      h ->
                          h.index(name)
                              .waitForStatus(HealthStatus.Green)
                              .timeout(t -> t.time("30s")));
          if (health.timedOut())
            throw new RetryableException("index " + name + " not green yet: " + health.status());
          return null;
        });
    return new FullBuild(name, live);
  }

  /**
   * Starts an incremental run on the live index: removes what a crashed run left (documents of runs
   * after the committed one, {@code supersededBy} marks of such runs) and returns the run.
   *
   * @throws IllegalStateException when the alias does not exist yet (run a full build first)
   */
  public Update update() throws IOException {
    return update(null);
  }

  /**
   * {@link #update()} for a run that knows every live article: {@code live} is what {@link
   * #liveArticles()} read before the run (searches see no write of this run before its commit, so
   * it stays right throughout), and saves one search per article put or deleted.
   */
  public Update update(Map<String, LiveArticle> live) throws IOException {
    return startUpdate(live);
  }

  private Update startUpdate(Map<String, LiveArticle> known) throws IOException {
    String live = liveIndex();
    if (live == null)
      throw new IllegalStateException("alias " + alias + " does not exist: run a full build first");
    for (String stale : buildIndices())
      if (stale.equals(live) == false) raw("DELETE", "/" + stale, null);
    long committed = committedRun(live);
    Update u = new Update(live, committed + 1, known);
    u.removeLeftovers(committed);
    return u;
  }

  /** A full build: {@link #add} every article, then {@link #commit}. */
  public final class FullBuild {
    private final String index;
    private final String previous;
    private final Bulk bulk;
    private final Map<String, Version> added = new HashMap<>();
    private long paragraphs;

    private FullBuild(String index, String previous) {
      this.index = index;
      this.previous = previous;
      this.bulk = new Bulk(index);
    }

    /** The new index's name. */
    public String index() {
      return index;
    }

    /**
     * Adds the paragraphs of {@code article} (written in bulk batches as they fill). Adding an
     * article id again replaces what was added for it before (a corpus with a duplicate id: the
     * indexer's choice wins).
     */
    public void add(IndexedArticle article) throws IOException {
      Article a = article.article();
      Version now = new Version(article.hash(), a.paragraphs().size());
      Version before = added.put(a.id(), now);
      if (before != null) {
        paragraphs -= before.paragraphs();
        for (String id : before.ids(a.id()))
          if (now.ids(a.id()).contains(id) == false)
            bulk.add(BulkOperation.of(b -> b.delete(d -> d.id(id))));
      }
      paragraphs += now.paragraphs();
      for (Paragraph p : a.paragraphs()) {
        String id = ParagraphSource.id(a, p, article.hash());
        Map<String, Object> doc = ParagraphSource.of(article, p, 1);
        bulk.add(BulkOperation.of(b -> b.index(i -> i.id(id).document(doc))));
      }
    }

    /** The paragraphs added so far (an article added twice counted once, as its last version). */
    public long paragraphs() {
      return paragraphs;
    }

    /** {@link #commit(Map)} with no metadata. */
    public long commit() throws IOException {
      return commit(Map.of());
    }

    /**
     * Writes what is buffered, checks that the index holds exactly the paragraphs added, stores
     * {@code meta} in the index's mapping ({@code _meta}, read back by {@link #live()}), then makes
     * it live (alias moved and the previous index deleted in one request).
     *
     * @return the number of paragraphs now live
     * @throws IOException when the count differs (the alias is not moved) or the cluster fails past
     *     the retry time
     */
    public long commit(Map<String, String> meta) throws IOException {
      bulk.flush();
      ObjectNode settings = json.createObjectNode();
      settings
          .putObject("index")
          .putNull("refresh_interval")
          .putObject("translog")
          .put("durability", "request");
      raw("PUT", "/" + index + "/_settings", settings.toString());
      retrying(() -> client.indices().refresh(r -> r.index(index)));
      retrying(() -> client.indices().flush(f -> f.index(index)));
      long count =
          retrying(
              () -> {
                var c = client.count(r -> r.index(index));
                if (c.shards().failed() > 0)
                  throw new RetryableException(
                      "count with " + c.shards().failed() + " failed shards");
                return c.count();
              });
      if (count != paragraphs)
        throw new IOException(
            "build "
                + index
                + " holds "
                + count
                + " paragraphs, expected "
                + paragraphs
                + ": not made live");
      writeMeta(index, meta);
      ObjectNode body = json.createObjectNode();
      ArrayNode actions = body.putArray("actions");
      ObjectNode add = actions.addObject().putObject("add");
      add.put("index", index).put("alias", alias).set("filter", visibleAt(1));
      if (previous != null) actions.addObject().putObject("remove_index").put("index", previous);
      raw("POST", "/_aliases", body.toString());
      return count;
    }
  }

  /** An incremental run: {@link #put} and {@link #delete} articles, then {@link #commit}. */
  public final class Update {
    private final String index;
    private final long run;
    private final Bulk bulk;

    /** What this run put per article id: the version added and the live ids it marked. */
    private final Map<String, Put> puts = new HashMap<>();

    private record Put(Version version, Set<String> superseded) {}

    /** The live articles read before the run, or null: then each is looked up. */
    private final Map<String, LiveArticle> known;

    private Update(String index, long run, Map<String, LiveArticle> known) {
      this.index = index;
      this.run = run;
      this.known = known;
      this.bulk = new Bulk(index);
    }

    /** This run's number (the committed run + 1). */
    public long run() {
      return run;
    }

    /**
     * Makes {@code article} the version that {@link #commit} publishes: nothing when the live
     * version has the same hash, else its paragraphs are added (invisible until the commit) and the
     * live ones marked as replaced.
     *
     * @return whether the article was new or changed
     */
    public boolean put(IndexedArticle article) throws IOException {
      Article a = article.article();
      Map<String, String> live = liveParagraphs(a.id());
      Version now = new Version(article.hash(), a.paragraphs().size());
      Set<String> newIds = now.ids(a.id());
      Put before = puts.remove(a.id());
      if (before != null) {
        // put again in this run (a duplicate id the indexer resolved the other way): take the first
        // put back, the version it added (invisible) and its marks
        for (String id : before.version().ids(a.id()))
          if (newIds.contains(id) == false && live.containsKey(id) == false)
            bulk.add(BulkOperation.of(b -> b.delete(d -> d.id(id))));
        unmark(before.superseded());
      }
      if (live.keySet().equals(newIds)) return false;
      for (Paragraph p : a.paragraphs()) {
        String id = ParagraphSource.id(a, p, article.hash());
        Map<String, Object> doc = ParagraphSource.of(article, p, run);
        bulk.add(BulkOperation.of(b -> b.index(i -> i.id(id).document(doc))));
      }
      supersede(live.keySet());
      puts.put(a.id(), new Put(now, live.keySet()));
      return true;
    }

    /**
     * Removes article {@code articleId} at {@link #commit} (its paragraphs are marked as replaced
     * by nothing).
     *
     * @return whether the article was live
     */
    public boolean delete(String articleId) throws IOException {
      Set<String> live = liveParagraphs(articleId).keySet();
      supersede(live);
      return live.isEmpty() == false;
    }

    /** {@link #commit(Map)} with no metadata. */
    public void commit() throws IOException {
      commit(Map.of());
    }

    /**
     * Publishes the run: writes what is buffered, moves the alias filter to this run (every article
     * flips at once), deletes the replaced paragraphs, then stores {@code meta} in the index's
     * mapping (after the commit: a crash in between leaves the previous run's metadata, which only
     * makes the next run look stale).
     */
    public void commit(Map<String, String> meta) throws IOException {
      bulk.flush();
      retrying(() -> client.indices().refresh(r -> r.index(index)));
      ObjectNode body = json.createObjectNode();
      body.putArray("actions")
          .addObject()
          .putObject("add")
          .put("index", index)
          .put("alias", alias)
          .set("filter", visibleAt(run));
      raw("POST", "/_aliases", body.toString());
      drain(
          Query.of(q -> q.range(r -> r.field(ParagraphSource.SUPERSEDED_BY).lte(JsonData.of(run)))),
          id -> BulkOperation.of(b -> b.delete(d -> d.id(id))));
      if (meta.isEmpty() == false) writeMeta(index, meta);
    }

    private void unmark(Set<String> ids) throws IOException {
      ObjectNode unmark = json.createObjectNode().putNull(ParagraphSource.SUPERSEDED_BY);
      for (String id : ids)
        bulk.add(BulkOperation.of(b -> b.update(u -> u.id(id).document(unmark))));
    }

    private void supersede(Set<String> ids) throws IOException {
      for (String id : ids) {
        bulk.add(
            BulkOperation.of(
                b -> b.update(u -> u.id(id).document(Map.of(ParagraphSource.SUPERSEDED_BY, run)))));
      }
    }

    /** The live paragraph documents of an article: id → article hash. */
    private Map<String, String> liveParagraphs(String articleId) throws IOException {
      if (known != null) {
        LiveArticle k = known.get(articleId);
        Map<String, String> out = new HashMap<>();
        if (k == null) return out;
        if (k.hash() != null) {
          for (String id : new Version(k.hash(), k.paragraphs()).ids(articleId))
            out.put(id, k.hash());
          return out;
        }
      }
      SearchResponse<JsonNode> r =
          retrying(
              () ->
                  complete(
                      client.search(
                          s ->
                              s.index(alias)
                                  .query(
                                      q ->
                                          q.term(
                                              t ->
                                                  t.field(Fields.ARTICLE_ID)
                                                      .value(FieldValue.of(articleId))))
                                  .size(PAGE)
                                  .source(src -> src.filter(f -> f.includes(Fields.ARTICLE_HASH))),
                          JsonNode.class)));
      if (r.hits().total() == null || r.hits().total().value() > r.hits().hits().size()) {
        throw new RefusedException(
            "article " + articleId + " has more than " + PAGE + " live paragraphs");
      }
      Map<String, String> out = new HashMap<>();
      for (Hit<JsonNode> h : r.hits().hits())
        out.put(h.id(), h.source().path(Fields.ARTICLE_HASH).asText());
      return out;
    }

    /**
     * Deletes what a crashed run left: its documents, its {@code supersededBy} marks, and
     * paragraphs a committed run replaced but did not get to delete (hidden by the alias filter
     * already).
     */
    private void removeLeftovers(long committed) throws IOException {
      drain(
          Query.of(
              q ->
                  q.range(r -> r.field(ParagraphSource.SUPERSEDED_BY).lte(JsonData.of(committed)))),
          id -> BulkOperation.of(b -> b.delete(d -> d.id(id))));
      drain(
          Query.of(q -> q.range(r -> r.field(ParagraphSource.RUN).gt(JsonData.of(committed)))),
          id -> BulkOperation.of(b -> b.delete(d -> d.id(id))));
      // a Map would drop the null
      ObjectNode unmark = json.createObjectNode().putNull(ParagraphSource.SUPERSEDED_BY);
      drain(
          Query.of(
              q -> q.range(r -> r.field(ParagraphSource.SUPERSEDED_BY).gt(JsonData.of(committed)))),
          id -> BulkOperation.of(b -> b.update(u -> u.id(id).document(unmark))));
    }

    /**
     * Applies {@code op} to every document of the index matching {@code query}, a page at a time,
     * until none is left.
     */
    private void drain(Query query, java.util.function.Function<String, BulkOperation> op)
        throws IOException {
      while (true) {
        retrying(() -> client.indices().refresh(r -> r.index(index)));
        SearchResponse<JsonNode> r =
            retrying(
                () ->
                    complete(
                        client.search(
                            s ->
                                s.index(index)
                                    .query(query)
                                    .size(PAGE)
                                    .source(src -> src.fetch(false)),
                            JsonNode.class)));
        if (r.hits().hits().isEmpty()) return;
        for (Hit<JsonNode> h : r.hits().hits()) bulk.add(op.apply(h.id()));
        bulk.flush();
      }
    }
  }

  /**
   * The live index: the one the alias points at, its committed run, and the metadata its last
   * commit stored; empty when the alias does not exist (no build went live yet).
   */
  public Optional<Live> live() throws IOException {
    String index = liveIndex();
    if (index == null) return Optional.empty();
    JsonNode m =
        raw("GET", "/" + index + "/_mapping", null).path(index).path("mappings").path("_meta");
    Map<String, String> meta = new TreeMap<>();
    m.fields().forEachRemaining(e -> meta.put(e.getKey(), e.getValue().asText()));
    return Optional.of(new Live(index, committedRun(index), meta));
  }

  /**
   * The index the alias points at.
   *
   * @param index its name
   * @param run the committed write run
   * @param meta what the last commit stored ({@link FullBuild#commit(Map)}, {@link
   *     Update#commit(Map)})
   */
  public record Live(String index, long run, Map<String, String> meta) {
    public Live {
      meta = Map.copyOf(meta);
    }
  }

  /** The exact number of paragraphs searches see through the alias (0 when there is none). */
  public long count() throws IOException {
    if (liveIndex() == null) return 0;
    retrying(() -> client.indices().refresh(r -> r.index(alias)));
    return retrying(
        () -> {
          var c = client.count(r -> r.index(alias));
          if (c.shards().failed() > 0)
            throw new RetryableException("count with " + c.shards().failed() + " failed shards");
          return c.count();
        });
  }

  /**
   * An article as searches see it.
   *
   * @param hash its content hash, or null when its live paragraphs disagree (then {@link
   *     Update#put} looks them up)
   * @param paragraphs its live paragraphs
   */
  public record LiveArticle(String hash, int paragraphs) {}

  /**
   * Every article searches see through the alias, with its hash and number of paragraphs (a
   * composite aggregation over the article ids, {@value #HASH_PAGE} articles a request); empty when
   * there is no alias.
   */
  public Map<String, LiveArticle> liveArticles() throws IOException {
    Map<String, LiveArticle> out = new HashMap<>();
    if (liveIndex() == null) return out;
    retrying(() -> client.indices().refresh(r -> r.index(alias)));
    JsonNode after = null;
    while (true) {
      ObjectNode body = json.createObjectNode();
      body.put("size", 0).put("track_total_hits", false);
      ObjectNode articles = body.putObject("aggs").putObject("a");
      ObjectNode composite = articles.putObject("composite").put("size", HASH_PAGE);
      composite
          .putArray("sources")
          .addObject()
          .putObject("id")
          .putObject("terms")
          .put("field", Fields.ARTICLE_ID);
      if (after != null) composite.set("after", after);
      articles
          .putObject("aggs")
          .putObject("h")
          .putObject("terms")
          .put("field", Fields.ARTICLE_HASH)
          .put("size", 2);
      String request = body.toString();
      JsonNode r =
          retrying(
              () -> {
                JsonNode answer = rawOnce("POST", "/" + alias + "/_search", request);
                if (answer.path("_shards").path("failed").asInt() > 0)
                  throw new RetryableException("aggregation with failed shards");
                return answer;
              });
      JsonNode agg = r.path("aggregations").path("a");
      for (JsonNode b : agg.path("buckets")) {
        JsonNode hashes = b.path("h").path("buckets");
        out.put(
            b.path("key").path("id").asText(),
            new LiveArticle(
                hashes.size() == 1 ? hashes.get(0).path("key").asText() : null,
                b.path("doc_count").asInt()));
      }
      if (agg.path("buckets").size() < HASH_PAGE || agg.path("after_key").isMissingNode())
        return out;
      after = agg.path("after_key");
    }
  }

  /** Stores {@code meta} as the {@code _meta} of {@code index}'s mapping. */
  private void writeMeta(String index, Map<String, String> meta) throws IOException {
    ObjectNode body = json.createObjectNode();
    ObjectNode m = body.putObject("_meta");
    meta.forEach(m::put);
    raw("PUT", "/" + index + "/_mapping", body.toString());
  }

  /** A version of an article: its hash and number of paragraphs, which give its document ids. */
  private record Version(String hash, int paragraphs) {
    Set<String> ids(String articleId) {
      Set<String> out = new HashSet<>();
      for (int p = 1; p <= paragraphs; p++) out.add(ParagraphSource.id(articleId, p, hash));
      return out;
    }
  }

  /** The filter of the alias when run {@code c} is committed. */
  private ObjectNode visibleAt(long c) {
    ObjectNode filter = json.createObjectNode();
    ObjectNode bool = filter.putObject("bool");
    bool.putArray("filter")
        .addObject()
        .putObject("range")
        .putObject(ParagraphSource.RUN)
        .put("lte", c);
    bool.putArray("must_not")
        .addObject()
        .putObject("range")
        .putObject(ParagraphSource.SUPERSEDED_BY)
        .put("lte", c);
    return filter;
  }

  /** The index the alias points at, or null when there is none. */
  private String liveIndex() throws IOException {
    JsonNode r = raw("GET", "/_alias/" + alias, null);
    if (r == null) return null;
    Iterator<String> names = r.fieldNames();
    String live = names.hasNext() ? names.next() : null;
    if (names.hasNext())
      throw new IllegalStateException("alias " + alias + " points at several indices: " + r);
    return live;
  }

  /** The run named in the alias filter of {@code index}. */
  private long committedRun(String index) throws IOException {
    JsonNode filter =
        raw("GET", "/_alias/" + alias, null).path(index).path("aliases").path(alias).path("filter");
    JsonNode lte =
        filter
            .path("bool")
            .path("filter")
            .path(0)
            .path("range")
            .path(ParagraphSource.RUN)
            .path("lte");
    if (lte.canConvertToLong() == false && lte.isTextual() == false)
      throw new IllegalStateException("alias " + alias + " has no run filter: " + filter);
    return lte.asLong();
  }

  /** The indices made by full builds of this alias. */
  private List<String> buildIndices() throws IOException {
    JsonNode r = raw("GET", "/" + alias + "-b*?expand_wildcards=open,closed", null);
    List<String> out = new ArrayList<>();
    if (r != null) r.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** A raw JSON request, retried like the others; the parsed answer, or null on 404. */
  private JsonNode raw(String method, String endpoint, String body) throws IOException {
    return retrying(() -> rawOnce(method, endpoint, body));
  }

  /** A raw JSON request, sent once; the parsed answer, or null on 404. */
  private JsonNode rawOnce(String method, String endpoint, String body) throws IOException {
    var b = Requests.builder().method(method).endpoint(endpoint);
    if (body != null) b.json(body);
    try (Response r = client.generic().execute(b.build())) {
      String answer = r.getBody().map(Body::bodyAsString).orElse("");
      if (r.getStatus() == 404) return null;
      if (r.getStatus() == 429 || r.getStatus() >= 500)
        throw new RetryableException(
            method + " " + endpoint + ": HTTP " + r.getStatus() + " " + answer);
      if (r.getStatus() / 100 != 2)
        throw new RefusedException(
            method + " " + endpoint + ": HTTP " + r.getStatus() + " " + answer);
      return answer.isEmpty() ? json.createObjectNode() : json.readTree(answer);
    }
  }

  private static <T> SearchResponse<T> complete(SearchResponse<T> r) {
    if (r.shards().failed() > 0 || r.timedOut())
      throw new RetryableException("search with " + r.shards().failed() + " failed shards");
    return r;
  }

  /**
   * Bulk requests to one index, sent every {@code batchSize} operations; refused items are retried.
   */
  private final class Bulk {
    private final String index;
    private final List<BulkOperation> pending = new ArrayList<>();

    Bulk(String index) {
      this.index = index;
    }

    void add(BulkOperation op) throws IOException {
      pending.add(op);
      if (pending.size() >= batchSize) flush();
    }

    void flush() throws IOException {
      List<BulkOperation> ops = new ArrayList<>(pending);
      pending.clear();
      retrying(
          () -> {
            if (ops.isEmpty()) return null;
            BulkResponse r = client.bulk(b -> b.index(index).operations(ops));
            List<BulkOperation> retry = new ArrayList<>();
            for (int i = 0; i < r.items().size(); i++) {
              BulkResponseItem item = r.items().get(i);
              if (item.error() == null) continue;
              if (item.status() == 429 || item.status() >= 500) {
                retry.add(ops.get(i));
              } else if (item.status() == 404 && ops.get(i).isUpdate()) {
                continue; // marking a paragraph that a concurrent purge already deleted: nothing to
                // mark
              } else {
                throw new RefusedException(
                    "bulk "
                        + item.operationType()
                        + " of "
                        + item.id()
                        + ": HTTP "
                        + item.status()
                        + " "
                        + item.error().reason());
              }
            }
            ops.retainAll(retry);
            if (ops.isEmpty() == false)
              throw new RetryableException(ops.size() + " bulk items refused (shard unavailable)");
            return null;
          });
    }
  }

  /** A request or document the cluster refused (HTTP 4xx): not retried. */
  private static final class RefusedException extends IOException {
    RefusedException(String message) {
      super(message);
    }
  }

  /** A failure worth retrying on another node. */
  private static final class RetryableException extends RuntimeException {
    RetryableException(String message) {
      super(message);
    }
  }

  private interface Call<T> {
    T run() throws IOException;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
    return false;
  }

  /**
   * Runs {@code call}, retrying failures caused by a node being gone until {@code retryFor} has
   * passed.
   */
  private <T> T retrying(Call<T> call) throws IOException {
    long deadline = System.nanoTime() + retryFor.toNanos();
    long sleep = 100;
    while (true) {
      Exception failure;
      try {
        return call.run();
      } catch (RetryableException e) {
        failure = e;
      } catch (OpenSearchException e) {
        if (e.status() != 429 && e.status() < 500) throw e;
        failure = e;
      } catch (RuntimeException e) {
        // opensearch-java 3.9.0 cannot read a bulk answer that reports a failed replica copy
        // without its shard number
        // (MissingRequiredPropertyException 'ShardSearchFailure.shard'), as happens while a node is
        // being dropped;
        // every write here is idempotent (fixed ids, partial updates), so the whole request is sent
        // again
        if (hasCause(e, MissingRequiredPropertyException.class) == false) throw e;
        failure = e;
      } catch (RefusedException e) {
        throw e; // a document or request the cluster refuses: retrying does not cure it
      } catch (IOException e) {
        failure = e; // a node that cannot be reached: the client tries the others next time
      }
      if (System.nanoTime() > deadline)
        throw new IOException(
            "OpenSearch still failing after " + retryFor + ": " + failure.getMessage(), failure);
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while retrying", e);
      }
      sleep = Math.min(sleep * 2, 2000);
    }
  }
}
