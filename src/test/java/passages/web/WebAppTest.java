package passages.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real server on a free port over the tiny test corpus; exact statuses and bodies. */
class WebAppTest {
  @TempDir static Path indexDir;
  static MiniServer server;

  @BeforeAll
  static void start() throws IOException {
    server = MiniServer.start(indexDir);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return server.get(pathAndQuery);
  }

  @Test
  void GET_search_returnsHitsFacetsAndLinks() throws Exception {
    var r = get("/api/search?q=shares");

    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        "{\"query\":\"shares\",\"total\":1,\"groups\":1,\"hits\":[{\"id\":\"beta.p2\",\"articleId\":\"beta\","
            + "\"title\":\"OpenAI signed a $38 billion deal with AWS, the Amazon-OpenAI partnership said.\","
            + "\"outlet\":\"Cloud Daily\",\"url\":null,\"date\":null,\"paragraph\":2,\"section\":null,"
            + "\"passage\":\"Nvidia <mark>shares</mark> rose after the announcement.\",\"link\":\"/articles/beta#p-2\","
            + "\"sourceLink\":null,\"score\":"
            + scoreOf(r.body())
            + ",\"entities\":[],\"alsoIn\":[],\"alsoInOutlets\":0,\"permalink\":\""
            + SHARES_PERMALINK
            + "\",\"authors\":[],\"meta\":{},\"kind\":\"body\"}],"
            + "\"facets\":{\"outlet\":[{\"value\":\"Cloud Daily\",\"count\":1}],\"author\":[],\"org\":[],\"person\":[],\"product\":[],"
            + "\"place\":[],\"money\":[]}}",
        r.body());
  }

  /** The permalink of beta.p2, "Nvidia shares rose after the announcement." */
  static final String SHARES_PERMALINK =
      "/p/beta/"
          + passages.search.Permalinks.of("beta", "Nvidia shares rose after the announcement.")
              .substring("/p/beta/".length());

  @Test
  void GET_permalink_redirectsToTheParagraphsAnchor_orAnswersItsJson() throws Exception {
    var redirect = get(SHARES_PERMALINK);
    assertEquals(302, redirect.statusCode());
    assertEquals("/articles/beta#p-2", redirect.headers().firstValue("Location").orElse(""));

    var json = get(SHARES_PERMALINK + "?format=json");
    assertEquals(200, json.statusCode());
    assertTrue(
        json.body().startsWith("{\"id\":\"beta.p2\",\"articleId\":\"beta\",\"paragraph\":2,"),
        json.body());
    assertTrue(
        json.body()
            .endsWith(
                ",\"permalink\":\""
                    + SHARES_PERMALINK
                    + "\",\"authors\":[],\"meta\":{},\"kind\":\"body\",\"exact\":true}"),
        json.body());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/p/beta/000000000000000000000000?format=json | 404 | {\"status\":404,\"error\":\"no paragraph left for this permalink\"}",
        "/p/beta/xyz?format=json                      | 404 | {\"status\":404,\"error\":\"no paragraph left for this permalink\"}",
        "/p/nosuch/000000000000000000000000?format=json | 404 | {\"status\":404,\"error\":\"no paragraph left for this permalink\"}",
        "/p/beta/000000000000000000000000?format=xml  | 400 | {\"status\":400,\"error\":\"format must be html or json, got 'xml'\"}",
        "/p/beta/000000000000000000000000?format=json&q=x | 400 | {\"status\":400,\"error\":\"unknown parameter 'q' (allowed: format)\"}"
      })
  void GET_permalink_badOrGone_isAClear4xx(String path, int status, String body) throws Exception {
    var r = get(path);
    assertEquals(status, r.statusCode());
    assertEquals(body, r.body());
  }

  @Test
  void GET_permalink_gone_isAnHtmlPageWithoutFormat() throws Exception {
    var r = get("/p/beta/000000000000000000000000");
    assertEquals(404, r.statusCode());
    assertTrue(
        r.body().contains("This link&#39;s paragraph is no longer in the index.")
            || r.body().contains("This link's paragraph is no longer in the index."),
        r.body());
  }

  @Test
  void GET_search_outletRepeated_isOr() throws Exception {
    var r = get("/api/search?outlet=Chip%20Weekly&outlet=Cloud%20Daily&limit=1");

    assertEquals(200, r.statusCode());
    assertTrue(r.body().startsWith("{\"query\":\"\",\"total\":5,\"groups\":5,"), r.body());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/search?q=foo%20AND|400|invalid query: Cannot parse 'foo AND': Encountered \\\"<EOF>\\\" at line 1, column 7.",
        "/api/search?limit=abc|400|parameter 'limit' must be an integer 1..100, got 'abc'",
        "/api/search?limit=0|400|parameter 'limit' must be 1..100, got 0",
        "/api/search?limit=-5|400|parameter 'limit' must be 1..100, got -5",
        "/api/search?offset=1000000000|400|parameter 'offset' must be 0..10000, got 1000000000",
        "/api/search?q=a&q=b|400|parameter 'q' must be given once, got 2",
        "/api/search?bogus=1|400|unknown parameter 'bogus' (allowed: author, collapse, entity, facetLimit, facets, from, highlight, kind, limit, meta, offset, outlet, q, sort, timeline, to)",
        "/api/search?outlet=Nope|400|unknown outlet 'Nope' (values: 'Chip Weekly', 'Cloud Daily')",
        "/api/search?outlet=cloud|400|unknown outlet 'cloud' (did you mean 'Cloud Daily'?)",
        "/api/search?entity=org|400|entity must be type:value (e.g. org:Amazon), got 'org'",
        "/api/search?entity=planet:Mars|400|unknown entity type 'planet' in 'planet:Mars' (types: org, person, product, place, money)",
        "/api/search?collapse=maybe|400|parameter 'collapse' must be true or false, got 'maybe'",
        "/api/search?kind=bogus|400|parameter 'kind' must be body, caption or all, got 'bogus'",
        "/api/search?q=*ai|400|invalid query: Cannot parse '*ai': '*ai': a wildcard needs at least 2 letters before it",
        "/api/paragraphs/beta.p9|404|no paragraph with id 'beta.p9'",
        "/api/paragraphs/..%2f..%2fetc%2fpasswd|404|no paragraph with id '../../etc/passwd'",
        "/api/articles/nope|404|no article with id 'nope'",
        "/api/nothing|404|not found: /api/nothing",
      })
  void GET_userMistakes_answerOneJsonErrorShape(String path, int status, String message)
      throws Exception {
    var r = get(path);

    assertEquals(status, r.statusCode());
    assertEquals("{\"status\":" + status + ",\"error\":\"" + message + "\"}", r.body());
  }

  @Test
  void GET_paragraph_returnsItsFields() throws Exception {
    var r = get("/api/paragraphs/alpha.p3");

    assertEquals(200, r.statusCode());
    assertEquals(
        "{\"id\":\"alpha.p3\",\"articleId\":\"alpha\",\"paragraph\":3,\"section\":null,"
            + "\"text\":\"A paragraph with <img src=x onerror=alert(1)> in it must stay text.\",\"title\":\"Chip Deals Heat Up\","
            + "\"outlet\":\"Chip Weekly\",\"url\":\"https://example.com/chips/deals?id=7\",\"date\":\"2025-12-16\","
            + "\"entities\":[],\"permalink\":\"/p/alpha/d848010a66968de8cabd15c7\",\"authors\":[],\"meta\":{},\"kind\":\"body\"}",
        r.body());
  }

  @Test
  void GET_article_paragraphsInOrder() throws Exception {
    var r = get("/api/articles/beta");

    assertEquals(200, r.statusCode());
    assertTrue(
        r.body()
            .startsWith(
                "{\"id\":\"beta\",\"title\":\"OpenAI signed a $38 billion deal with AWS, the Amazon-OpenAI "
                    + "partnership said.\",\"outlet\":\"Cloud Daily\",\"url\":null,\"date\":null,\"paragraphs\":[{\"id\":\"beta.p1\","),
        r.body());
    assertTrue(r.body().contains("},{\"id\":\"beta.p2\","), r.body());
  }

  @Test
  void GET_articlePage_marksEveryParagraphAndEscapesText() throws Exception {
    var r = get("/articles/alpha");

    assertEquals(200, r.statusCode());
    assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals(WebApp.CSP, r.headers().firstValue("Content-Security-Policy").orElse(""));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    String html = r.body();
    assertTrue(html.startsWith("<!doctype html>"), html);
    assertTrue(
        html.contains(
            "<p id=\"p-3\" class=\"para\" data-permalink=\"/p/alpha/d848010a66968de8cabd15c7\"><a class=\"anchor\" href=\"#p-3\" title=\"Link to paragraph 3\">¶3</a>"
                + "<span class=\"text\">A paragraph with &lt;img src=x onerror=alert(1)&gt; in it must stay text.</span></p>"),
        html);
    assertTrue(html.contains("<p id=\"p-1\" class=\"para\" data-permalink=\"/p/alpha/"), html);
    assertTrue(!html.contains("<img"), html);
  }

  @Test
  void GET_articlePage_unknownId_is404Page() throws Exception {
    var r = get("/articles/..%2f..%2fetc");

    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("No article with id '../../etc'."), r.body());
  }

  @Test
  void GET_root_servesTheSearchPage() throws Exception {
    var r = get("/");

    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(r.body().contains("<script type=\"module\" src=\"/app.js\"></script>"), r.body());
  }

  private static String scoreOf(String body) {
    int i = body.indexOf("\"score\":") + 8;
    return body.substring(i, body.indexOf(',', i));
  }
}
