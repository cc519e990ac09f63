package passages.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an analyst types that the classic syntax takes otherwise than meant, through the real server
 * over the mini corpus (5 paragraphs: alpha.p1-p3, beta.p1-p2; Nvidia in alpha.p2 and beta.p2).
 */
class UserQueriesTest {
  @TempDir static Path indexDir;
  static MiniServer server;
  static final ObjectMapper JSON = new ObjectMapper();

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

  /** "total ids…" of {@code /api/search?q=q}, the ids sorted. */
  static String matches(String q) throws Exception {
    var r = get("/api/search?facets=false&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    List<String> ids = new ArrayList<>();
    body.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    ids.sort(null);
    return body.get("total").asInt() + " " + String.join(" ", ids);
  }

  @Test
  void onlyExclusions_matchEveryParagraphWithoutTheWord() throws Exception {
    // these used to match nothing (Lucene's purely negative query)
    assertEquals("3 alpha.p1 alpha.p3 beta.p1", matches("NOT nvidia"));
    assertEquals("3 alpha.p1 alpha.p3 beta.p1", matches("-nvidia"));
    assertEquals("2 alpha.p3 beta.p1", matches("NOT nvidia NOT chips"));
    assertEquals("1 alpha.p1", matches("chips AND (NOT nvidia)"));
    // the timeline agrees with the hits: all undated but alpha's
    var t = JSON.readTree(get("/api/timeline?q=NOT+nvidia").body()).get("series").get(0);
    assertEquals(3, t.get("total").asInt());
  }

  @Test
  void typographicQuotes_areAPhrase() throws Exception {
    assertEquals("1 beta.p2", matches("\u201CNvidia shares\u201D"));
    // as a phrase the words must be in this order; as plain words they match anywhere
    assertEquals("0 ", matches("\u201Cshares Nvidia\u201D"));
    assertEquals("1 beta.p2", matches("shares Nvidia"));
    // unpaired, they are punctuation as before: the words
    assertEquals("1 beta.p2", matches("\u201Cshares Nvidia"));
  }

  @Test
  void unclosedQuote_is400SayingSo() throws Exception {
    for (String q : new String[] {"\"", "Nvidia \"shares"}) {
      var r = get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      assertEquals(400, r.statusCode());
      assertEquals(
          "{\"status\":400,\"error\":\"invalid query: a quote (\\\") is not closed; close the phrase,"
              + " or remove the quote to search the words\"}",
          r.body());
    }
  }

  @Test
  void compareWithABadQuery_namesWhichOne() throws Exception {
    var r = get("/api/timeline?q=chips&q=" + URLEncoder.encode("\"", StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode());
    // the page shows this under the main query's box: it must say it is the compared one
    assertEquals(
        "{\"status\":400,\"error\":\"invalid query q='\\\"': a quote (\\\") is not closed; close the"
            + " phrase, or remove the quote to search the words\"}",
        r.body());
    assertEquals(
        "{\"status\":400,\"error\":\"invalid query q='foo AND': Cannot parse 'foo AND': Encountered"
            + " \\\"<EOF>\\\" at line 1, column 7.\"}",
        get("/api/timeline?q=chips&q=foo+AND").body());
    // one query: the message as /api/search gives it
    assertEquals(
        "{\"status\":400,\"error\":\"invalid query: Cannot parse 'foo AND': Encountered"
            + " \\\"<EOF>\\\" at line 1, column 7.\"}",
        get("/api/timeline?q=foo+AND").body());
  }

  @Test
  void sharedPermalinkWithTrackingParameters_stillOpensTheParagraph() throws Exception {
    String permalink =
        JSON.readTree(get("/api/search?q=shares&facets=false").body())
            .get("hits")
            .get(0)
            .get("permalink")
            .asText();

    // this answered a raw JSON 400 "unknown parameter 'utm_source'" in the reader's browser
    var r = get(permalink + "?utm_source=newsletter&utm_medium=email&fbclid=IwAR0x");
    assertEquals(302, r.statusCode(), r.body());
    assertEquals("/articles/beta#p-2", r.headers().firstValue("Location").orElse(""));
    // its hex digits in capitals: the same paragraph (this was a 404)
    int slash = permalink.lastIndexOf('/') + 1;
    String upper = permalink.substring(0, slash) + permalink.substring(slash).toUpperCase();
    assertEquals("/articles/beta#p-2", get(upper).headers().firstValue("Location").orElse(""));
    // the JSON form stays strict
    assertEquals(
        "{\"status\":400,\"error\":\"unknown parameter 'utm_source' (allowed: format)\"}",
        get(permalink + "?format=json&utm_source=x").body());
  }

  @Test
  void slashInsideAWord_findsTheText(@TempDir Path corpus, @TempDir Path index) throws Exception {
    java.nio.file.Files.writeString(
        corpus.resolve("nine.txt"),
        "Airports after the attacks\n\nThe 9/11 attacks changed airport security for good, officials said.\n"
            + "\nHe said 9 of the 11 gates reopened, and staff now work 24/7 at the checkpoints.\n");
    try (MiniServer own = MiniServer.start(corpus, index)) {
      var r =
          own.get(
              "/api/search?facets=false&q=" + URLEncoder.encode("9/11", StandardCharsets.UTF_8));
      // this was a 400 "Lexical error … (in lexical state 2)": the slash began a regular expression
      assertEquals(200, r.statusCode(), r.body());
      JsonNode body = JSON.readTree(r.body());
      assertEquals(1, body.get("total").asInt());
      assertEquals(
          "The <mark>9/11</mark> attacks changed airport security for good, officials said.",
          body.get("hits").get(0).get("passage").asText());
    }
  }
}
