package passages.opensearch;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * A connection to an OpenSearch cluster over HTTP through several of its nodes: a request that
 * fails to reach one node is retried on the next (the client's own failover). Plain {@code http} or
 * {@code https} URLs, as given to {@code --opensearch}. Thread-safe; close it once.
 */
public final class Cluster implements AutoCloseable {
  private final OpenSearchTransport transport;
  private final OpenSearchClient client;

  private Cluster(OpenSearchTransport transport) {
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
  }

  /**
   * Connects to the nodes at {@code urls} (no request is made yet).
   *
   * @param urls one or more {@code http://host:port} addresses of the same cluster
   * @throws IllegalArgumentException when the list is empty or a URL has no scheme, host and port
   */
  public static Cluster connect(List<String> urls) {
    if (urls.isEmpty()) throw new IllegalArgumentException("no OpenSearch URL given");
    HttpHost[] hosts = new HttpHost[urls.size()];
    for (int i = 0; i < hosts.length; i++) {
      URI u = URI.create(urls.get(i));
      if (u.getScheme() == null || u.getHost() == null || u.getPort() < 0) {
        throw new IllegalArgumentException(
            "OpenSearch URL must be scheme://host:port, got: " + urls.get(i));
      }
      hosts[i] = new HttpHost(u.getScheme(), u.getHost(), u.getPort());
    }
    return new Cluster(
        ApacheHttpClient5TransportBuilder.builder(hosts)
            .setMapper(new JacksonJsonpMapper())
            .build());
  }

  /** The typed client. */
  public OpenSearchClient client() {
    return client;
  }

  /**
   * Creates index {@code name} from a raw JSON body (settings and mappings), as {@link
   * IndexSettings} writes it: the typed builders lack some analysis fields.
   *
   * @throws IOException when the cluster cannot be reached or refuses the index (its answer in the
   *     message)
   */
  public void createIndex(String name, String body) throws IOException {
    try (Response r =
        client
            .generic()
            .execute(Requests.builder().method("PUT").endpoint("/" + name).json(body).build())) {
      if (r.getStatus() / 100 != 2) {
        String answer = r.getBody().map(Body::bodyAsString).orElse("");
        throw new IOException("creating index " + name + ": HTTP " + r.getStatus() + " " + answer);
      }
    }
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
