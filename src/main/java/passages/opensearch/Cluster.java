package passages.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.ssl.SSLContextBuilder;
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
    return connect(urls, Access.NONE);
  }

  /**
   * How passages authenticates to the cluster and trusts its TLS certificate.
   *
   * @param user user name for HTTP basic authentication, or null for none
   * @param password its password (null when {@code user} is null)
   * @param insecure trust any TLS certificate and host name (a local test cluster with a
   *     self-signed certificate; never for a cluster reached over a network you do not control)
   */
  public record Access(String user, String password, boolean insecure) {
    /** No authentication; TLS certificates checked against the JVM's trust store. */
    public static final Access NONE = new Access(null, null, false);

    public Access {
      if (user != null && password == null)
        throw new IllegalArgumentException("a password is needed with user " + user);
    }
  }

  /**
   * Connects to the nodes at {@code urls} with {@code access} (no request is made yet).
   *
   * @param urls one or more {@code http://host:port} or {@code https://host:port} addresses of the
   *     same cluster
   * @throws IllegalArgumentException when the list is empty or a URL has no scheme, host and port
   */
  public static Cluster connect(List<String> urls, Access access) {
    if (urls.isEmpty()) throw new IllegalArgumentException("no OpenSearch URL given");
    HttpHost[] hosts = new HttpHost[urls.size()];
    for (int i = 0; i < hosts.length; i++) {
      URI u;
      try {
        u = new URI(urls.get(i).strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(
            "OpenSearch URL must be scheme://host:port, got: " + urls.get(i));
      }
      if (u.getScheme() == null
          || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
          || u.getHost() == null
          || u.getPort() < 0) {
        throw new IllegalArgumentException(
            "OpenSearch URL must be scheme://host:port, got: " + urls.get(i));
      }
      hosts[i] = new HttpHost(u.getScheme(), u.getHost(), u.getPort());
    }
    var builder =
        ApacheHttpClient5TransportBuilder.builder(hosts).setMapper(new JacksonJsonpMapper());
    if (access.user() != null || access.insecure()) {
      builder.setHttpClientConfigCallback(
          http -> {
            if (access.user() != null) {
              var credentials = new BasicCredentialsProvider();
              for (HttpHost host : hosts)
                credentials.setCredentials(
                    new AuthScope(host),
                    new UsernamePasswordCredentials(
                        access.user(), access.password().toCharArray()));
              http.setDefaultCredentialsProvider(credentials);
            }
            if (access.insecure()) {
              http.setConnectionManager(
                  PoolingAsyncClientConnectionManagerBuilder.create()
                      .setTlsStrategy(
                          ClientTlsStrategyBuilder.create()
                              .setSslContext(trustingEverything())
                              .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                              .build())
                      .build());
            }
            return http;
          });
    }
    return new Cluster(builder.build());
  }

  private static SSLContext trustingEverything() {
    try {
      return SSLContextBuilder.create().loadTrustMaterial(null, (chain, type) -> true).build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  /**
   * Asks the cluster for its name and version: the check that it answers at all.
   *
   * @return e.g. {@code "passages-test 3.9.0"}
   * @throws IOException when no node answers
   */
  public String describe() throws IOException {
    var info = client.info();
    return info.clusterName() + " " + info.version().number();
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
