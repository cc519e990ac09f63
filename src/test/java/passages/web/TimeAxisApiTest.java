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

/**
 * from/to, sort, timeline, meta/author filters and /api/timeline on the real server over the dated
 * test corpus.
 */
class TimeAxisApiTest {
  @TempDir static Path indexDir;
  static MiniServer server;

  @BeforeAll
  static void start() throws IOException {
    server = MiniServer.start(Path.of("src/test/resources/dated"), indexDir);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return server.get(pathAndQuery);
  }

  @Test
  void search_withRangeAndMonthlyTimeline() throws Exception {
    var r =
        get(
            "/api/search?q=wall&from=2016-01-20&to=2016-03&timeline=month&facets=false&limit=1&sort=oldest");

    assertEquals(200, r.statusCode(), r.body());
    assertTrue(
        r.body()
            .startsWith("{\"query\":\"wall\",\"total\":4,\"groups\":4,\"hits\":[{\"id\":\"d2.p"),
        r.body());
    assertTrue(r.body().contains("\"date\":\"2016-01-31\""), r.body());
    assertTrue(
        r.body()
            .endsWith(
                ",\"timeline\":{\"interval\":\"month\",\"buckets\":[{\"start\":\"2016-01-01\",\"count\":2,\"all\":2},"
                    + "{\"start\":\"2016-02-01\",\"count\":0,\"all\":0},{\"start\":\"2016-03-01\",\"count\":2,\"all\":3}],\"undated\":0}}"),
        r.body());
  }

  @Test
  void search_metaAndAuthorFilters() throws Exception {
    assertTrue(
        get("/api/search?q=wall&meta=bias:left&meta=bias:right&limit=1")
            .body()
            .contains("\"total\":5,"));
    assertTrue(
        get("/api/search?q=wall&meta=bias:right&meta=topic:immigration&limit=1")
            .body()
            .contains("\"total\":3,"));
    assertTrue(get("/api/search?q=wall&author=Bo%20Kim&limit=1").body().contains("\"total\":2,"));
    String facets = get("/api/search?q=wall&limit=1").body();
    assertTrue(
        facets.contains(
            "\"bias\":[{\"value\":\"right\",\"count\":3},{\"value\":\"left\",\"count\":2},{\"value\":\"center\",\"count\":1}],"
                + "\"topic\":[{\"value\":\"immigration\",\"count\":5},{\"value\":\"economy\",\"count\":1}]"),
        facets);
    assertTrue(!facets.contains("\"timeline\""), facets);
  }

  @Test
  void timeline_comparesQueriesWithTheSameAll() throws Exception {
    var r =
        get("/api/timeline?q=wall&q=taxes&interval=month&from=2016-01&to=2016-03&meta=bias:left");

    assertEquals(200, r.statusCode(), r.body());
    assertEquals(
        "{\"interval\":\"month\",\"series\":["
            + "{\"q\":\"wall\",\"total\":2,\"buckets\":[{\"start\":\"2016-01-01\",\"count\":1,\"all\":4},{\"start\":\"2016-02-01\",\"count\":0,\"all\":0},"
            + "{\"start\":\"2016-03-01\",\"count\":1,\"all\":3}],\"undated\":0},"
            + "{\"q\":\"taxes\",\"total\":2,\"buckets\":[{\"start\":\"2016-01-01\",\"count\":1,\"all\":4},{\"start\":\"2016-02-01\",\"count\":0,\"all\":0},"
            + "{\"start\":\"2016-03-01\",\"count\":1,\"all\":3}],\"undated\":0}]}",
        r.body());
  }

