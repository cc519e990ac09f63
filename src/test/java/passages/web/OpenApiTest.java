package passages.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.model.Entity;
import passages.model.EntityType;
import passages.search.ParagraphSearcher;

/**
 * {@code /api/openapi.json} against the server: every route registered in the Javalin app except
 * the HTML article page is described (and nothing else), the query parameters it documents are the
 * ones the server accepts, and real answers of a server on port 0 validate against the document's
 * own response schemas (networknt's validator with the OpenAPI 3.1 dialect). The corpus is {@code
 * corpus-mini} plus a case-and-punctuation copy of one paragraph (so {@code collapse=true} has an
 * {@code alsoIn}); "Nvidia" is tagged as an org, so hits carry entity mentions.
 */
class OpenApiTest {
  @TempDir static Path work;
  static ParagraphSearcher searcher;
  static Javalin app;
  static JsonNode doc;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();
  static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(Dialects.getOpenApi31());
  static final String DOC_LOCATION = "classpath:" + OpenApiDocument.RESOURCE.substring(1);
  static final Pattern NVIDIA = Pattern.compile("(?i)nvidia");

  @BeforeAll
  static void start() throws IOException, InterruptedException {
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    for (String name : List.of("alpha.txt", "beta.txt", "sources.json")) {
      Files.copy(MiniServer.CORPUS.resolve(name), corpus.resolve(name));
    }
    Files.writeString(
        corpus.resolve("gamma.txt"),
        "Markets wrap\nNVIDIA shares rose after the announcement!\n",
        StandardCharsets.UTF_8);
    new Indexer(OpenApiTest::nvidia).rebuild(new CorpusReader(corpus), work.resolve("index"));
    searcher = new ParagraphSearcher(work.resolve("index"));
    app = new WebApp(searcher).create().start("127.0.0.1", 0);
    doc = JSON.readTree(get("/api/openapi.json").body());
  }

  @AfterAll
  static void stop() throws IOException {
    if (app != null) app.stop();
    if (searcher != null) searcher.close();
  }

  private static List<Entity> nvidia(String text) {
    List<Entity> out = new ArrayList<>();
    Matcher m = NVIDIA.matcher(text);
    while (m.find()) out.add(new Entity(EntityType.ORG, "Nvidia", m.group(), m.start(), m.end()));
    return out;
  }

  static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The routes that answer HTML pages, not JSON: the only registered routes the document leaves
   * out.
   */
  static final Set<String> PAGES = Set.of("GET /articles/{id}");

