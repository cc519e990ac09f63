package passages.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code passages index}: (re)builds the paragraph index from the corpus. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Bring the paragraph index in line with the corpus: new and changed articles are indexed, removed ones deleted.")
final class IndexCommand implements Callable<Integer> {
  @Mixin CorpusOptions corpus = new CorpusOptions();
  @Mixin IndexOptions index = new IndexOptions();

  @Mixin BackendOptions backend = new BackendOptions();

  @Option(
      names = "--rebuild",
      description = "Rebuild from scratch instead of updating only what changed.")
  boolean rebuild;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description =
          "With --backend opensearch: primary shards of a new index (default: one per data node).")
  Integer shards;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description =
          "With --backend opensearch: replicas of each shard of a new index (default: 1, or 0 on a one-node cluster).")
  Integer replicas;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (shards != null && shards < 1)
      throw new UserException("--shards must be at least 1, got " + shards, Main.EXIT_USAGE);
    if (replicas != null && replicas < 0)
      throw new UserException("--replicas must be at least 0, got " + replicas, Main.EXIT_USAGE);
    if (backend.isOpenSearch()) {
      try (var cluster = backend.connect()) {
        var report =
            new OpenSearchIndexJob(
                    corpus.reader(),
                    cluster,
                    backend.alias,
                    String.join(",", backend.urls),
                    shards,
                    replicas,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr())
                .run(rebuild);
        return report.failureCount() == 0 ? 0 : Main.EXIT_PARTIAL;
      }
    }
    var report =
        new IndexJob(
                corpus.reader(),
                index.index(),
                spec.commandLine().getOut(),
                spec.commandLine().getErr())
            .run(rebuild);
    return report.failureCount() == 0 ? 0 : Main.EXIT_PARTIAL;
  }
}
