package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * {@code search} and {@code serve} with {@code --backend opensearch} when the cluster cannot be
 * used: one line naming the option, exit 2, no stack trace (the answers from a real cluster are
 * tested by {@code OpenSearchCliTest}, tag opensearch).
 */
class BackendCliTest {
  @Test
  void searchAndServe_withoutOpensearchUrl_exit2NamingTheOption() {
    for (String command : new String[] {"search", "serve"}) {
      String[] args =
          command.equals("search")
              ? new String[] {"search", "x", "--backend", "opensearch"}
              : new String[] {"serve", "--backend", "opensearch", "--port", "0"};

      MainTest.Run r = MainTest.run(args);

      assertEquals(2, r.code(), command);
      assertEquals(
          "passages: --backend opensearch needs --opensearch URL[,URL…], e.g. --opensearch http://127.0.0.1:9200\n",
          r.err(),
          command);
    }
  }

  @Test
  void search_badUrlOrUnreachableCluster_exit2NamingTheOption() throws IOException {
    MainTest.Run bad =
        MainTest.run("search", "x", "--backend", "opensearch", "--opensearch", "localhost:9200");
    assertEquals(2, bad.code());
    assertEquals(
        "passages: --opensearch: OpenSearch URL must be scheme://host:port, got: localhost:9200\n",
        bad.err());

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    MainTest.Run down =
        MainTest.run(
            "serve", "--backend", "opensearch", "--opensearch", "http://127.0.0.1:" + port);
    assertEquals(2, down.code());
    assertTrue(
        down.err()
            .startsWith(
                "passages: --opensearch http://127.0.0.1:"
                    + port
                    + ": the cluster does not answer ("),
        down.err());
    assertEquals(1, down.err().lines().count(), down.err());
  }

  @Test
  void unknownBackend_exit2() {
    MainTest.Run r = MainTest.run("search", "x", "--backend", "solr");

    assertEquals(2, r.code());
    assertEquals("passages: --backend must be lucene or opensearch, got 'solr'\n", r.err());
  }

  @Test
  void serve_watchWithOpensearch_exit2() {
    MainTest.Run r =
        MainTest.run(
            "serve", "--backend", "opensearch", "--opensearch", "http://127.0.0.1:9200", "--watch");

    assertEquals(2, r.code());
    assertEquals(
        "passages: --watch needs --backend lucene (update an OpenSearch index with: passages index --backend opensearch)\n",
        r.err());
  }
}
