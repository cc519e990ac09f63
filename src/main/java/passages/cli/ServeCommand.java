package passages.cli;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import passages.search.ParagraphSearcher;
import passages.search.SearchBackend;
import passages.search.WarmUp;
import passages.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code passages serve}: indexes the corpus when the index is missing or stale, then serves it;
 * with {@code --backend opensearch}, serves the paragraphs of an OpenSearch cluster instead (the
 * same API, page and links).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Index the corpus if needed, then serve search at http://HOST:PORT.")
final class ServeCommand implements Callable<Integer> {
  @Mixin CorpusOptions corpus = new CorpusOptions();
  @Mixin IndexOptions index = new IndexOptions();
  @Mixin BackendOptions backend = new BackendOptions();

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--watch", description = "Re-index (incrementally) whenever the corpus changes.")
  boolean watch;

  @Spec CommandSpec spec;

  /**
   * Time spent warming the searcher (most frequent words, phrases, facets, highlighting) before the
   * port opens, so that even the first query is answered at full speed; short enough that serve
   * still answers within about 2 s of starting on a million paragraphs.
   */
  static final Duration WARM_UP = Duration.ofMillis(1000);

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535)
      throw new UserException("--port must be 0..65535, got " + port, Main.EXIT_USAGE);
    if (backend.isOpenSearch()) {
      if (watch)
        throw new UserException(
            "--watch needs --backend lucene (update an OpenSearch index with: passages index --backend opensearch)",
            Main.EXIT_USAGE);
      try (SearchBackend searcher = backend.openSearcher()) {
        serve(searcher, " (OpenSearch alias " + backend.alias + ")", null);
      }
      return 0;
    }
    boolean asIs = servesAsIs();
    if (asIs
        && !passages.index.Fields.SCHEMA_VERSION.equals(
            passages.index.IndexStatus.schema(index.index())))
      throw new UserException(
          "the index at "
              + index.index()
              + " was built by another version of passages; rebuild it with: passages index"
              + " --corpus PATH --index "
              + index.index()
              + " --rebuild",
          Main.EXIT_FAILURE);
    if (asIs)
      spec.commandLine()
          .getOut()
          .println(
              "serving the index at "
                  + index.index()
                  + " as it is (with --corpus PATH it is first brought in line with that corpus)");
    // the corpus is only read (and must exist) when the index is brought in line with it
    var reader =
        asIs ? new passages.ingest.CorpusReader(Main.defaultPath("corpus")) : corpus.reader();
    if (!asIs)
      new IndexJob(reader, index.index(), spec.commandLine().getOut(), spec.commandLine().getErr())
          .updateIfStale("index is missing or stale: indexing " + reader.path());
    try (ParagraphSearcher searcher = index.open()) {
      WarmUp.run(searcher, WARM_UP); // before the port opens: the first user query is already fast
      serve(
          searcher,
          watch ? " (watching " + reader.path() + ")" : "",
          () ->
              new IndexFollower(
                  searcher,
                  reader,
                  index.index(),
                  watch,
                  spec.commandLine().getOut(),
                  spec.commandLine().getErr()));
    }
    return 0;
  }

  /**
   * Whether the index is served as it is, without indexing a corpus first: an existing index named
   * with {@code --index} but no {@code --corpus} (and no {@code --watch}). It may have been built
   * from another corpus, and bringing it in line with the default {@code corpus/} would delete
   * every article of that other corpus. Otherwise a missing or stale index is (re)indexed first.
   */
  boolean servesAsIs() throws java.io.IOException {
    return index.index != null
        && corpus.corpus == null
        && !watch
        && passages.index.IndexStatus.exists(index.index());
  }

  /** What runs beside the server while it serves (the lucene backend's index follower). */
  private interface Companion {
    AutoCloseable start() throws Exception;
  }

  /**
   * Serves {@code searcher} until the process is stopped, with {@code companion} (may be null)
   * running meanwhile.
   */
  private void serve(SearchBackend searcher, String note, Companion companion) throws Exception {
    var out = spec.commandLine().getOut();
    Javalin app = new WebApp(searcher).create();
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      throw new UserException(
          "cannot listen on " + host + ":" + port + ": " + rootMessage(e), Main.EXIT_FAILURE);
    }
    Thread.ofPlatform().daemon().name("passages-http-warm-up").start(() -> warmHttp(app.port()));
    out.printf(
        "serving %d paragraphs at http://%s:%d%s%n",
        searcher.paragraphCount(), host, app.port(), note);
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    try (AutoCloseable running = companion == null ? () -> {} : companion.start()) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    app.stop();
                    stopped.countDown();
                  }));
      stopped.await();
    }
  }

  /**
   * A few requests through the whole HTTP stack (Jetty, Javalin, Jackson) from a background thread
   * right after the port opens, so the JIT has seen that path too; users are served meanwhile.
   */
  private static void warmHttp(int port) {
    var client = java.net.http.HttpClient.newHttpClient();
    try {
      for (int i = 0; i < 5; i++) {
        for (String path :
            new String[] {
              "/api/search?q=the", "/api/search?q=%22of+the%22&collapse=true", "/api/search", "/"
            }) {
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + path))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
        }
      }
    } catch (java.io.IOException | InterruptedException e) {
      // best effort: bound to an address loopback cannot reach, or shutting down
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) e = e.getCause();
    if (e instanceof java.nio.channels.UnresolvedAddressException) return "no such host";
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
