package passages.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import passages.entities.EntityExtractor;
import passages.entities.EntityExtractors;
import passages.index.Fields;
import passages.index.IndexReport;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.ingest.ParagraphStream;
import passages.model.EntityType;
import passages.opensearch.Cluster;
import passages.opensearch.OpenSearchIndexer;
import passages.opensearch.OpenSearchSearcher;
import passages.opensearch.ParagraphWriter;
import passages.search.ParagraphSearcher;
import passages.search.SearchOptions;
import passages.web.WebApp;

/**
 * The two backends side by side ({@code passages bench --backend opensearch}): builds the embedded
 * index and an OpenSearch index from the same corpus (optionally its first N articles) with the
 * same pipeline, then times the same queries against both in the same run:
 *
 * <ul>
 *   <li>build paragraphs/s and bytes per paragraph (the embedded index's files; OpenSearch's
 *       primary store from {@code _stats} after a force-merge to one segment per shard, as the
 *       embedded build merges to one segment);
 *   <li>per query and mode (top 10, + highlight, + facets): {@code GET /api/search} over HTTP on
 *       the embedded index; the same search sent straight to OpenSearch as JSON (the client's round
 *       trip, and OpenSearch's own {@code took}); and, when a reader for OpenSearch is given,
 *       {@code GET /api/search} on passages over OpenSearch, whose p50 minus {@code took}'s p50 is
 *       what passages adds;
 *   <li>{@code clients} concurrent keep-alive connections for {@code loadSeconds} in the full mode,
 *       on each target.
 * </ul>
 */
public final class OpenSearchBench {
  /**
   * @param corpus JSONL(.gz) corpus
   * @param articles use only the first N articles of the corpus (0: all)
   * @param queries queries.txt: one query per line, clauses required, {@code "…"} a phrase
   * @param work directory for the embedded index and the corpus subset
   * @param alias the OpenSearch alias to build and query (replaced by a full build)
   * @param shards primary shards of the OpenSearch index
   * @param replicas replicas of each shard
   * @param reuse query what an earlier run built (no build numbers)
   */
  public record Config(
      Path corpus,
      int articles,
      Path queries,
      Path work,
      int warmupRounds,
      int passes,
      int clients,
      int loadSeconds,
      int threads,
      long learningSample,
      String alias,
      int shards,
      int replicas,
      boolean reuse) {}

  /** The modes timed here: the embedded bench's, without the timeline. */
  private static final List<Mode> MODES = List.of(Mode.TOP_10, Mode.HIGHLIGHT, Mode.FACETS);

  private final Config config;
  private final SearchOptions options;
  private final Cluster cluster;
  private final String node;
  private final boolean withReader;
  private final PrintWriter log;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param node the base URL of the node the raw searches go to
   * @param withReader also time passages' own reader of the alias ({@link OpenSearchSearcher})
   *     behind {@code GET /api/search}
   */
  public OpenSearchBench(
      Config config,
      SearchOptions options,
      Cluster cluster,
      String node,
      boolean withReader,
      PrintWriter log) {
    this.config = config;
    this.options = options;
    this.cluster = cluster;
    this.node = node;
    this.withReader = withReader;
    this.log = log;
  }

  /** Times of one target per mode: the client's latency and, for OpenSearch, its {@code took}. */
  private record Timing(Latency client, Latency took, Latency added) {}

  /** Build numbers (NaN when reused). */
  private record Build(
      long paragraphs,
      double learnSeconds,
      double embeddedSeconds,
      double openSearchSeconds,
      double mergeSeconds) {}

