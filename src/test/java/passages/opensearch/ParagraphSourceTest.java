package passages.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import passages.index.ParagraphDocuments;
import passages.model.Article;
import passages.model.Entity;
import passages.model.EntityType;
import passages.model.Paragraph;
import passages.model.ParagraphKind;
import passages.search.Permalinks;

/**
 * {@link ParagraphSource} and the mapping of {@code paragraph-index.json} on a real 3-node cluster:
 * the exact {@code _source} of each paragraph, and each field searched, filtered, sorted and
 * counted the way the Lucene index does.
 */
@Tag("opensearch")
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParagraphSourceTest {
  private static final String ALIAS = "source";
  private static final String CHIPS = "Amazon said on Monday that AWS will ship Trainium3 chips.";
  private static final String CAPTION = "Trainium3 chips on display (AP Photo/John Doe)";
  private static final String OUTLOOK = "Analysts expect the chips in 2026.";
  private static final String PRICES = "Prices rose sharply in November, the report said.";

  private final ObjectMapper json = new ObjectMapper();
  private Cluster cluster;

  @BeforeAll
  void build(ClusterFixture fixture) throws IOException {
    cluster = Cluster.connect(fixture.urls());
    ParagraphWriter writer =
        new ParagraphWriter(cluster, ALIAS, 10, Duration.ofMinutes(2), Clock.systemUTC());
    ParagraphWriter.FullBuild b = writer.fullBuild(3, 1);
    b.add(chips());
    b.add(prices());
    b.commit();
  }

  @AfterAll
  void disconnect() throws IOException {
    cluster.close();
  }

  /** An article with a headline, outlet, url, date, authors, metadata, a caption and a section. */
  private static IndexedArticle chips() {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("topic", "chips");
    meta.put("bias", "left");
    Article a =
        new Article(
            "a1",
            "Amazon ships Trainium3",
            "CIOL",
            "https://example.com/a1",
            "2026-11-30",
            List.of(
                new Paragraph(1, null, CHIPS),
                new Paragraph(2, null, CAPTION, ParagraphKind.CAPTION),
                new Paragraph(3, "Outlook", OUTLOOK)),
            List.of("Jane Roe", "John Doe"),
            meta);
    List<List<Entity>> entities =
        List.of(
            List.of(
                new Entity(EntityType.ORG, "Amazon", "Amazon", 0, 6),
                new Entity(EntityType.ORG, "Amazon Web Services", "AWS", 27, 30),
                new Entity(EntityType.PRODUCT, "Trainium3", "Trainium3", 41, 50),
                new Entity(EntityType.ORG, "Amazon", "Amazon", 0, 6)),
            List.of(new Entity(EntityType.PRODUCT, "Trainium3", "Trainium3", 0, 9)),
            List.of());
    return new IndexedArticle(a, entities, "0123456789abcdef");
  }

  /** An article whose title is the start of its text (no headline), without outlet, url, date. */
  private static IndexedArticle prices() {
    Article a =
        new Article("b2", "Prices rose", null, null, null, List.of(new Paragraph(1, null, PRICES)));
    return new IndexedArticle(a, List.of(List.of()), "fedcba9876543210");
  }

  @Test
  void source_everyFieldOfTheLuceneDocument_exactValues() throws IOException {
    JsonNode hits =
        post("/" + ALIAS + "/_search", "{\"size\": 10, \"sort\": [\"articleId\", \"paragraph\"]}");

    List<String> ids = new ArrayList<>();
    hits.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
    assertEquals(
        List.of(
            "a1.p1.0123456789ab", "a1.p2.0123456789ab", "a1.p3.0123456789ab", "b2.p1.fedcba987654"),
        ids);
    assertEquals(
        json.readTree(
            """
            {"articleId":"a1","paragraph":1,"kind":"body","title":"Amazon ships Trainium3",
             "titleText":"Amazon ships Trainium3","headline":"Amazon ships Trainium3","outlet":"CIOL",
             "url":"https://example.com/a1","date":"2026-11-30","day":20787,"author":["Jane Roe","John Doe"],
             "meta":{"topic":"chips","bias":"left"},"text":"%s","articleHash":"0123456789abcdef",
             "sig":%d,"fingerprint":"%s","org":["Amazon","Amazon Web Services"],"product":["Trainium3"],
             "entities":[{"type":"org","value":"Amazon","start":0,"end":6},
                         {"type":"org","value":"Amazon Web Services","start":27,"end":30},
                         {"type":"product","value":"Trainium3","start":41,"end":50},
                         {"type":"org","value":"Amazon","start":0,"end":6}],
             "features":{"words":10,"prose":1,"quality":2.5714285},"quality":2.5714285,"run":1}
            """
                .formatted(
                    CHIPS, ParagraphDocuments.signature(CHIPS), Permalinks.fingerprint(CHIPS))),
        source(hits, 0));
    assertEquals(
        json.readTree(
            """
            {"articleId":"a1","paragraph":2,"kind":"caption","title":"Amazon ships Trainium3",
             "titleText":"Amazon ships Trainium3","outlet":"CIOL",
             "url":"https://example.com/a1","date":"2026-11-30","day":20787,"author":["Jane Roe","John Doe"],
             "meta":{"topic":"chips","bias":"left"},"text":"%s","articleHash":"0123456789abcdef",
             "sig":%d,"fingerprint":"%s","product":["Trainium3"],
             "entities":[{"type":"product","value":"Trainium3","start":0,"end":9}],
             "features":{"words":8,"quality":0.4848485},"quality":0.4848485,"run":1}
            """
                .formatted(
                    CAPTION,
                    ParagraphDocuments.signature(CAPTION),
                    Permalinks.fingerprint(CAPTION))),
        source(hits, 1));
    assertEquals(
        json.readTree(
            """
            {"articleId":"a1","paragraph":3,"kind":"body","section":"Outlook","title":"Amazon ships Trainium3",
             "titleText":"Amazon ships Trainium3","outlet":"CIOL",
             "url":"https://example.com/a1","date":"2026-11-30","day":20787,"author":["Jane Roe","John Doe"],
             "meta":{"topic":"chips","bias":"left"},"text":"%s","articleHash":"0123456789abcdef",
             "sig":%d,"fingerprint":"%s",
             "features":{"words":6,"quality":0.38709676},"quality":0.38709676,"run":1}
            """
                .formatted(
                    OUTLOOK,
                    ParagraphDocuments.signature(OUTLOOK),
                    Permalinks.fingerprint(OUTLOOK))),
        source(hits, 2));
    assertEquals(
        json.readTree(
            """
            {"articleId":"b2","paragraph":1,"kind":"body","title":"Prices rose",
             "text":"%s","articleHash":"fedcba9876543210","sig":%d,"fingerprint":"%s",
             "features":{"words":8,"prose":1,"quality":2.4848485},"quality":2.4848485,"run":1}
            """
                .formatted(
                    PRICES, ParagraphDocuments.signature(PRICES), Permalinks.fingerprint(PRICES))),
        source(hits, 3));
  }

  @Test
  void searchableText_headlineOnFirstParagraphOnly_titleTextOnEvery_noneWithoutHeadline()
      throws IOException {
    assertEquals(List.of("a1.p1"), idsOf("{\"match\": {\"headline\": \"ships\"}}"));
    assertEquals(
        List.of("a1.p1", "a1.p2", "a1.p3"), idsOf("{\"match\": {\"titleText\": \"ships\"}}"));
    assertEquals(List.of(), idsOf("{\"match\": {\"titleText\": \"prices\"}}"));
    assertEquals(List.of(), idsOf("{\"match\": {\"headline\": \"prices\"}}"));
    assertEquals(List.of("a1.p3"), idsOf("{\"match\": {\"section\": \"outlooks\"}}"));
    assertEquals(List.of("a1.p1", "a1.p2"), idsOf("{\"match\": {\"text\": \"trainium3\"}}"));
  }

  @Test
  void keywordFields_filterExactly() throws IOException {
    assertEquals(List.of("a1.p2"), idsOf("{\"term\": {\"kind\": \"caption\"}}"));
    assertEquals(List.of("a1.p1", "a1.p3", "b2.p1"), idsOf("{\"term\": {\"kind\": \"body\"}}"));
    assertEquals(
        List.of("a1.p1", "a1.p2", "a1.p3"), idsOf("{\"term\": {\"author\": \"John Doe\"}}"));
    assertEquals(
        List.of("a1.p1", "a1.p2", "a1.p3"), idsOf("{\"term\": {\"meta.bias\": \"left\"}}"));
    assertEquals(List.of("a1.p1", "a1.p2", "a1.p3"), idsOf("{\"term\": {\"outlet\": \"CIOL\"}}"));
    assertEquals(List.of("a1.p1"), idsOf("{\"term\": {\"org\": \"Amazon Web Services\"}}"));
    assertEquals(
        List.of("a1.p1", "a1.p2", "a1.p3"),
        idsOf("{\"range\": {\"day\": {\"gte\": 20787, \"lte\": 20787}}}"));
    assertEquals(
        List.of("a1.p1", "a1.p2", "a1.p3"),
        idsOf("{\"range\": {\"date\": {\"gte\": \"2026-11-30\"}}}"));
    assertEquals(
        List.of("b2.p1"),
        idsOf("{\"term\": {\"sig\": " + ParagraphDocuments.signature(PRICES) + "}}"));
    assertEquals(
        List.of("a1.p2"),
        idsOf("{\"term\": {\"fingerprint\": \"" + Permalinks.fingerprint(CAPTION) + "\"}}"));
  }

  @Test
  void facets_termsAndDateHistogram_exactCounts() throws IOException {
    JsonNode r =
        post(
            "/" + ALIAS + "/_search",
            """
            {"size": 0, "aggs": {
              "org": {"terms": {"field": "org"}},
              "product": {"terms": {"field": "product"}},
              "author": {"terms": {"field": "author"}},
              "topic": {"terms": {"field": "meta.topic"}},
              "outlet": {"terms": {"field": "outlet"}},
              "kind": {"terms": {"field": "kind"}},
              "month": {"date_histogram": {"field": "date", "calendar_interval": "month"}}}}
            """);
    JsonNode aggs = r.path("aggregations");

    assertEquals(Map.of("Amazon", 1, "Amazon Web Services", 1), buckets(aggs.path("org")));
    assertEquals(Map.of("Trainium3", 2), buckets(aggs.path("product")));
    assertEquals(Map.of("Jane Roe", 3, "John Doe", 3), buckets(aggs.path("author")));
    assertEquals(Map.of("chips", 3), buckets(aggs.path("topic")));
    assertEquals(Map.of("CIOL", 3), buckets(aggs.path("outlet")));
    assertEquals(Map.of("body", 3, "caption", 1), buckets(aggs.path("kind")));
    assertEquals(Map.of("2026-11-01", 3), buckets(aggs.path("month")));
  }

  @Test
  void quality_rankFeatureAndFloat_orderByThePrior() throws IOException {
    JsonNode byFeature =
        post(
            "/" + ALIAS + "/_search",
            "{\"query\": {\"rank_feature\": {\"field\": \"features.quality\", \"linear\": {}}}}");
    JsonNode bySort =
        post("/" + ALIAS + "/_search", "{\"sort\": [{\"quality\": \"desc\"}], \"_source\": false}");
    JsonNode byWords =
        post(
            "/" + ALIAS + "/_search",
            "{\"query\": {\"rank_feature\": {\"field\": \"features.words\", \"saturation\": {\"pivot\": 25}}}}");

    assertEquals(List.of("a1.p1", "b2.p1", "a1.p2", "a1.p3"), paragraphIds(byFeature));
    assertEquals(List.of("a1.p1", "b2.p1", "a1.p2", "a1.p3"), paragraphIds(bySort));
    List<Float> sorted = new ArrayList<>();
    bySort
        .path("hits")
        .path("hits")
        .forEach(h -> sorted.add((float) h.path("sort").get(0).asDouble()));
    // the floats ParagraphDocuments.quality gives Lucene's doc values
    assertEquals(List.of(2.5714285f, 2.4848485f, 0.4848485f, 0.38709676f), sorted);
    // words: 10, then 8 and 8 (a tie, in either order), then 6
    List<String> words = paragraphIds(byWords);
    assertEquals(List.of("a1.p1", "a1.p3"), List.of(words.get(0), words.get(3)));
    assertEquals(Set.of("a1.p2", "b2.p1"), Set.copyOf(words.subList(1, 3)));
  }

  @Test
  void strictMapping_refusesAnUnknownField() throws IOException {
    String index = indexOfAlias();
    try (Response r =
        cluster
            .client()
            .generic()
            .execute(
                Requests.builder()
                    .method("PUT")
                    .endpoint("/" + index + "/_doc/x")
                    .json("{\"articleId\": \"x\", \"colour\": \"red\"}")
                    .build())) {
      assertEquals(400, r.getStatus());
      assertEquals(
          "strict_dynamic_mapping_exception",
          json.readTree(r.getBody().map(Body::bodyAsString).orElse("{}"))
              .path("error")
              .path("type")
              .asText());
    }
  }

  private String indexOfAlias() throws IOException {
    JsonNode r = get("/_alias/" + ALIAS);
    return r.fieldNames().next();
  }

  private JsonNode source(JsonNode hits, int i) {
    return hits.path("hits").path("hits").get(i).path("_source");
  }

  /** The paragraph ids (document id without the version) a query finds, in id order. */
  private List<String> idsOf(String query) throws IOException {
    JsonNode r =
        post(
            "/" + ALIAS + "/_search",
            "{\"size\": 100, \"sort\": [\"articleId\", \"paragraph\"], \"_source\": false, \"query\": "
                + query
                + "}");
    return paragraphIds(r);
  }

  private static List<String> paragraphIds(JsonNode r) {
    assertEquals(0, r.path("_shards").path("failed").asInt());
    List<String> out = new ArrayList<>();
    r.path("hits")
        .path("hits")
        .forEach(h -> out.add(h.path("_id").asText().replaceAll("\\.[^.]+$", "")));
    assertEquals(r.path("hits").path("total").path("value").asInt(), out.size());
    return out;
  }

  private static Map<String, Integer> buckets(JsonNode agg) {
    assertEquals(0, agg.path("doc_count_error_upper_bound").asInt());
    Map<String, Integer> out = new LinkedHashMap<>();
    agg.path("buckets")
        .forEach(
            b ->
                out.put(
                    b.has("key_as_string")
                        ? b.path("key_as_string").asText()
                        : b.path("key").asText(),
                    b.path("doc_count").asInt()));
    return out;
  }

  private JsonNode get(String endpoint) throws IOException {
    return request("GET", endpoint, null);
  }

  private JsonNode post(String endpoint, String body) throws IOException {
    return request("POST", endpoint, body);
  }

  private JsonNode request(String method, String endpoint, String body) throws IOException {
    var b = Requests.builder().method(method).endpoint(endpoint);
    if (body != null) b.json(body);
    try (Response r = cluster.client().generic().execute(b.build())) {
      String answer = r.getBody().map(Body::bodyAsString).orElse("");
      assertEquals(200, r.getStatus(), answer);
      return json.readTree(answer);
    }
  }
}
