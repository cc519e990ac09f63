package passages.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code passages index}: (re)builds the paragraph index from the corpus. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Build the paragraph index from the corpus.")
final class IndexCommand implements Callable<Integer> {
  @Mixin CorpusOptions corpus = new CorpusOptions();
  @Mixin IndexOptions index = new IndexOptions();
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    var report = CorpusOptions.rebuild(corpus.reader(), index.index(), spec.commandLine().getOut(), spec.commandLine().getErr());
    return report.failures().isEmpty() ? 0 : Main.EXIT_FAILURE;
  }
}
