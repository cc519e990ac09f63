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

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) e = e.getCause();
    return e.getMessage();
  }
}