  /**
   * "METHOD path" of every HTTP route the app registered, read from its router, less {@link
   * #PAGES}.
   */
  static Set<String> registeredJsonRoutes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(e -> e.method.isHttpMethod())
        .filter(
            e -> !PAGES.contains(e.method.name().toUpperCase(java.util.Locale.ROOT) + " " + e.path))
        .map(e -> e.method.name().toUpperCase(java.util.Locale.ROOT) + " " + e.path)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<String> describedRoutes() {
    Set<String> out = new TreeSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op ->
                            out.add(
                                op.getKey().toUpperCase(java.util.Locale.ROOT)
                                    + " "
                                    + path.getKey())));
    return out;
  }

  @Test
  void openapi_isOpenApi31_servedAsJson() throws Exception {
    var r = get("/api/openapi.json");

    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("3.1.0", doc.get("openapi").asText());
    assertTrue(
        get("/").body().contains("<a href=\"/api/openapi.json\">"),
        "the search page links the description");
  }

  @Test
  void openapi_describesEveryRegisteredJsonRoute_andNoOther() {
    Set<String> registered = registeredJsonRoutes();

    assertTrue(
        registered.containsAll(
            Set.of(
                "GET /api/articles/{id}",
                "GET /api/openapi.json",
                "GET /api/paragraphs/{id}",
                "GET /api/search",
                "GET /api/timeline",
                "GET /p/{articleId}/{fingerprint}")),
        registered.toString());
    assertEquals(
        registered,
        describedRoutes(),
        "a new route must be described in "
            + OpenApiDocument.RESOURCE
            + " (or, if it answers an HTML page, listed in PAGES)");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/search, SEARCH",
    "/api/timeline, TIMELINE",
    "/p/{articleId}/{fingerprint}, PERMALINK"
  })
  void openapi_queryParameters_areTheOnesTheServerAccepts(String path, String route) {
    Set<String> accepted =
        switch (route) {
          case "SEARCH" -> WebApp.SEARCH_PARAMS;
          case "TIMELINE" -> WebApp.TIMELINE_PARAMS;
          default -> WebApp.PERMALINK_PARAMS;
        };
    Set<String> documented = new TreeSet<>();
    doc.get("paths")
        .get(path)
        .get("get")
        .get("parameters")
        .forEach(
            p -> {
              if (p.get("in").asText().equals("query")) documented.add(p.get("name").asText());
            });

    assertEquals(
        new TreeSet<>(accepted),
        documented,
        "a parameter "
            + path
            + " accepts must be described in "
            + OpenApiDocument.RESOURCE
            + ", and only those");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      /api/search?q=shares                                                   | 200
      /api/search                                                            | 200
      /api/search?q=shares&collapse=true                                     | 200
      /api/search?q=nvidia&entity=org:Nvidia&outlet=Cloud%20Daily&facetLimit=1 | 200
      /api/search?q=shares&facets=false&highlight=false&limit=1&offset=1     | 200
      /api/search?q=shares&kind=all                                          | 200
      /api/search?kind=bogus                                                 | 400
      /api/search?q=/regex/                                                  | 400
      /api/search?limit=0                                                    | 400
      /api/search?bogus=1                                                    | 400
      /api/search?q=shares&timeline=month&sort=newest&from=2020&to=2026      | 200
      /api/search?from=2016-13                                               | 400
      /api/timeline?q=shares&q=deal&interval=year                            | 200
      /api/timeline?q=a&q=b&q=c&q=d                                          | 400
      /api/paragraphs/beta.p2                                                | 200
      /api/paragraphs/alpha.p99                                              | 404
      /api/articles/alpha                                                    | 200
      /api/articles/nope                                                     | 404
      /api/openapi.json                                                      | 200
      """)
  void realAnswer_validatesAgainstItsDescribedSchema(String pathAndQuery, int status)
      throws Exception {
    var r = get(pathAndQuery);
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));

    List<Error> errors = responseSchema(pathAndQuery, status).validate(r.body(), InputFormat.JSON);

    assertTrue(errors.isEmpty(), pathAndQuery + ": " + errors + "\n" + r.body());
  }

  @Test
  void realAnswers_exerciseTheOptionalParts() throws Exception {
    // guards for the table above: the answers it validates do carry mentions, duplicates, nulls and
    // a date
    JsonNode collapsed = JSON.readTree(get("/api/search?q=shares&collapse=true").body());
    assertEquals(1, collapsed.at("/hits/0/alsoIn").size(), collapsed.toString());
    assertEquals(
        Set.of("beta.p2", "gamma.p1"),
        Set.of(collapsed.at("/hits/0/id").asText(), collapsed.at("/hits/0/alsoIn/0/id").asText()));
    assertEquals(
        Set.of("Cloud Daily", "null"),
        Set.of(
            collapsed.at("/hits/0/outlet").toString().replace("\"", ""),
            collapsed.at("/hits/0/alsoIn/0/outlet").toString().replace("\"", "")),
        collapsed.toString());
    assertEquals(
        "{\"type\":\"org\",\"value\":\"Nvidia\",\"text\":\""
            + collapsed.at("/hits/0/passage").asText().substring(0, 6)
            + "\",\"start\":0,\"end\":6}",
        collapsed.at("/hits/0/entities/0").toString());
    JsonNode article = JSON.readTree(get("/api/articles/alpha").body());
    assertEquals("2025-12-16", article.get("date").asText());
    assertTrue(article.at("/paragraphs/0/section").isNull(), article.toString());
  }

  @Test
  void permalink_answersValidateAgainstTheirSchemas() throws Exception {
    String permalink =
        JSON.readTree(get("/api/paragraphs/beta.p2").body()).get("permalink").asText();
    String gone = permalink.replaceFirst("/[0-9a-f]{24}$", "/000000000000000000000000");

    var json = get(permalink + "?format=json");
    var redirect = get(permalink);
    var badFormat = get(permalink + "?format=xml");
    var missing = get(gone + "?format=json");

    assertEquals(200, json.statusCode(), json.body());
    assertEquals(
        List.of(),
        responseSchema(permalink, 200).validate(json.body(), InputFormat.JSON),
        json.body());
    assertEquals(302, redirect.statusCode());
    assertEquals("/articles/beta#p-2", redirect.headers().firstValue("Location").orElse(""));
    assertEquals(400, badFormat.statusCode());
    assertEquals(
        List.of(),
        responseSchema(permalink, 400).validate(badFormat.body(), InputFormat.JSON),
        badFormat.body());
    assertEquals(404, missing.statusCode());
    assertEquals(
        List.of(),
        responseSchema(gone, 404).validate(missing.body(), InputFormat.JSON),
        missing.body());
  }

  @Test
  void schemas_catchARenamedField() throws Exception {
    String body = get("/api/search?q=shares").body();
    String renamed = body.replaceFirst("\"articleId\":", "\"article_id\":");
    String added = body.replaceFirst("\"articleId\":", "\"permalink\":\"/p/x\",\"articleId\":");

    assertFalse(
        responseSchema("/api/search", 200).validate(renamed, InputFormat.JSON).isEmpty(),
        "a renamed field fails");
    assertEquals(
        List.of(),
        responseSchema("/api/search", 200).validate(added, InputFormat.JSON),
        "an added field passes");
  }

  @Test
  void unknownApiPath_answersTheDescribedErrorShape() throws Exception {
    var r = get("/api/nope");
    assertEquals(404, r.statusCode());

    Schema error =
        SCHEMAS.getSchema(SchemaLocation.of(DOC_LOCATION + "#/components/schemas/Error"));

    assertEquals(List.of(), error.validate(r.body(), InputFormat.JSON), r.body());
  }

  /**
   * The schema the document gives for {@code status} (else {@code default}) of the route that
   * serves {@code pathAndQuery}: the route is the one the app's own router matches, so the test
   * cannot pick it.
   */
  static Schema responseSchema(String pathAndQuery, int status) {
    String path = pathAndQuery.replaceFirst("\\?.*", "");
    List<ParsedEndpoint> matches =
        app.unsafe.internalRouter.findHttpHandlerEntries(HandlerType.GET, path);
    assertEquals(1, matches.size(), "one route serves " + path);
    String template = matches.getFirst().endpoint.path;
    JsonNode responses = doc.get("paths").get(template).get("get").get("responses");
    String key = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
    String pointer = "/paths/" + escape(template) + "/get/responses/" + key;
    if (responses.get(key).has("$ref"))
      pointer = responses.get(key).get("$ref").asText().substring(1);
    return SCHEMAS.getSchema(
        SchemaLocation.of(DOC_LOCATION + "#" + pointer + "/content/application~1json/schema"));
  }

  /** A JSON-pointer token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
