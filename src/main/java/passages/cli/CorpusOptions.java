package passages.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import passages.ingest.CorpusReader;
import picocli.CommandLine.Option;

/** The {@code --corpus} option shared by {@code index} and {@code serve}. */
final class CorpusOptions {
  @Option(
      names = "--corpus",
      paramLabel = "PATH",
      description = "Corpus directory or file (.txt, .jsonl, .jsonl.gz; default: corpus/).")
  Path corpus;

  CorpusReader reader() {
    Path path = corpus != null ? corpus : Main.defaultPath("corpus");
    if (!Files.exists(path))
      throw new UserException("corpus not found: " + path, Main.EXIT_FAILURE);
    return new CorpusReader(path);
  }
}
