package passages.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.search.ParagraphSearcher;
import passages.search.SearchOptions;

/**
 * Issue 8: queries can't hurt the server. The real server on a free port over the tiny test corpus
 * gets hostile requests over a raw socket (so paths reach it byte for byte, unnormalised). Every
 * answer must be a 4xx JSON error or a harmless 200, never a 500, never a stack trace or a file
 * path in the body. That an expensive search is stopped by the time budget is shown without a
 * clock: a server whose budget is already spent refuses every query that reads the index (issue 13;
 * timings belong in the benchmark).
 */
class QueryAbuseTest {
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

  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }
  }

  /**
   * Sends {@code GET target} exactly as given (no client-side normalisation or encoding) and reads
   * the answer.
   */
  static Response get(String target) throws IOException {
    return send("GET", target);
  }

  static Response send(String method, String target) throws IOException {
    return send(server.port(), method, target);
  }

  /** Sends {@code method target} to the server on {@code port} and reads the answer. */
  static Response send(int port, String method, String target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Response parse(byte[] raw) throws IOException {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    int end = all.indexOf("\r\n\r\n");
    if (end < 0) throw new IOException("no complete answer: " + all);
    String[] head = all.substring(0, end).split("\r\n");
    int status = Integer.parseInt(head[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      headers.merge(
          head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          head[i].substring(colon + 1).strip(),
          (a, b) -> a + ", " + b);
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked"))
      body = dechunk(body);
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int lineEnd = i;
      while (chunked[lineEnd] != '\r') lineEnd++;
      int size =
          Integer.parseInt(
              new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1)
                  .split(";")[0].strip(),
              16);
      if (size == 0) break;
      out.write(chunked, lineEnd + 2, size);
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** What no answer may contain: stack traces, exception names, file paths of this machine. */
  static void assertNothingLeaks(String target, Response r) {
    assertTrue(r.status() != 500 && r.status() < 500, target + " → " + r.status() + " " + r.body());
    for (String leak :
        List.of(
            "Exception",
            "\tat ",
            "at passages.",
            "at org.",
            "/tmp/",
            "/work/",
            "/home/",
            "/root/",
            indexDir.toString(),
            ".java:",
            "Jetty",
            "jetty")) {
      assertFalse(r.body().contains(leak), target + " → body contains '" + leak + "': " + r.body());
    }
  }

  static String err(int status, String message) {
    return "{\"status\":"
        + status
        + ",\"error\":\""
        + message.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}";
  }

  /**
   * A hostile request, its status, and its exact body (errors) or the start of it (harmless 200s).
   */
  static Arguments probe(String target, int status, String body) {
    return Arguments.of(target, status, body);
  }

  static final String OK = "{\"query\":";

  static Stream<Arguments> probes() {
    String orClauses =
        IntStream.range(0, 10_000).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR "));
    String shortOr =
        IntStream.range(0, 125).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR "));
    String fuzzy =
        IntStream.range(0, 190)
            .mapToObj(i -> "f" + (char) ('a' + i % 26) + "~2")
            .collect(Collectors.joining(" "));
    return Stream.of(
        // syntax errors and refused constructs
        probe(
            "/api/search?q=" + enc("foo AND"),
            400,
            err(
                400,
                "invalid query: Cannot parse 'foo AND': Encountered \"<EOF>\" at line 1, column 7.")),
        probe(
            "/api/search?q=" + enc("((((((((((a"),
            400,
            err(
                400,
                "invalid query: Cannot parse '((((((((((a': Encountered \"<EOF>\" at line 1, column 11.")),
        probe(
            "/api/search?q=" + enc("\\"),
            400,
            err(
                400,
                "invalid query: Cannot parse '\\': Lexical error at line 1, column 2.  Encountered: <EOF> (in lexical state 2)")),
        probe(
            "/api/search?q=" + enc("*ai"),
            400,
            err(
                400,
                "invalid query: Cannot parse '*ai': '*ai': a wildcard needs at least 2 letters before it")),
        probe("/api/search?q=" + enc("*:*"), 200, OK + "\"*:*\",\"total\":5,"),
        probe("/api/search?q=" + enc("{* TO *}"), 200, OK + "\"{* TO *}\",\"total\":5,"),
        probe(
            "/api/search?q=" + enc("id:alpha.p1"),
            400,
            err(
                400,
                "invalid query: Cannot parse 'id:alpha.p1': unknown field 'id:' (only the paragraph text is searched; filter outlets with outlet=)")),
        probe("/api/search?q=" + enc("text:amazon"), 200, OK + "\"text:amazon\",\"total\":2,"),
        probe(
            "/api/search?q=" + enc("a^99999999999999999999999999999999999999999999"),
            400,
            err(400, "invalid query: boost must be a positive float, got Infinity")),
        probe(
            "/api/search?q=" + enc("foo~3 bar~99999999999999999999999999999999999999999999"),
            400,
            err(
                400,
                "invalid query: Cannot parse 'foo~3 bar~99999999999999999999999999999999999999999999': Fractional edit distances are not allowed!")),
        probe("/api/search?q=" + enc("\"a b\"~99999999999999999999999"), 200, OK),
        // size: 10,000 OR clauses and 100 KB never reach the parser (Jetty's 8 KB request line),
        // 1000 chars is the cap
        probe("/api/search?q=" + enc(orClauses), 414, err(414, "uri too long")),
        probe("/api/search?q=" + "a".repeat(100 * 1024), 414, err(414, "uri too long")),
        probe(
            "/api/search?q=" + "a".repeat(1001),
            400,
            err(400, "q is too long: 1001 characters (at most 1000)")),
        probe("/api/search?q=" + enc(shortOr), 200, OK),
        probe(
            "/api/search?"
                + IntStream.range(0, 2000)
                    .mapToObj(i -> "outlet=o" + i)
                    .collect(Collectors.joining("&")),
            414,
            err(414, "uri too long")),
        // regular expressions and fuzzy terms: expensive ones are refused before Lucene builds them
        probe(
            "/api/search?q=" + enc("/.*a.*b.*c.*/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/.*a.*b.*c.*/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/[ac]*a[ac]{50,200}/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/[ac]*a[ac]{50,200}/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/(a|aa)*(b|bb){1000}/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/(a|aa)*(b|bb){1000}/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/.{0,1000}a.{0,1000}/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/.{0,1000}a.{0,1000}/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/a{99999}/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/a{99999}/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/(a{1000}){1000}/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/(a{1000}){1000}/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/((a{1000}){1000}){1000}/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/((a{1000}){1000}){1000}/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/@++++++++++++/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/@++++++++++++/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/+++++++%@++++++++++++\u00c9/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/+++++++%@++++++++++++É/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/(ab+)*c?/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/(ab+)*c?/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/[z-a]/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/[z-a]/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc("/(/"),
            400,
            err(
                400,
                "invalid query: Cannot parse '/(/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*")),
        probe(
            "/api/search?q=" + enc(fuzzy),
            400,
            err(
                400,
                "invalid query: Cannot parse '"
                    + fuzzy
                    + "': too many wildcard, prefix or fuzzy terms (at most 8)")),
        probe(
            "/api/search?q=" + enc("a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*"),
            400,
            err(
                400,
                "invalid query: Cannot parse 'a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*': 'a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*': a wildcard needs at least 2 letters before it")),
        probe("/api/search?q=" + enc("[a TO z]"), 200, OK),
        // odd bytes in q
        probe("/api/search?q=%00", 200, OK + "\"\\u0000\",\"total\":0,"),
        probe("/api/search?q=%ff%fe", 200, OK),
        probe(
            "/api/search?q=%zz",
            400,
            err(
                400,
                "malformed percent-encoding in the query string (a % must be followed by two hex digits)")),
        probe(
            "/api/search?q=50%",
            400,
            err(
                400,
                "malformed percent-encoding in the query string (a % must be followed by two hex digits)")),
        // paging and parameters
        probe(
            "/api/search?offset=1000000000",
            400,
            err(400, "parameter 'offset' must be 0..10000, got 1000000000")),
        probe(
            "/api/search?offset=10000&limit=100",
            200,
            OK + "\"\",\"total\":5,\"groups\":5,\"hits\":[],"),
        probe("/api/search?limit=-1", 400, err(400, "parameter 'limit' must be 1..100, got -1")),
        probe(
            "/api/search?limit=99999999999999999999",
            400,
            err(400, "parameter 'limit' must be an integer 1..100, got '99999999999999999999'")),
        probe(
            "/api/search?limit=",
            400,
            err(400, "parameter 'limit' must be an integer 1..100, got ''")),
        probe(
            "/api/search?facetLimit=1000000",
            400,
            err(400, "parameter 'facetLimit' must be 1..1000, got 1000000")),
        probe(
            "/api/search?bogus=1&q=a",
            400,
            err(
                400,
                "unknown parameter 'bogus' (allowed: author, collapse, entity, facetLimit, facets, from, highlight, kind, limit, meta, offset, outlet, q, sort, timeline, to)")),
        probe("/api/search?q=a&q=b", 400, err(400, "parameter 'q' must be given once, got 2")),
        probe(
            "/api/search?entity=org:" + "x".repeat(2000),
            400,
            err(400, "entity: no paragraph has org '" + "x".repeat(60) + "…'")),
        // ids and paths: traversal, encoded traversal, absolute paths, NUL bytes
        probe(
            "/api/paragraphs/..%2f..%2fetc%2fpasswd",
            404, err(404, "no paragraph with id '../../etc/passwd'")),
        probe(
            "/api/paragraphs/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            404, err(404, "no paragraph with id '../../etc/passwd'")),
        probe("/api/articles/%2fetc%2fpasswd", 404, err(404, "no article with id '/etc/passwd'")),
        probe(
            "/api/articles/" + "a".repeat(5000),
            404,
            err(404, "no article with id '" + "a".repeat(60) + "…'")),
        probe(
            "/api/paragraphs/alpha.p99999999999",
            404,
            err(404, "no paragraph with id 'alpha.p99999999999'")),
        probe("/api/paragraphs/alpha.p1%00", 400, err(400, "bad request")),
        probe("/api/paragraphs/%00", 400, err(400, "bad request")),
        probe("/api/articles/alpha%00", 400, err(400, "bad request")),
        probe("/articles/alpha%00", 400, err(400, "bad request")),
        probe("/app.js%00.html", 400, err(400, "bad request")),
        probe("/api/../../etc/passwd", 400, err(400, "bad request")),
        probe("/../../etc/passwd", 400, err(400, "bad request")),
        probe("/%2e%2e/%2e%2e/etc/passwd", 400, err(400, "bad request")),
        probe("/articles/../../../etc/passwd", 400, err(400, "bad request")),
        probe("/index.html/..;/..;/pom.xml", 400, err(400, "bad request")),
        probe(
            "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            404, err(404, "not found: /%2e%2e%2f%2e%2e%2fetc%2fpasswd")),
        probe("/..%2fpom.xml", 404, err(404, "not found: /..%2fpom.xml")),
        probe("/web/../pom.xml", 404, err(404, "not found: /web/../pom.xml")),
        probe("/%5c..%5c..%5cetc%5cpasswd", 404, err(404, "not found: /%5c..%5c..%5cetc%5cpasswd")),
        probe("//etc/passwd", 404, err(404, "not found: //etc/passwd")),
        probe("/etc/passwd", 404, err(404, "not found: /etc/passwd")),
        probe("http://127.0.0.1/etc/passwd", 404, err(404, "not found: /etc/passwd")));
  }

  @ParameterizedTest
  @MethodSource("probes")
  void hostileRequest_isAClientErrorOrHarmless_neverLeaks(String target, int status, String body)
      throws Exception {
    Response r = get(target);

    assertNothingLeaks(target, r);
    assertEquals(status, r.status(), r.body());
    assertEquals("application/json", r.header("Content-Type"));
    assertEquals("nosniff", r.header("X-Content-Type-Options"));
    if (status == 200) {
      assertTrue(r.body().startsWith(body), r.body());
    } else {
      assertEquals(body, r.body());
    }
  }

  @Test
  void articlePage_withTraversalInTheId_is404PageNotAFile() throws Exception {
    Response r = get("/articles/%2e%2e%2f%2e%2e%2fpom.xml");

    assertNothingLeaks("/articles/%2e%2e%2f%2e%2e%2fpom.xml", r);
    assertEquals(404, r.status());
    assertEquals("text/html;charset=utf-8", r.header("Content-Type"));
    assertTrue(
        r.body().contains("No article with id &#39;../../pom.xml&#39;.")
            || r.body().contains("No article with id '../../pom.xml'."),
        r.body());
    assertFalse(r.body().contains("<project"), r.body());
  }

  @ParameterizedTest
  @CsvSource({
    "/, 200",
    "/articles/alpha, 200",
    "/articles/x, 404",
    "/api/search?q=a, 200",
    "/api/nothing, 404",
    "/api/articles/alpha%00, 400"
  })
  void securityHeaders_onPagesApiAndErrors(String target, int status) throws Exception {
    Response r = get(target);

    assertEquals(status, r.status());
    assertEquals(WebApp.CSP, r.header("Content-Security-Policy"));
    assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals("nosniff", r.header("X-Content-Type-Options"));
  }

  @Test
  void methodsOtherThanGet_areJsonErrors() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "TRACE", "OPTIONS")) {
      Response r = send(method, "/api/search?q=a");
      assertNothingLeaks(method, r);
      assertTrue(r.status() >= 400, method + " → " + r.status());
      assertEquals("application/json", r.header("Content-Type"), method);
    }
  }

  /**
   * On the seed corpus's real vocabulary, so many fuzzy terms would expand past Lucene's clause
   * limit when the query is rewritten: they are refused when parsed (at most 8 expanding terms per
   * query).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fa~2 fb~2 fc~2 fd~2 fe~2 ff~2 fg~2 fh~2 fi~2 fj~2 fk~2 fl~2 fm~2 fn~2 fo~2 fp~2 fq~2 fr~2 fs~2 ft~2 fu~2 fv~2 fw~2 fx~2 fy~2 fz~2 ga~2 gb~2 gc~2 gd~2 ge~2 gf~2 gg~2 gh~2 gi~2 gj~2 gk~2 gl~2 gm~2 gn~2",
        "aa~2 OR ba~2 OR ca~2 OR da~2 OR ea~2 OR fa~2 OR ga~2 OR ha~2 OR ia~2 OR ja~2 OR ka~2 OR la~2 OR ma~2 OR na~2 OR oa~2 OR pa~2 OR qa~2 OR ra~2 OR sa~2 OR ta~2 OR ua~2 OR va~2 OR wa~2 OR xa~2 OR ya~2 OR za~2 OR ab~2 OR bb~2 OR cb~2 OR db~2 OR eb~2 OR fb~2 OR gb~2 OR hb~2 OR ib~2 OR jb~2 OR kb~2 OR lb~2 OR mb~2 OR nb~2"
      })
  void manyFuzzyTerms_are400BeforeTheyExpand(String q) throws Exception {
    Path seedsIndex = indexDir.resolveSibling(indexDir.getFileName() + "-seeds");
    new Indexer(text -> List.of()).rebuild(new CorpusReader(Path.of("corpus")), seedsIndex);
    try (ParagraphSearcher seeds = new ParagraphSearcher(seedsIndex)) {
      Javalin seedsApp = new WebApp(seeds).create().start("127.0.0.1", 0);
      try (Socket socket = new Socket("127.0.0.1", seedsApp.port())) {
        socket
            .getOutputStream()
            .write(
                ("GET /api/search?q="
                        + enc(q)
                        + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        Response r = parse(socket.getInputStream().readAllBytes());
        assertEquals(400, r.status(), r.body());
        assertEquals(
            err(
                400,
                "invalid query: Cannot parse '"
                    + q
                    + "': too many wildcard, prefix or fuzzy terms (at most 8)"),
            r.body());
      } finally {
        seedsApp.stop();
      }
    }
  }

  @Test
  void expensiveQueriesInParallel_serverStillAnswers() throws Exception {
    List<String> heavy =
        List.of(
            "/api/search?q="
                + enc(
                    IntStream.range(0, 190)
                        .mapToObj(i -> "f" + (char) ('a' + i % 26) + "~2")
                        .collect(Collectors.joining(" "))),
            "/api/search?q=" + enc("/.*a.*b.*c.*/"),
            "/api/search?q=" + enc("/((a{1000}){1000}){1000}/"),
            "/api/search?q=" + enc("[a TO z]"));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Response>> all = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String t = heavy.get(i % heavy.size());
        all.add(pool.submit(() -> get(t)));
      }
      for (var f : all) assertTrue(f.get().status() < 500);
    } finally {
      pool.shutdown();
    }
    Response r = get("/api/search?q=shares");
    assertEquals(200, r.status());
  }

  /**
   * The time budget stops a search, on whichever thread it reads the index (one slice, or split
   * across the cores from 0 paragraphs): on a server whose budget is zero, every query that reads
   * the index's terms is the 400 that names the budget, while the same queries on the ordinary
   * server are answered.
   */
  @ParameterizedTest
  @ValueSource(ints = {100_000, 0})
  void searchOverTheBudget_is400NamingIt(int partitionFrom, @TempDir Path spentIndex)
      throws Exception {
    List<String> queries =
        List.of("shares", "\"the announcement\"", "sh*", "fa~2 fb~2", "[a TO z]");
    var spent = SearchOptions.DEFAULTS.withBudget(Duration.ZERO).withPartitionFrom(partitionFrom);
    try (MiniServer overBudget = MiniServer.start(spentIndex, spent)) {
      for (String q : queries) {
        Response r = send(overBudget.port(), "GET", "/api/search?q=" + enc(q));
        assertEquals(
            err(400, "query is too expensive: it ran over the 0 ms budget; make it more specific"),
            r.body(),
            q);
        assertEquals(400, r.status(), q);
      }
    }
    for (String q : queries) assertEquals(200, get("/api/search?q=" + enc(q)).status(), q);
  }
}
