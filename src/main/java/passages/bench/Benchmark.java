package passages.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import passages.entities.EntityExtractor;
import passages.entities.EntityExtractors;
import passages.index.IndexReport;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.ingest.ParagraphStream;
import passages.search.Interval;
import passages.search.ParagraphSearcher;
import passages.search.SearchOptions;
import passages.search.SearchRequest;
import passages.web.WebApp;

/**
 * One benchmark run: builds the baseline and the passages index from the same corpus, then times
 * the same queries on both (warm-up first), in-process and over HTTP, and reports ratios passages /
 * baseline.
 */
public final class Benchmark {
  /**
   * @param corpus JSONL(.gz) corpus with a {@code paragraphs} array per line
   * @param queries queries.txt: one query per line, clauses required, {@code "…"} a phrase
   * @param work directory for the two indexes (replaced)
   * @param warmupRounds untimed rounds (one pass per mode each) before timing
   * @param passes timed passes per mode; the median pass (by total time) is reported
   * @param clients concurrent HTTP clients for the throughput run
   * @param loadSeconds duration of the throughput run
   * @param threads indexing threads for passages
   * @param learningSample paragraphs read to learn entity names (as {@code passages index} does)
   * @param reuse query the two indexes a previous run left in {@code work} instead of building them
   *     (no build numbers then): for iterating on query speed
   */
  public record Config(
      Path corpus,
      Path queries,
      Path work,
      int warmupRounds,
      int passes,
      int clients,
      int loadSeconds,
      int threads,
      long learningSample,
      boolean reuse) {}

  private final Config config;
  private final SearchOptions options;
  private final PrintWriter log;

  /**
   * A run of {@code config} whose passages searcher is opened with {@code options}; progress goes
   * to {@code log}.
   */
  public Benchmark(Config config, SearchOptions options, PrintWriter log) {
    this.config = config;
    this.options = options;
    this.log = log;
  }

