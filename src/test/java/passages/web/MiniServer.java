package passages.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.search.ParagraphSearcher;
import passages.search.SearchOptions;

/**
 * The real server on a free loopback port over the tiny test corpus {@code
 * src/test/resources/corpus-mini}.
 */
final class MiniServer implements AutoCloseable {
  static final Path CORPUS = Path.of("src/test/resources/corpus-mini");

  final ParagraphSearcher searcher;
  final Javalin app;
  private final HttpClient http = HttpClient.newHttpClient();

  private MiniServer(ParagraphSearcher searcher, Javalin app) {
    this.searcher = searcher;
    this.app = app;
  }

  /** Indexes the mini corpus into {@code indexDir} and starts the server on it. */
  static MiniServer start(Path indexDir) throws IOException {
    return start(CORPUS, indexDir, SearchOptions.DEFAULTS);
  }

  /**
   * Indexes the mini corpus into {@code indexDir} and starts the server on it, searching with
   * {@code options}.
   */
  static MiniServer start(Path indexDir, SearchOptions options) throws IOException {
    return start(CORPUS, indexDir, options);
  }

  /** Indexes {@code corpus} into {@code indexDir} and starts the server on it. */
  static MiniServer start(Path corpus, Path indexDir) throws IOException {
    return start(corpus, indexDir, SearchOptions.DEFAULTS);
  }

  private static MiniServer start(Path corpus, Path indexDir, SearchOptions options)
      throws IOException {
    new Indexer(text -> List.of()).rebuild(new CorpusReader(corpus), indexDir);
    ParagraphSearcher searcher = new ParagraphSearcher(indexDir, options);
    return new MiniServer(searcher, new WebApp(searcher).create().start("127.0.0.1", 0));
  }

  int port() {
    return app.port();
  }

  /** {@code GET pathAndQuery} on this server. */
  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery);
  }

  /** {@code method path} on this server, with a small form body ({@code q=chips}). */
  HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .method(method, HttpRequest.BodyPublishers.ofString("q=chips"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws IOException {
    app.stop();
    searcher.close();
  }
}
