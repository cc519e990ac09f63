package passages.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.URIBuilder;
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
  /** Milliseconds a node that failed is passed over by {@link #post} (unless all have failed). */
  private static final long DEAD_MILLIS = 5_000;

  private final OpenSearchTransport transport;
  private final OpenSearchClient client;
  private final HttpHost[] hosts;
  private final String authorization;
  private final CloseableHttpClient blocking;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLongArray deadUntil;

  private Cluster(
      OpenSearchTransport transport,
      HttpHost[] hosts,
      String authorization,
      CloseableHttpClient blocking) {
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
    this.hosts = hosts;
    this.authorization = authorization;
    this.blocking = blocking;
    this.deadUntil = new AtomicLongArray(hosts.length);
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
    return new Cluster(
        builder.build(), hosts, authorization(access), blocking(hosts.length, access));
  }

  private static String authorization(Access access) {
    if (access.user() == null) return null;
    String pair = access.user() + ":" + access.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The blocking client of {@link #post}: the request is written and the answer read on the
   * caller's thread (the typed client's asynchronous transport hands each request to an I/O thread
   * and back, which cost ~3 ms a request on a busy 2-core machine). Timeouts as the typed client's
   * transport: 1 s to connect, 30 s for an answer.
   */
  private static CloseableHttpClient blocking(int nodes, Access access) {
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(64 * nodes)
            .setMaxConnPerRoute(64)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(1, TimeUnit.SECONDS)
                    .setSocketTimeout(30, TimeUnit.SECONDS)
                    .build());
    if (access.insecure())
      connections.setTlsSocketStrategy(
          ClientTlsStrategyBuilder.create()
              .setSslContext(trustingEverything())
              .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
              .buildClassic());
    return HttpClients.custom()
        .setConnectionManager(connections.build())
        .setDefaultRequestConfig(
            RequestConfig.custom().setResponseTimeout(30, TimeUnit.SECONDS).build())
        .disableAutomaticRetries()
        // no Accept-Encoding: OpenSearch would gzip each answer, after its took, for a loopback or
        // LAN hop that does not need it
        .disableContentCompression()
        .build();
  }

  /** An answer of {@link #post}: its HTTP status and body. */
  public record Answer(int status, byte[] body) {}

  /**
   * POSTs the JSON {@code body} to {@code path} with query {@code params} on one node, on the
   * calling thread (no hand-off to an I/O thread: the fast path for searches). The nodes take
   * turns; a node that cannot be reached, or answers 502, 503 or 504, is passed over for the next
   * (and for {@value #DEAD_MILLIS} ms), as the typed client fails over. Meant for requests that may
   * be sent twice (searches).
   *
   * @throws IOException when no node answers
   */
  public Answer post(String path, Map<String, String> params, byte[] body) throws IOException {
    int first = Math.floorMod(next.getAndIncrement(), hosts.length);
    IOException failed = null;
    Answer unavailable = null;
    for (int pass = 0; pass < 2; pass++) {
      // first the nodes not marked dead, then (when none of them answered) the dead ones too
      for (int k = 0; k < hosts.length; k++) {
        int i = (first + k) % hosts.length;
        boolean dead = deadUntil.get(i) > System.currentTimeMillis();
        if (dead != (pass == 1)) continue;
        try {
          Answer a = post(hosts[i], path, params, body);
          if (a.status() == 502 || a.status() == 503 || a.status() == 504) {
            unavailable = a;
            deadUntil.set(i, System.currentTimeMillis() + DEAD_MILLIS);
            continue;
          }
          deadUntil.set(i, 0);
          return a;
        } catch (IOException e) {
          failed = e;
          deadUntil.set(i, System.currentTimeMillis() + DEAD_MILLIS);
        }
      }
    }
    if (unavailable != null) return unavailable;
    throw failed;
  }

  private Answer post(HttpHost host, String path, Map<String, String> params, byte[] body)
      throws IOException {
    URIBuilder uri = new URIBuilder().setHttpHost(host).setPath(path);
    params.forEach(uri::addParameter);
    HttpPost post;
    try {
      post = new HttpPost(uri.build());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("bad OpenSearch path " + path, e);
    }
    if (authorization != null) post.setHeader(HttpHeaders.AUTHORIZATION, authorization);
    post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
    return blocking.execute(
        post,
        r ->
            new Answer(
                r.getCode(),
                r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
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
    try {
      blocking.close();
    } finally {
      transport.close();
    }
  }
}
