package passages.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another method than GET on a route that exists: a 405 naming it, not a 404. */
class WrongMethodTest {
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

  static HttpResponse<String> send(String method, String path) throws Exception {
    return server.send(method, path);
  }

  @Test
  void postToSearch_is405NamingTheMethod() throws Exception {
    var r = send("POST", "/api/search?q=chips");

    // this was a 404 "not found: /api/search", as if the route did not exist
    assertEquals(405, r.statusCode());
    assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""));
    assertEquals(
        "{\"status\":405,\"error\":\"method POST not allowed on /api/search (use GET)\"}",
        r.body());
    assertEquals(
        "{\"status\":405,\"error\":\"method DELETE not allowed on /api/articles/alpha (use GET)\"}",
        send("DELETE", "/api/articles/alpha").body());
  }

  @Test
  void otherMethodOnAPathNoRouteHas_isStill404() throws Exception {
    var r = send("POST", "/api/nothing");

    assertEquals(404, r.statusCode());
    assertEquals("{\"status\":404,\"error\":\"not found: /api/nothing\"}", r.body());
  }
}
