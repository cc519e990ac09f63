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

  @Option(
      names = "--rebuild",
      description = "Rebuild from scratch instead of updating only what changed.")
  boolean rebuild;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
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
