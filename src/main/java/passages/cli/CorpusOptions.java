package passages.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;
import passages.index.IndexReport;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.ingest.DropReason;

/** The {@code --corpus} option and the indexing step shared by {@code index}, {@code serve} and {@code search}. */
final class CorpusOptions {
  @Option(names = "--corpus", paramLabel = "PATH", description = "Corpus directory or file (.txt, .jsonl, .jsonl.gz; default: corpus/).")
  Path corpus;

  CorpusReader reader() {
    Path path = corpus != null ? corpus : Main.defaultPath("corpus");
    if (!Files.exists(path)) throw new UserException("corpus not found: " + path, Main.EXIT_FAILURE);
    return new CorpusReader(path);
  }

  /** Brings {@code index} in line with the corpus (or rebuilds it), printing progress and the report. */
  static IndexReport index(CorpusReader reader, Path index, boolean rebuild, PrintWriter out, PrintWriter err) throws IOException {
    long start = System.nanoTime();
    if (!rebuild && !Indexer.isStale(reader, index, EntityWiring.version())) {
      // same files, schema and extractor as the last run: nothing to read
      Indexer.Committed last = Indexer.committed(index);
      long paragraphs = last.paragraphs();
      long failed = last.failed();
      out.printf(Locale.ROOT, "%s → %s: up to date (the corpus files are unchanged since the last run); %d paragraphs in the index%s%n",
          reader.path(), index, paragraphs,
          failed == 0 ? "" : "; " + failed + " items failed in that run (index --rebuild lists them again)");
      return new IndexReport(0, 0, 0, 0, paragraphs, Map.of(), failed, List.of(), (System.nanoTime() - start) / 1_000_000);
    }
    return build(reader, index, rebuild, out, err);
  }

  /**
   * Updates {@code index} when it is stale (see {@link Indexer#isStale}), printing {@code announce} to
   * {@code out} first; does nothing, and prints nothing, when it is up to date. Staleness is checked once.
   *
   * @return whether the index was updated
   */
  static boolean updateIfStale(CorpusReader reader, Path index, String announce, PrintWriter out, PrintWriter err)
      throws IOException {
    if (!Indexer.isStale(reader, index, EntityWiring.version())) return false;
    out.println(announce);
    build(reader, index, false, out, err);
    return true;
  }

  /** Learns names, then indexes (or rebuilds), printing progress, failures and the report. */
  private static IndexReport build(CorpusReader reader, Path index, boolean rebuild, PrintWriter out, PrintWriter err)
      throws IOException {
    ProgressPrinter progress = new ProgressPrinter(err, ProgressPrinter.stderrIsTerminal());
    progress.step(String.format(Locale.ROOT, "learning entity names from the first %,d paragraphs…", EntityWiring.LEARNING_SAMPLE));
    var extractor = EntityWiring.learningFrom(reader);
    Indexer indexer = new Indexer(extractor.extractor(), extractor.version(), Runtime.getRuntime().availableProcessors(), progress);
    IndexReport report;
    try {
      report = rebuild ? indexer.rebuild(reader, index) : indexer.update(reader, index);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserException("corpus not found: " + e.getFile(), Main.EXIT_FAILURE);
    } finally {
      progress.finish();
    }
    for (var f : report.failures()) err.println(f.source() + ": " + f.message());
    if (report.failureCount() > report.failures().size()) {
      err.println("… and " + (report.failureCount() - report.failures().size()) + " more failures");
    }
    out.println(summary(report, reader.path(), index));
    return report;
  }

  static String summary(IndexReport r, Path corpus, Path index) {
    Map<String, Long> dropped = new TreeMap<>();
    long total = 0;
    for (Map.Entry<DropReason, Long> e : r.dropped().entrySet()) {
      dropped.put(e.getKey().description(), e.getValue());
      total += e.getValue();
    }
    return String.format(Locale.ROOT,
        "%s → %s: %d articles indexed (%d paragraphs), %d unchanged, %d deleted; %d paragraphs in the index; "
            + "dropped %d junk lines %s; %d failed; %.1f s",
        corpus, index, r.indexed(), r.paragraphs(), r.unchanged(), r.deleted(), r.totalParagraphs(), total, dropped,
        r.failureCount(), r.millis() / 1000.0);
  }
}