  /** Runs everything and returns the results as a Markdown report. */
  public String run() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(config.queries(), StandardCharsets.UTF_8)) {
      if (!l.isBlank() && !l.startsWith("#")) lines.add(l.strip());
    }
    Path baseDir = config.work().resolve("baseline");
    Path ourDir = config.work().resolve("passages");
    Build build = config.reuse() ? reused(baseDir, ourDir) : build(baseDir, ourDir);
    // the builds leave gigabytes of garbage: collect it now, not during the timed queries of either
    // engine
    System.gc();

    Map<Mode, Latency> base = new EnumMap<>(Mode.class);
    Map<Mode, Latency> ours = new EnumMap<>(Mode.class);
    Map<Mode, Latency> http = new EnumMap<>(Mode.class);
    String load;
    String timeline;
    try (Baseline b = new Baseline();
        ParagraphSearcher s = new ParagraphSearcher(ourDir, options)) {
      b.open(baseDir);
      List<Query> baseQueries = lines.stream().map(Baseline::parse).toList();
      log.println("warming up (" + config.warmupRounds() + " rounds)…");
      for (int w = 0; w < config.warmupRounds(); w++) {
        for (Mode m : Mode.values()) {
          for (Query q : baseQueries) b.run(q, m);
          for (String q : lines) s.search(request(q, m));
        }
      }
      for (Mode m : Mode.values()) {
        Latency[] pair =
            timedSideBySide(
                i -> b.run(baseQueries.get(i), m),
                i -> s.search(request(lines.get(i), m)).total(),
                lines.size());
        base.put(m, pair[0]);
        ours.put(m, pair[1]);
        log.println(
            "in-process " + m.label + ": baseline " + base.get(m) + ", passages " + ours.get(m));
      }
      timeline = wholeTimeline(s);
      log.println(timeline);
      Javalin app = new WebApp(s).create().start("127.0.0.1", 0);
      try {
        String root = "http://127.0.0.1:" + app.port();
        for (int w = 0; w < Math.max(3, config.warmupRounds() / 6); w++) {
          for (Mode m : Mode.values()) for (String q : lines) get(url(root, q, m));
        }
        for (Mode m : Mode.values()) {
          http.put(m, timed(lines, q -> get(url(root, q, m))));
          log.println("HTTP " + m.label + ": " + http.get(m));
        }
        load = throughput(root, lines);
        log.println(load);
      } finally {
        app.stop();
      }
    }
    System.gc();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    String cold = coldStart(ourDir);
    log.println(cold);
    return markdown(
        lines.size(),
        build,
        BenchFiles.size(baseDir),
        BenchFiles.size(ourDir),
        base,
        ours,
        http,
        load,
        heap,
        cold,
        timeline);
  }

  /**
   * A monthly timeline over every paragraph (blank query), warm, as {@code GET
   * /api/timeline?interval=month} counts it. Runs it {@value #TIMELINE_RUNS} times after 5 untimed
   * runs.
   */
  private static String wholeTimeline(ParagraphSearcher s) throws IOException {
    SearchRequest all = SearchRequest.of("").withTimeline(Interval.MONTH);
    for (int i = 0; i < 5; i++) s.compare(List.of(""), all);
    double[] ms = new double[TIMELINE_RUNS];
    long paragraphs = 0;
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      paragraphs = s.compare(List.of(""), all).getFirst().total();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    return String.format(
        Locale.ROOT,
        "Timeline by month over all %,d paragraphs (GET /api/timeline's count, blank query), warm, "
            + "%d runs: p50 / p95 / p99 %s ms",
        paragraphs,
        TIMELINE_RUNS,
        Latency.of(ms));
  }

  private static final int TIMELINE_RUNS = 50;

  private static SearchRequest request(String q, Mode mode) {
    SearchRequest r = SearchRequest.of(q).withHighlight(mode.highlight).withFacets(mode.facets);
    return mode == Mode.TIMELINE ? r.withTimeline(Interval.MONTH) : r;
  }

  static String url(String root, String q, Mode mode) {
    return root
        + "/api/search?limit=10&q="
        + URLEncoder.encode(q, StandardCharsets.UTF_8)
        + "&highlight="
        + mode.highlight
        + "&facets="
        + mode.facets
        + (mode == Mode.TIMELINE ? "&timeline=month" : "");
  }

  /**
   * GETs {@code url} and reads the whole body. {@link HttpURLConnection} keeps the connection alive
   * for the next request of this thread, and is lighter in this JVM than {@code
   * java.net.http.HttpClient} (no selector thread and hand-offs), so the timing is mostly the
   * server's.
   */
  static long get(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    int status = c.getResponseCode();
    try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      long n = body == null ? 0 : body.transferTo(OutputStream.nullOutputStream());
      if (status != 200) throw new IOException("HTTP " + status + " for " + url);
      return n;
    }
  }

  interface Op<T> {
    long run(T query) throws Exception;
  }

  /**
   * Times query {@code i} on two engines side by side, {@code first} and {@code second} in turn
   * (which goes first alternates with {@code i} and the pass), so a change in the machine's load
   * during the run falls on both alike; per engine the median pass (by total time) is returned.
   */
  private Latency[] timedSideBySide(Op<Integer> first, Op<Integer> second, int queries)
      throws Exception {
    Latency[][] passes = new Latency[2][config.passes()];
    for (int p = 0; p < config.passes(); p++) {
      double[][] ms = new double[2][queries];
      for (int i = 0; i < queries; i++) {
        for (int k = 0; k < 2; k++) {
          int engine = (i + p) % 2 == 0 ? k : 1 - k;
          long t = System.nanoTime();
          (engine == 0 ? first : second).run(i);
          ms[engine][i] = (System.nanoTime() - t) / 1e6;
        }
      }
      passes[0][p] = Latency.of(ms[0]);
      passes[1][p] = Latency.of(ms[1]);
    }
    return new Latency[] {Latency.median(passes[0]), Latency.median(passes[1])};
  }

  private <T> Latency timed(List<T> queries, Op<T> op) throws Exception {
    Latency[] passes = new Latency[config.passes()];
    for (int p = 0; p < passes.length; p++) {
      double[] ms = new double[queries.size()];
      for (int i = 0; i < ms.length; i++) {
        long t = System.nanoTime();
        op.run(queries.get(i));
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      passes[p] = Latency.of(ms);
    }
    return Latency.median(passes);
  }

  /**
   * {@code clients} concurrent keep-alive connections for {@code loadSeconds}, full mode: with wrk
   * (a separate, light process) when it is installed, else with Java clients in this JVM.
   */
  private String throughput(String root, List<String> lines) throws Exception {
    java.util.Optional<Path> wrk =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            .map(d -> Path.of(d, "wrk"))
            .filter(Files::isExecutable)
            .findFirst();
    return wrk.isPresent() ? wrkThroughput(wrk.get(), root, lines) : javaThroughput(root, lines);
  }

  private String wrkThroughput(Path wrk, String root, List<String> lines) throws Exception {
    Path script = config.work().resolve("queries.lua");
    StringBuilder lua = new StringBuilder("local paths = {\n");
    for (String q : lines) {
      String path = url("", q, Mode.FACETS);
      lua.append("  \"").append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
    }
    lua.append(
        "}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
    Files.writeString(script, lua.toString(), StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder(
                wrk.toString(),
                "-t2",
                "-c" + config.clients(),
                "-d" + config.loadSeconds() + "s",
                "--latency",
                "-s",
                script.toString(),
                root)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Files.writeString(config.work().resolve("wrk.txt"), out, StandardCharsets.UTF_8);
    String rps = find(out, "Requests/sec:\\s+([0-9.]+)");
    String non2xx = find(out, "Non-2xx or 3xx responses:\\s+(\\d+)");
    String socket = find(out, "Socket errors:(.*)");
    String p50 = find(out, "\\s50%\\s+(\\S+)");
    String p99 = find(out, "\\s99%\\s+(\\S+)");
    return String.format(
        Locale.ROOT,
        "wrk, %d connections, %d s: %s requests/s, latency p50 %s, p99 %s, non-2xx %s, socket errors %s",
        config.clients(),
        config.loadSeconds(),
        rps,
        p50,
        p99,
        non2xx == null ? "0" : non2xx,
        socket == null ? "none" : socket.strip());
  }

  private static String find(String text, String regex) {
    var m = java.util.regex.Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private String javaThroughput(String root, List<String> lines) throws InterruptedException {
    return ClosedLoad.run(
        config.clients(),
        config.loadSeconds(),
        0,
        i -> get(url(root, lines.get(i % lines.size()), Mode.FACETS)));
  }

  /**
   * Starts {@code serve -Xmx1g} in a child JVM, as {@code ./passages} does (with a
   * class-data-sharing archive, made by an untimed first start), and times the first answered query
   * from process start. The index is served with the corpus (as a user runs it: the corpus is
   * checked for changed articles first) when this run built it; a reused index is served as it is
   * ({@code --index} alone), so that an index left by older code is not brought up to date, and so
   * changed, in the middle of a series of runs.
   */
  private String coldStart(Path index) throws Exception {
    startServe(index);
    return startServe(index);
  }

  private String startServe(Path index) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        List.of(
            java,
            "-Xmx1g",
            "-XX:SharedArchiveFile=" + config.work().resolve("serve.jsa"),
            "-XX:+AutoCreateSharedArchive",
            "-Xlog:cds*=off",
            "-Xlog:aot*=off",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            "passages.cli.Main",
            "serve",
            "--index",
            index.toString(),
            "--port",
            Integer.toString(port));
    if (!config.reuse()) {
      cmd = new ArrayList<>(cmd);
      cmd.addAll(List.of("--corpus", config.corpus().toString()));
    }
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(config.work().resolve("serve.log").toFile())
            .start();
    try {
      String url = url("http://127.0.0.1:" + port, "president", Mode.FACETS);
      while (p.isAlive() && System.nanoTime() - start < 120_000_000_000L) {
        try {
          long q = System.nanoTime();
          get(url);
          double first = (System.nanoTime() - q) / 1e6;
          double total = (System.nanoTime() - start) / 1e9;
          return String.format(
              Locale.ROOT,
              "serve -Xmx1g: first answer %.1f s after start (that query took %.1f ms)",
              total,
              first);
        } catch (IOException notYet) {
          Thread.sleep(20);
        }
      }
      return "serve -Xmx1g: no answer (see " + config.work().resolve("serve.log") + ")";
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  /**
   * Rows and seconds of the two index builds, and the steps of ours (learning names; reading,
   * cleaning, tagging and indexing; merging); seconds are NaN for indexes reused from an earlier
   * run.
   */
  private record Build(
      long baseRows,
      double baseSeconds,
      long ourRows,
      double ourSeconds,
      double learnSeconds,
      double indexSeconds,
      double mergeSeconds) {}

  private Build build(Path baseDir, Path ourDir) throws IOException {
    BenchFiles.deleteTree(baseDir);
    BenchFiles.deleteTree(ourDir);
    Files.createDirectories(config.work());
    log.println("building the baseline index…");
    long t0 = System.nanoTime();
    long baseRows;
    try (Baseline b = new Baseline()) {
      baseRows = b.build(config.corpus(), baseDir);
    }
    double baseBuild = (System.nanoTime() - t0) / 1e9;
    log.printf(Locale.ROOT, "baseline: %d paragraphs in %.1f s%n", baseRows, baseBuild);

    log.println("building the passages index (clean + entities + index)…");
    t0 = System.nanoTime();
    EntityExtractor entities =
        EntityExtractors.create(
            new ParagraphStream(
                new CorpusReader(config.corpus()), config.threads(), config.learningSample()));
    double learned = (System.nanoTime() - t0) / 1e9;
    log.printf(Locale.ROOT, "passages: names learned in %.1f s%n", learned);
    long[] mergeStart = {0};
    IndexReport report =
        new Indexer(
                entities,
                EntityExtractors.version(),
                config.threads(),
                p -> {
                  if (p.merging()) mergeStart[0] = System.nanoTime();
                })
            .rebuild(
                new CorpusReader(config.corpus()),
                ourDir); // a rebuild ends with a forceMerge, as the baseline
    long end = System.nanoTime();
    double ourBuild = (end - t0) / 1e9;
    double merge = (end - mergeStart[0]) / 1e9;
    log.printf(
        Locale.ROOT,
        "passages: %d paragraphs in %.1f s (%d failures)%n",
        report.totalParagraphs(),
        ourBuild,
        report.failureCount());
    return new Build(
        baseRows,
        baseBuild,
        report.totalParagraphs(),
        ourBuild,
        learned,
        ourBuild - learned - merge,
        merge);
  }

  private static Build reused(Path baseDir, Path ourDir) throws IOException {
    return new Build(
        docCount(baseDir),
        Double.NaN,
        docCount(ourDir),
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  private static long docCount(Path dir) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      return r.numDocs();
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      throw new IOException(
          "no index to reuse in " + dir + ": run the benchmark once without --reuse-indexes", e);
    }
  }

  private String markdown(
      int queries,
      Build build,
      long baseSize,
      long ourSize,
      Map<Mode, Latency> base,
      Map<Mode, Latency> ours,
      Map<Mode, Latency> http,
      String load,
      long heap,
      String cold,
      String timeline) {
    long baseRows = build.baseRows();
    double baseBuild = build.baseSeconds();
    long ourRows = build.ourRows();
    double ourBuild = build.ourSeconds();
    StringBuilder md = new StringBuilder();
    double baseRate = baseRows / baseBuild;
    double ourRate = ourRows / ourBuild;
    md.append(
        String.format(
            Locale.ROOT,
            "Corpus %s, %d queries from %s; %d warm-up rounds, median of %d passes (in-process:"
                + " each query on both engines in turn); "
                + "%d cores, JDK %s, max heap %d MB.%n%n",
            config.corpus().getFileName(),
            queries,
            config.queries().getFileName(),
            config.warmupRounds(),
            config.passes(),
            Runtime.getRuntime().availableProcessors(),
            Runtime.version(),
            Runtime.getRuntime().maxMemory() >> 20));
    md.append("| build | paragraphs | seconds | paragraphs/s | size MB |\n|---|---|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| raw Lucene baseline (StandardAnalyzer, 1 writer, forceMerge) | %d | %s | %s | %d |%n",
            baseRows,
            BenchFiles.seconds(baseBuild),
            BenchFiles.rate(baseRate),
            baseSize >> 20));
    md.append(
        String.format(
            Locale.ROOT,
            "| passages (clean + entities + index, %d threads, forceMerge) | %d | %s | %s | %d |%n",
            config.threads(),
            ourRows,
            BenchFiles.seconds(ourBuild),
            BenchFiles.rate(ourRate),
            ourSize >> 20));
    md.append(
        String.format(
            Locale.ROOT,
            "| **ratio passages / baseline** | | | **%s** | **%.2f×** |%n%n",
            Double.isNaN(ourRate) ? "–" : String.format(Locale.ROOT, "%.2f×", ourRate / baseRate),
            ourSize / (double) baseSize));
    if (!Double.isNaN(ourBuild)) {
      md.append(
          String.format(
              Locale.ROOT,
              "passages build steps: learning names %s s, reading + cleaning + entities + "
                  + "indexing %s s, merging into one segment and committing %s s.%n%n",
              BenchFiles.seconds(build.learnSeconds()),
              BenchFiles.seconds(build.indexSeconds()),
              BenchFiles.seconds(build.mergeSeconds())));
    }
    md.append(
        "| latency p50 / p95 / p99 ms | baseline in-process | passages in-process | passages over HTTP (1 keep-alive client) | p95 ratio in-process |\n");
    md.append("|---|---|---|---|---|\n");
    for (Mode m : Mode.values()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %.2f× |%n",
              m.label,
              base.get(m),
              ours.get(m),
              http.get(m),
              ours.get(m).p95() / base.get(m).p95()));
    }
    md.append(
        String.format(
            Locale.ROOT, "%nThroughput over HTTP (full mode: highlight + facets): %s.  %n", load));
    md.append(
        String.format(
            Locale.ROOT,
            "Heap in use after a full GC, with both indexes open: %d MB.  %n",
            heap >> 20));
    md.append(cold).append(".  \n");
    md.append(timeline).append(".\n");
    return md.toString();
  }
}
