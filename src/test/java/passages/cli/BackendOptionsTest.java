package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

class BackendOptionsTest {
  /** A command with only the mixin, parsed as the real commands parse it. */
  static final class Holder {
    @Mixin BackendOptions backend = new BackendOptions();
  }

  private static BackendOptions parse(String... args) {
    Holder h = new Holder();
    new CommandLine(h).parseArgs(args);
    return h.backend;
  }

  @Test
  void noOptions_isLucene() {
    BackendOptions o = parse();

    assertEquals(BackendOptions.Backend.LUCENE, o.backend());
    assertFalse(o.isOpenSearch());
  }

  @Test
  void opensearchWithTwoUrls_splitsThem() {
    BackendOptions o =
        parse("--backend", "opensearch", "--opensearch", "http://a:9200,http://b:9201");

    assertTrue(o.isOpenSearch());
    assertEquals(List.of("http://a:9200", "http://b:9201"), o.urls);
    assertEquals("passages", o.alias);
  }

  @Test
  void unknownBackend_isUsageErrorNamingTheOption() {
    var e = assertThrows(UserException.class, () -> parse("--backend", "solr").backend());

    assertEquals("--backend must be lucene or opensearch, got 'solr'", e.getMessage());
    assertEquals(Main.EXIT_USAGE, e.exitCode);
  }

  @Test
  void missingUrl_isUsageErrorNamingTheOption() {
    var e =
        assertThrows(UserException.class, () -> parse("--backend", "opensearch").connect(Map.of()));

    assertEquals(
        "--backend opensearch needs --opensearch URL[,URL…], e.g. --opensearch http://127.0.0.1:9200",
        e.getMessage());
    assertEquals(Main.EXIT_USAGE, e.exitCode);
  }

  @Test
  void urlWithoutScheme_isUsageErrorNamingTheOption() {
    var e =
        assertThrows(
            UserException.class,
            () ->
                parse("--backend", "opensearch", "--opensearch", "127.0.0.1:9200")
                    .connect(Map.of()));

    assertEquals(
        "--opensearch: OpenSearch URL must be scheme://host:port, got: 127.0.0.1:9200",
        e.getMessage());
    assertEquals(Main.EXIT_USAGE, e.exitCode);
  }

  @Test
  void userWithoutPassword_isUsageError() {
    var e =
        assertThrows(
            UserException.class,
            () ->
                parse("--backend", "opensearch", "--opensearch", "http://127.0.0.1:9200")
                    .connect(Map.of(BackendOptions.USER_ENV, "admin")));

    assertEquals(
        "$PASSAGES_OPENSEARCH_USER is set but $PASSAGES_OPENSEARCH_PASSWORD is not",
        e.getMessage());
    assertEquals(Main.EXIT_USAGE, e.exitCode);
  }

  @Test
  void nothingListening_isUsageErrorNamingTheUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free once closed: nothing listens there
    }
    String url = "http://127.0.0.1:" + port;

    var e =
        assertThrows(
            UserException.class,
            () -> parse("--backend", "opensearch", "--opensearch", url).connect(Map.of()));

    assertTrue(
        e.getMessage().startsWith("--opensearch " + url + ": the cluster does not answer ("),
        e.getMessage());
    assertEquals(Main.EXIT_USAGE, e.exitCode);
  }
}
