package passages.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import passages.bench.Benchmark;
import passages.bench.OpenSearchBench;
import passages.opensearch.Cluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code passages bench}: the side-by-side benchmark against a raw-Lucene baseline (see README).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Build a raw-Lucene baseline and the passages index from the same JSONL corpus, time the same queries on both.")
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--corpus",
      defaultValue = "../shared/data/allsides-news/articles.jsonl.gz",
      description = "JSONL(.gz) corpus (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(
      names = "--queries",
      defaultValue = "../shared/bench/queries.txt",
      description = "Query file (default: ${DEFAULT-VALUE}).")
  Path queries;

  @Option(
      names = "--work",
      defaultValue = "target/bench",
      description = "Where the two indexes go (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(
      names = "--warmup",
      defaultValue = "30",
      description = "Warm-up rounds (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--passes",
      defaultValue = "3",
      description = "Timed passes per mode (default: ${DEFAULT-VALUE}).")
  int passes;

  @Option(
      names = "--clients",
      defaultValue = "16",
      description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--load-seconds",
      defaultValue = "20",
      description = "Duration of the throughput run (default: ${DEFAULT-VALUE}).")
  int loadSeconds;

  @Option(names = "--threads", description = "Indexing threads (default: one per core).")
  Integer threads;

  @Option(
      names = "--reuse-indexes",
      description =
          "Query the indexes an earlier run left in --work instead of building them (no build numbers).")
  boolean reuse;

  @Option(names = "--out", description = "Also write the Markdown report here.")
  Path out;

  @Mixin BackendOptions backend = new BackendOptions();

  @Option(
      names = "--articles",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "With --backend opensearch: use only the first N articles of --corpus (default: all).")
  int articles;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    for (Path p : List.of(corpus, queries)) {
      if (!Files.isRegularFile(p)) throw new UserException("not found: " + p, Main.EXIT_FAILURE);
    }
    if (warmup < 0 || passes < 1 || clients < 1 || loadSeconds < 1) {
      throw new UserException(
          "--warmup >= 0, --passes, --clients and --load-seconds >= 1", Main.EXIT_USAGE);
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (articles < 0) throw new UserException("--articles must be >= 0", Main.EXIT_USAGE);
    if (backend.isOpenSearch()) return openSearch(n);
    if (reuse) {
      for (String engine : List.of("baseline", "passages")) {
        if (!Files.isDirectory(work.resolve(engine))) {
          throw new UserException(
              "--reuse-indexes: no "
                  + engine
                  + " index in "
                  + work.resolve(engine)
                  + " (run the benchmark once without --reuse-indexes)",
              Main.EXIT_FAILURE);
        }
      }
    }
    var config =
        new Benchmark.Config(
            corpus,
            queries,
            work,
            warmup,
            passes,
            clients,
            loadSeconds,
            n,
            EntityWiring.LEARNING_SAMPLE,
            reuse);
    String report =
        new Benchmark(config, IndexOptions.searchOptions(), spec.commandLine().getErr()).run();
    spec.commandLine().getOut().println(report);
    if (out != null) Files.writeString(out, report, StandardCharsets.UTF_8);
    return 0;
  }

  /**
   * The embedded index and OpenSearch side by side ({@link OpenSearchBench}): both built from the
   * same corpus, the same queries timed on both in this run.
   */
  private int openSearch(int threads) throws Exception {
    try (Cluster cluster = backend.connect()) {
      int dataNodes = Math.max(1, cluster.client().cluster().health().numberOfDataNodes());
      var config =
          new OpenSearchBench.Config(
              corpus,
              articles,
              queries,
              work,
              warmup,
              passes,
              clients,
              loadSeconds,
              threads,
              EntityWiring.LEARNING_SAMPLE,
              backend.alias,
              dataNodes,
              Math.min(1, dataNodes - 1),
              reuse);
      String report =
          new OpenSearchBench(
                  config,
                  IndexOptions.searchOptions(),
                  cluster,
                  backend.urls.getFirst().strip(),
                  true,
                  spec.commandLine().getErr())
              .run();
      spec.commandLine().getOut().println(report);
      if (out != null) Files.writeString(out, report, StandardCharsets.UTF_8);
      return 0;
    }
  }
}
