package passages.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import passages.opensearch.Cluster;
import passages.opensearch.OpenSearchSearcher;
import passages.opensearch.ParagraphWriter;
import passages.search.SearchBackend;
import picocli.CommandLine.Option;

/**
 * The options that choose where paragraphs live, shared by {@code index}, {@code serve} and {@code
 * search}: {@code --backend lucene} (the default: the embedded index of {@code --index}) or {@code
 * --backend opensearch} with {@code --opensearch URL[,URL…]} (nodes of one cluster), the alias
 * searches go through, and TLS trust. User and password come from the environment ({@value
 * #USER_ENV}, {@value #PASSWORD_ENV}), never from the command line, where {@code ps} would show
 * them.
 *
 * <p>Every mistake is a {@link UserException} with exit code 2 whose one line names the option: an
 * unknown backend, {@code --opensearch} missing or malformed, a cluster that does not answer.
 */
final class BackendOptions {
  /** The environment variable holding the OpenSearch user name (basic authentication). */
  static final String USER_ENV = "PASSAGES_OPENSEARCH_USER";

  /** The environment variable holding that user's password. */
  static final String PASSWORD_ENV = "PASSAGES_OPENSEARCH_PASSWORD";

  /** Where the paragraphs live. */
  enum Backend {
    LUCENE,
    OPENSEARCH
  }

  @Option(
      names = "--backend",
      paramLabel = "B",
      defaultValue = "lucene",
      description =
          "Where the paragraphs live: lucene (the embedded index of --index) or opensearch (a cluster, see --opensearch; default: ${DEFAULT-VALUE}).")
  String backend = "lucene";

  @Option(
      names = "--opensearch",
      paramLabel = "URL[,URL…]",
      split = ",",
      description =
          "Nodes of the OpenSearch cluster, e.g. http://127.0.0.1:9200 (with --backend opensearch; user and password from $"
              + USER_ENV
              + " and $"
              + PASSWORD_ENV
              + ").")
  List<String> urls = new ArrayList<>();

  @Option(
      names = "--opensearch-alias",
      paramLabel = "NAME",
      defaultValue = ParagraphWriter.DEFAULT_ALIAS,
      description =
          "The index alias on the cluster that searches go through (default: ${DEFAULT-VALUE}).")
  String alias = ParagraphWriter.DEFAULT_ALIAS;

  @Option(
      names = "--opensearch-insecure",
      description =
          "Trust any TLS certificate of the cluster (a local test cluster only; otherwise give the JVM a trust store: PASSAGES_JAVA_OPTS=-Djavax.net.ssl.trustStore=…).")
  boolean insecure;

  /**
   * The chosen backend.
   *
   * @throws UserException (exit 2) for a value other than lucene or opensearch
   */
  Backend backend() {
    return switch (backend.strip().toLowerCase(Locale.ROOT)) {
      case "lucene" -> Backend.LUCENE;
      case "opensearch" -> Backend.OPENSEARCH;
      default ->
          throw new UserException(
              "--backend must be lucene or opensearch, got '" + backend + "'", Main.EXIT_USAGE);
    };
  }

  /** True with {@code --backend opensearch}. */
  boolean isOpenSearch() {
    return backend() == Backend.OPENSEARCH;
  }

  /**
   * Connects to the cluster of {@code --opensearch} and checks that it answers.
   *
   * @param env the environment to read user and password from (normally {@code System.getenv()})
   * @throws UserException (exit 2) naming {@code --opensearch} when it is missing or malformed,
   *     when the password is missing, or when no node answers
   */
  Cluster connect(Map<String, String> env) {
    if (urls.isEmpty())
      throw new UserException(
          "--backend opensearch needs --opensearch URL[,URL…], e.g. --opensearch http://127.0.0.1:9200",
          Main.EXIT_USAGE);
    String user = env.get(USER_ENV);
    String password = env.get(PASSWORD_ENV);
    if (user != null && password == null)
      throw new UserException(
          "$" + USER_ENV + " is set but $" + PASSWORD_ENV + " is not", Main.EXIT_USAGE);
    Cluster cluster;
    try {
      cluster = Cluster.connect(urls, new Cluster.Access(user, password, insecure));
    } catch (IllegalArgumentException e) {
      throw new UserException("--opensearch: " + e.getMessage(), Main.EXIT_USAGE);
    }
    try {
      cluster.describe();
      return cluster;
    } catch (IOException | RuntimeException e) {
      closeQuietly(cluster);
      throw new UserException(
          "--opensearch "
              + String.join(",", urls)
              + ": the cluster does not answer ("
              + rootMessage(e)
              + ")",
          Main.EXIT_USAGE);
    }
  }

  /**
   * A searcher of the paragraphs under {@code --opensearch-alias} on the cluster (it closes the
   * connection when closed).
   *
   * @throws UserException as {@link #connect(Map)}; exit 1 when the alias does not exist
   */
  SearchBackend openSearcher() {
    Cluster cluster = connect();
    try {
      return OpenSearchSearcher.opening(cluster, alias);
    } catch (IOException | RuntimeException e) {
      throw new UserException(
          "--opensearch "
              + String.join(",", urls)
              + ": "
              + rootMessage(e)
              + " (index the corpus with: passages index --backend opensearch --opensearch URL)",
          Main.EXIT_FAILURE);
    }
  }

  /** {@link #connect(Map)} with the process environment. */
  Cluster connect() {
    return connect(System.getenv());
  }

  private static void closeQuietly(Cluster cluster) {
    try {
      cluster.close();
    } catch (IOException e) {
      // already failing with a clearer message
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) e = e.getCause();
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
