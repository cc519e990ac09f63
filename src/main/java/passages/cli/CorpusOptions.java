package passages.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;
import passages.index.IndexReport;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.ingest.DropReason;

/** The {@code --corpus} option and the indexing step shared by {@code index} and {@code serve}. */
final class CorpusOptions {
  @Option(names = "--corpus", paramLabel = "PATH", description = "Corpus directory or file (default: corpus/).")
  Path corpus;

  CorpusReader reader() {
    Path path = corpus != null ? corpus : Main.defaultPath("corpus");
    if (!Files.exists(path)) throw new UserException("corpus not found: " + path, Main.EXIT_FAILURE);
    return new CorpusReader(path);
  }

  /** Rebuilds {@code index} from the corpus and prints the report; returns it. */
  static IndexReport rebuild(CorpusReader reader, Path index, PrintWriter out, PrintWriter err) throws java.io.IOException {
    IndexReport report = new Indexer(text -> List.of()).rebuild(reader, index);
    for (var f : report.failures()) err.println(f.source() + ": " + f.message());
    out.println(summary(report, reader.path(), index));
    return report;
  }

  static String summary(IndexReport r, Path corpus, Path index) {
    Map<String, Integer> dropped = new TreeMap<>();
    int total = 0;
    for (Map.Entry<DropReason, Integer> e : r.dropped().entrySet()) {
      dropped.put(e.getKey().description(), e.getValue());
      total += e.getValue();
    }
    return String.format(java.util.Locale.ROOT,
        "indexed %d articles, %d paragraphs from %s into %s in %.1f s; dropped %d junk lines %s; %d failed",
        r.articles(), r.paragraphs(), corpus, index, r.millis() / 1000.0, total, dropped, r.failures().size());
  }
}