  /** Runs everything and returns the results as a Markdown report. */
  public String run() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(config.queries(), StandardCharsets.UTF_8)) {
      if (!l.isBlank() && !l.startsWith("#")) lines.add(l.strip());
    }
    Files.createDirectories(config.work());
    Path corpus = subset();
    Path embeddedDir = config.work().resolve("passages");
    Build build = config.reuse() ? reused(embeddedDir) : build(corpus, embeddedDir);
    System.gc();
    long embeddedBytes = BenchFiles.size(embeddedDir);
    JsonNode stats = request("GET", "/" + config.alias() + "/_stats/store,docs", null).path("_all");
    long osPrimaryBytes = stats.path("primaries").path("store").path("size_in_bytes").asLong();
    long osTotalBytes = stats.path("total").path("store").path("size_in_bytes").asLong();
    long osDocs = stats.path("primaries").path("docs").path("count").asLong();

    Map<Mode, Timing> embedded = new EnumMap<>(Mode.class);
    Map<Mode, Timing> raw = new EnumMap<>(Mode.class);
    Map<Mode, Timing> passagesOs = new EnumMap<>(Mode.class);
    List<String> load = new ArrayList<>();
    String parity = null;
    try (ParagraphSearcher s = new ParagraphSearcher(embeddedDir, options)) {
      Javalin app = new WebApp(s).create().start("127.0.0.1", 0);
      OpenSearchSearcher reader =
          withReader ? new OpenSearchSearcher(cluster, config.alias()) : null;
      Javalin osApp = reader == null ? null : new WebApp(reader).create().start("127.0.0.1", 0);
      try {
        String root = "http://127.0.0.1:" + app.port();
        String osRoot = osApp == null ? null : "http://127.0.0.1:" + osApp.port();
        log.println("warming up (" + config.warmupRounds() + " rounds)…");
        for (int w = 0; w < config.warmupRounds(); w++) {
          for (Mode m : MODES) {
            for (String q : lines) {
              Benchmark.get(Benchmark.url(root, q, m));
              rawSearch(q, m);
              if (osRoot != null) Benchmark.get(Benchmark.url(osRoot, q, m));
            }
          }
        }
        for (Mode m : MODES) {
          embedded.put(m, timed(lines, q -> time(() -> Benchmark.get(Benchmark.url(root, q, m)))));
          raw.put(m, timed(lines, q -> rawSearch(q, m)));
          log.println(
              "HTTP "
                  + m.label
                  + ": embedded "
                  + embedded.get(m).client()
                  + ", OpenSearch raw "
                  + raw.get(m).client()
                  + " (took "
                  + raw.get(m).took()
                  + ")");
          if (osRoot != null) {
            passagesOs.put(
                m,
                timed(
                    lines,
                    q -> {
                      long before = reader.tookMillis();
                      double[] r = time(() -> Benchmark.get(Benchmark.url(osRoot, q, m)));
                      r[1] = reader.tookMillis() - before;
                      return r;
                    }));
            log.println(
                "HTTP " + m.label + ": passages over OpenSearch " + passagesOs.get(m).client());
          }
        }
        if (osRoot != null) {
          parity = parity(root, osRoot, lines);
          log.println(parity);
        }
        load.add(
            "embedded, "
                + throughput(
                    i ->
                        Benchmark.get(
                            Benchmark.url(root, lines.get(i % lines.size()), Mode.FACETS))));
        log.println(load.getLast());
        load.add(
            "OpenSearch raw, "
                + throughput(i -> rawSearch(lines.get(i % lines.size()), Mode.FACETS)));
        log.println(load.getLast());
        if (osRoot != null) {
          load.add(
              "passages over OpenSearch, "
                  + throughput(
                      i ->
                          Benchmark.get(
                              Benchmark.url(osRoot, lines.get(i % lines.size()), Mode.FACETS))));
          log.println(load.getLast());
        }
      } finally {
        app.stop();
        if (osApp != null) osApp.stop();
        if (reader != null) reader.close();
      }
    }
    return markdown(
        lines.size(),
        build,
        embeddedBytes,
        osPrimaryBytes,
        osTotalBytes,
        osDocs,
        embedded,
        raw,
        passagesOs,
        load,
        parity);
  }

  /**
   * The same answers? Each query's full-mode {@code /api/search} answer from both backends: equal
   * totals, the share of the embedded top 10 also in OpenSearch's, and equal outlet facet counts
   * where the totals are equal (the issue's targets: 95% equal totals, overlap 0.8).
   */
  private String parity(String root, String osRoot, List<String> lines) throws IOException {
    int equalTotals = 0;
    int equalOutlets = 0;
    double overlap = 0;
    List<String> differing = new ArrayList<>();
    for (String q : lines) {
      JsonNode a = json.readTree(body(Benchmark.url(root, q, Mode.FACETS)));
      JsonNode b = json.readTree(body(Benchmark.url(osRoot, q, Mode.FACETS)));
      java.util.Set<String> ours = new java.util.HashSet<>();
      a.path("hits").forEach(h -> ours.add(h.path("id").asText()));
      int shared = 0;
      for (JsonNode h : b.path("hits")) if (ours.contains(h.path("id").asText())) shared++;
      overlap +=
          ours.isEmpty() ? (b.path("hits").isEmpty() ? 1 : 0) : shared / (double) ours.size();
      if (a.path("total").asLong() == b.path("total").asLong()) {
        equalTotals++;
        if (a.path("facets").path(Fields.OUTLET).equals(b.path("facets").path(Fields.OUTLET)))
          equalOutlets++;
        else if (differing.size() < 5) differing.add(q + " (outlet facet)");
      } else if (differing.size() < 5) {
        differing.add(
            q + " (" + a.path("total").asLong() + " vs " + b.path("total").asLong() + ")");
      }
    }
    return String.format(
        Locale.ROOT,
        "Same answers, full mode: equal totals on %d of %d queries (%.1f%%); mean top-10 overlap %.3f; "
            + "equal outlet facet counts on %d of the %d with equal totals%s",
        equalTotals,
        lines.size(),
        100.0 * equalTotals / lines.size(),
        overlap / lines.size(),
        equalOutlets,
        equalTotals,
        differing.isEmpty() ? "" : "; first differences: " + String.join(", ", differing));
  }

  private static String body(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (status != 200) throw new IOException("HTTP " + status + " for " + url + ": " + text);
      return text;
    }
  }

  /** The corpus, or a JSONL.gz of its first {@code articles} lines under {@code work}. */
  private Path subset() throws IOException {
    if (config.articles() <= 0) return config.corpus();
    Path out = config.work().resolve("corpus-first-" + config.articles() + ".jsonl.gz");
    if (config.reuse() && Files.isRegularFile(out)) return out;
    InputStream in = Files.newInputStream(config.corpus());
    if (config.corpus().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer w =
            new java.io.OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(out), 1 << 16),
                StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line; n < config.articles() && (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        w.write(line);
        w.write('\n');
        n++;
      }
    }
    return out;
  }

  private Build build(Path corpus, Path embeddedDir) throws IOException {
    BenchFiles.deleteTree(embeddedDir);
    log.println("learning entity names…");
    long t0 = System.nanoTime();
    EntityExtractor entities =
        EntityExtractors.create(
            new ParagraphStream(
                new CorpusReader(corpus), config.threads(), config.learningSample()));
    double learned = (System.nanoTime() - t0) / 1e9;
    log.println("building the embedded index…");
    t0 = System.nanoTime();
    IndexReport lucene =
        new Indexer(entities, EntityExtractors.version(), config.threads(), p -> {})
            .rebuild(new CorpusReader(corpus), embeddedDir);
    double embeddedSeconds = (System.nanoTime() - t0) / 1e9;
    log.printf(
        Locale.ROOT,
        "embedded: %d paragraphs in %.1f s%n",
        lucene.totalParagraphs(),
        embeddedSeconds);
    log.println("building the OpenSearch index…");
    t0 = System.nanoTime();
    IndexReport os =
        new OpenSearchIndexer(
                new ParagraphWriter(cluster, config.alias()),
                new Indexer(entities, EntityExtractors.version(), config.threads(), p -> {}),
                EntityExtractors.version(),
                config.shards(),
                config.replicas())
            .run(new CorpusReader(corpus), true);
    double osSeconds = (System.nanoTime() - t0) / 1e9;
    log.printf(
        Locale.ROOT, "OpenSearch: %d paragraphs in %.1f s%n", os.totalParagraphs(), osSeconds);
    if (os.totalParagraphs() != lucene.totalParagraphs())
      throw new IllegalStateException(
          "OpenSearch holds "
              + os.totalParagraphs()
              + " paragraphs, the embedded index "
              + lucene.totalParagraphs());
    t0 = System.nanoTime();
    log.println("force-merging the OpenSearch index to one segment per shard…");
    forceMerge();
    double merge = (System.nanoTime() - t0) / 1e9;
    return new Build(lucene.totalParagraphs(), learned, embeddedSeconds, osSeconds, merge);
  }

  private Build reused(Path embeddedDir) throws IOException {
    if (!Files.isDirectory(embeddedDir))
      throw new IOException("no embedded index to reuse in " + embeddedDir);
    long n = cluster.client().count(c -> c.index(config.alias())).count();
    return new Build(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /** {@code _forcemerge} to one segment: can take minutes, so sent with a long timeout. */
  private void forceMerge() throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(node + "/" + config.alias() + "/_forcemerge?max_num_segments=1"))
            .timeout(Duration.ofHours(2))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200)
        throw new IOException("force merge: HTTP " + r.statusCode() + " " + r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    request("POST", "/" + config.alias() + "/_refresh", null);
  }

  /**
   * The raw OpenSearch search of a queries.txt line: every clause required ({@code match} on the
   * text, {@code match_phrase} for a quoted clause), captions left out as passages does by default,
   * exact total, top 10; + the text highlighted whole with {@code <mark>}; + terms aggregations of
   * the outlet, author and every entity type (10 values each).
   */
  String rawBody(String line, Mode mode) {
    ObjectNode body = json.createObjectNode();
    body.put("size", 10).put("track_total_hits", true);
    ArrayNode source = body.putArray("_source");
    for (String f :
        List.of(
            Fields.ARTICLE_ID,
            Fields.PARAGRAPH,
            Fields.TITLE,
            Fields.OUTLET,
            Fields.URL,
            Fields.DATE)) source.add(f);
    if (!mode.highlight) source.add(Fields.TEXT);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode must = bool.putArray("must");
    for (Baseline.Clause c : Baseline.clauses(line)) {
      if (c.phrase()) {
        must.addObject().putObject("match_phrase").put(Fields.TEXT, c.text());
      } else {
        must.addObject()
            .putObject("match")
            .putObject(Fields.TEXT)
            .put("query", c.text())
            .put("operator", "and");
      }
    }
    bool.putArray("must_not").addObject().putObject("term").put(Fields.KIND, "caption");
    if (mode.highlight) {
      ObjectNode text = body.putObject("highlight").putObject("fields").putObject(Fields.TEXT);
      text.put("type", "unified").put("number_of_fragments", 0);
      text.putArray("pre_tags").add("<mark>");
      text.putArray("post_tags").add("</mark>");
    }
    if (mode.facets) {
      ObjectNode aggs = body.putObject("aggs");
      List<String> dims = new ArrayList<>(List.of(Fields.OUTLET, Fields.AUTHOR));
      for (EntityType t : EntityType.values()) dims.add(t.key());
      for (String d : dims) aggs.putObject(d).putObject("terms").put("field", d).put("size", 10);
    }
    return body.toString();
  }

  /** Client milliseconds and OpenSearch's {@code took} of one raw search. */
  private double[] rawSearch(String line, Mode mode) throws IOException {
    String body = rawBody(line, mode);
    long t = System.nanoTime();
    HttpURLConnection c =
        (HttpURLConnection)
            URI.create(node + "/" + config.alias() + "/_search").toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    try (OutputStream out = c.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = c.getResponseCode();
    byte[] answer;
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      answer = in == null ? new byte[0] : in.readAllBytes();
    }
    double ms = (System.nanoTime() - t) / 1e6;
    if (status != 200)
      throw new IOException("HTTP " + status + ": " + new String(answer, StandardCharsets.UTF_8));
    JsonNode r = json.readTree(answer);
    if (r.path("_shards").path("failed").asInt() > 0)
      throw new IOException("partial result (failed shards) for " + line);
    return new double[] {ms, r.path("took").asDouble()};
  }

  private interface Search {
    double[] run(String query) throws Exception;
  }

  private interface Get {
    long run() throws Exception;
  }

  private static double[] time(Get get) throws Exception {
    long t = System.nanoTime();
    get.run();
    return new double[] {(System.nanoTime() - t) / 1e6, Double.NaN};
  }

  /**
   * Times {@code op} on every query, {@code passes} times; the median pass by total client time,
   * with the same pass's {@code took} and client time minus {@code took} per query (null for a
   * target without a took).
   */
  private Timing timed(List<String> queries, Search op) throws Exception {
    Timing[] passes = new Timing[config.passes()];
    for (int p = 0; p < passes.length; p++) {
      double[] ms = new double[queries.size()];
      double[] server = new double[queries.size()];
      double[] added = new double[queries.size()];
      for (int i = 0; i < ms.length; i++) {
        double[] r = op.run(queries.get(i));
        ms[i] = r[0];
        server[i] = r[1];
        added[i] = r[0] - r[1];
      }
      boolean took = !Double.isNaN(server[0]);
      passes[p] =
          new Timing(
              Latency.of(ms), took ? Latency.of(server) : null, took ? Latency.of(added) : null);
    }
    Latency median = Latency.median(Stream.of(passes).map(Timing::client).toArray(Latency[]::new));
    for (Timing t : passes) if (t.client() == median) return t;
    throw new IllegalStateException("no median pass");
  }

  /** {@code clients} threads sending requests for {@code loadSeconds}. */
  private String throughput(ClosedLoad.Request request) throws InterruptedException {
    return ClosedLoad.run(config.clients(), config.loadSeconds(), 1, request);
  }

  private JsonNode request(String method, String endpoint, String body) throws IOException {
    var b =
        org.opensearch.client.opensearch.generic.Requests.builder()
            .method(method)
            .endpoint(endpoint);
    if (body != null) b.json(body);
    try (var r = cluster.client().generic().execute(b.build())) {
      String answer =
          r.getBody().map(org.opensearch.client.opensearch.generic.Body::bodyAsString).orElse("{}");
      if (r.getStatus() / 100 != 2)
        throw new IOException(method + " " + endpoint + ": HTTP " + r.getStatus() + " " + answer);
      return json.readTree(answer);
    }
  }

  private String markdown(
      int queries,
      Build build,
      long embeddedBytes,
      long osPrimaryBytes,
      long osTotalBytes,
      long osDocs,
      Map<Mode, Timing> embedded,
      Map<Mode, Timing> raw,
      Map<Mode, Timing> passagesOs,
      List<String> load,
      String parity) {
    StringBuilder md = new StringBuilder();
    double[] loadAverage = loadAverage();
    md.append(
        String.format(
            Locale.ROOT,
            "Corpus %s%s: %,d paragraphs; %d queries from %s; %d warm-up rounds, median of %d passes; "
                + "OpenSearch index: %d shards, %d replica(s) on %s; %d cores, JDK %s, max heap %d MB; "
                + "load average at the end %.2f / %.2f / %.2f.%n%n",
            config.corpus().getFileName(),
            config.articles() > 0 ? " (first " + config.articles() + " articles)" : "",
            build.paragraphs(),
            queries,
            config.queries().getFileName(),
            config.warmupRounds(),
            config.passes(),
            config.shards(),
            config.replicas(),
            node,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version(),
            Runtime.getRuntime().maxMemory() >> 20,
            loadAverage[0],
            loadAverage[1],
            loadAverage[2]));
    md.append(
        "| build | seconds | paragraphs/s | size | bytes/paragraph |\n|---|---|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| embedded (clean + entities + index, %d threads, forceMerge) | %s | %s | %d MB | %s |%n",
            config.threads(),
            BenchFiles.seconds(build.embeddedSeconds()),
            BenchFiles.rate(build.paragraphs() / build.embeddedSeconds()),
            embeddedBytes >> 20,
            perParagraph(embeddedBytes, build.paragraphs())));
    md.append(
        String.format(
            Locale.ROOT,
            "| OpenSearch (same pipeline, bulk through ParagraphWriter, alias swap) | %s | %s | %d MB primaries, %d MB with replicas | %s primaries (%s with replicas) |%n",
            BenchFiles.seconds(build.openSearchSeconds()),
            BenchFiles.rate(build.paragraphs() / build.openSearchSeconds()),
            osPrimaryBytes >> 20,
            osTotalBytes >> 20,
            perParagraph(osPrimaryBytes, osDocs),
            perParagraph(osTotalBytes, osDocs)));
    md.append(
        String.format(
            Locale.ROOT,
            "%nLearning entity names (once, shared by both builds): %s s; OpenSearch force-merge to one segment per shard: %s s.%n%n",
            BenchFiles.seconds(build.learnSeconds()),
            BenchFiles.seconds(build.mergeSeconds())));
    md.append(
        "| latency p50 / p95 / p99 ms, 1 keep-alive client | embedded `GET /api/search` | OpenSearch raw `_search`, client | its `took` |"
            + (passagesOs.isEmpty()
                ? ""
                : " passages over OpenSearch `GET /api/search` | its requests' `took` | passages adds (per query: time − took) |")
            + "\n|---|---|---|---|"
            + (passagesOs.isEmpty() ? "" : "---|---|---|")
            + "\n");
    for (Mode m : MODES) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s |",
              m.label,
              embedded.get(m).client(),
              raw.get(m).client(),
              raw.get(m).took()));
      if (!passagesOs.isEmpty())
        md.append(
            String.format(
                Locale.ROOT,
                " %s | %s | %s |",
                passagesOs.get(m).client(),
                passagesOs.get(m).took(),
                passagesOs.get(m).added()));
      md.append('\n');
    }
    if (parity != null) md.append('\n').append(parity).append(".\n");
    md.append("\nThroughput, full mode (+ highlight + facets), in this JVM's clients:\n\n");
    for (String l : load) md.append("- ").append(l).append('\n');
    return md.toString();
  }

  private static double[] loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return new double[] {
        Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])
      };
    } catch (IOException | RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
  }

  private static String perParagraph(long bytes, long paragraphs) {
    return paragraphs == 0 ? "–" : String.format(Locale.ROOT, "%,.0f", bytes / (double) paragraphs);
  }
}
