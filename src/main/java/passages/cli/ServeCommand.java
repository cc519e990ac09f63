package passages.cli;

import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import passages.index.Indexer;
import passages.search.ParagraphSearcher;
import passages.web.WebApp;

/** {@code passages serve}: indexes the corpus when the index is missing or stale, then serves it. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Index the corpus if needed, then serve search at http://HOST:PORT.")
final class ServeCommand implements Callable<Integer> {
  @Mixin CorpusOptions corpus = new CorpusOptions();
  @Mixin IndexOptions index = new IndexOptions();

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Spec CommandSpec spec;

  /** Time spent warming the searcher before listening, so even the first query is answered at full speed. */
  static final long WARM_UP_MILLIS = 600;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) throw new UserException("--port must be 0..65535, got " + port, Main.EXIT_USAGE);
    var out = spec.commandLine().getOut();
    var reader = corpus.reader();
    if (Indexer.isStale(reader, index.index())) {
      out.println("index is missing or stale: indexing " + reader.path());
      CorpusOptions.index(reader, index.index(), false, out, spec.commandLine().getErr());
    }
    try (ParagraphSearcher searcher = index.open()) {
      searcher.warmUp(WARM_UP_MILLIS);
      warmHttp(new WebApp(searcher));
      Javalin app = new WebApp(searcher).create();
      try {
        app.start(host, port);
      } catch (RuntimeException e) {
        throw new UserException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), Main.EXIT_FAILURE);
      }
      out.printf("serving %d paragraphs at http://%s:%d%n", searcher.paragraphCount(), host, app.port());
      out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        app.stop();
        stopped.countDown();
      }));
      stopped.await();
    }
    return 0;
  }

  /**
   * Sends requests through the whole HTTP stack (Jetty, Javalin, Jackson) of a throw-away instance on a
   * private loopback port, so the first user's request is not the first one; the real port opens after.
   */
  private static void warmHttp(WebApp web) {
    Javalin warm = web.create().start("127.0.0.1", 0);
    try {
      var client = java.net.http.HttpClient.newHttpClient();
      for (int i = 0; i < 3; i++) {
        for (String path : new String[] {"/api/search?q=the", "/api/search?q=%22of+the%22&collapse=true", "/api/search", "/"}) {
          client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + warm.port() + path)).build(),
              java.net.http.HttpResponse.BodyHandlers.discarding());
        }
      }
    } catch (java.io.IOException | InterruptedException e) {
      // warm-up is best effort
    } finally {
      warm.stop();
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) e = e.getCause();
    return e.getMessage();
  }
}