  @Test
  void timeline_splitByAMetadataKey_oneSeriesPerValue() throws Exception {
    var r = get("/api/timeline?q=wall&split=bias&interval=month&from=2016-01&to=2016-03");

    assertEquals(200, r.statusCode(), r.body());
    String all =
        "\"all\":4},{\"start\":\"2016-02-01\",\"count\":0,\"all\":0},{\"start\":\"2016-03-01\",";
    assertEquals(
        "{\"interval\":\"month\",\"series\":["
            + "{\"q\":\"wall\",\"split\":\"bias:left\",\"total\":2,\"buckets\":[{\"start\":\"2016-01-01\",\"count\":1,"
            + all
            + "\"count\":1,\"all\":3}],\"undated\":0},"
            + "{\"q\":\"wall\",\"split\":\"bias:right\",\"total\":2,\"buckets\":[{\"start\":\"2016-01-01\",\"count\":2,"
            + all
            + "\"count\":0,\"all\":3}],\"undated\":0},"
            + "{\"q\":\"wall\",\"split\":\"bias:center\",\"total\":1,\"buckets\":[{\"start\":\"2016-01-01\",\"count\":0,"
            + all
            + "\"count\":1,\"all\":3}],\"undated\":0}]}",
        r.body());
    // a value filtered on is the one series
    assertTrue(
        get("/api/timeline?q=wall&split=bias&meta=bias:right&interval=year")
            .body()
            .startsWith(
                "{\"interval\":\"year\",\"series\":[{\"q\":\"wall\",\"split\":\"bias:right\",\"total\":3,"));
  }

  @Test
  void articlePage_showsTheDateAndAuthors() throws Exception {
    String page = get("/articles/d2").body();
    assertTrue(
        page.contains(
            "<span class=\"outlet\">Right Times</span> · <time datetime=\"2016-01-31\">2016-01-31</time> · "
                + "<span class=\"authors\">by Bo Kim, Ann Lee</span>"),
        page);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/search?q=wall&from=2016-13|from must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '2016-13': months are 01 to 12",
        "/api/search?q=wall&from=2016-02-30|from must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '2016-02-30': 2016-02 has 29 days",
        "/api/search?q=wall&to=2015-02-29|to must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '2015-02-29': 2015-02 has 28 days",
        "/api/search?q=wall&to=soon|to must be a date YYYY, YYYY-MM or YYYY-MM-DD, got 'soon'",
        "/api/search?q=wall&from=2017&to=2016|from (2017-01-01) is after to (2016-12-31)",
        "/api/search?q=wall&sort=date|sort must be relevance, newest or oldest, got 'date'",
        "/api/search?q=wall&timeline=hour|timeline must be day, week, month, year or auto, got 'hour'",
        "/api/search?q=wall&meta=bias|meta must be key:value, e.g. meta=bias:left, got 'bias'",
        "/api/search?q=wall&meta=color:red|meta: unknown metadata key 'color' (keys: author, bias, note, topic)",
        "/api/search?q=wall&meta=bias:lefty|meta: no article has bias 'lefty' (values: 'center', 'left', 'right')",
        "/api/search?q=wall&author=Kim|author: no article is by 'Kim' (did you mean 'Bo Kim'?)",
        "/api/search?q=wall&outlet=Daily|unknown outlet 'Daily' (did you mean 'Left Daily'?)",
        "/api/timeline?q=a&q=b&q=c&q=d|q: at most 3 queries are compared, got 4",
        "/api/timeline?q=wall&interval=hour|interval must be day, week, month, year or auto, got 'hour'",
        "/api/timeline?q=wall&limit=3|unknown parameter 'limit' (allowed: author, entity, from, interval, kind, meta, outlet, q, split, to)",
        "/api/timeline?q=wall&split=color|split: unknown key 'color' (keys: outlet, author, bias, topic, org, person, product, place, money)",
        "/api/timeline?q=wall&q=tax&split=bias|split: give one q to split, got 2",
      })
  void badParameters_are400NamingThem(String url, String message) throws Exception {
    var r = get(url);

    assertEquals(400, r.statusCode());
    assertEquals("{\"status\":400,\"error\":\"" + message + "\"}", r.body());
  }
}
