package passages.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import passages.index.IndexReport;
import passages.index.IndexStatus;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.ingest.DropReason;

/**
 * Brings one index in line with one corpus for a command — {@code index}, {@code serve}, {@code
 * search} and {@code serve --watch} share it: learns entity names, updates (or rebuilds) the index
 * when it is stale, shows progress on {@code err}, and prints the failures to {@code err} and the
 * report to {@code out}.
 */
final class IndexJob {
  private final CorpusReader corpus;
  private final Path index;
  private final PrintWriter out;
  private final PrintWriter err;

  IndexJob(CorpusReader corpus, Path index, PrintWriter out, PrintWriter err) {
    this.corpus = corpus;
    this.index = index;
    this.out = out;
    this.err = err;
  }

  /**
   * Brings the index in line with the corpus (or rebuilds it), printing progress and the report;
   * when the index is up to date (and no rebuild is asked for), says so without reading the corpus.
   */
  IndexReport run(boolean rebuild) throws IOException {
    long start = System.nanoTime();
    if (!rebuild && !IndexStatus.isStale(corpus, index, EntityWiring.version())) {
      // same files, schema and extractor as the last run: nothing to read
      IndexStatus.Committed last = IndexStatus.committed(index);
      return upToDate(corpus.path(), index, last.paragraphs(), last.failed(), start, out);
    }
    return build(rebuild);
  }

  /**
   * Says on {@code out} that {@code target} is up to date with {@code corpus} (it holds {@code
   * paragraphs}; {@code failed} items failed in the run that wrote it); returns the report of a run
   * that read nothing, begun at {@code start} ({@link System#nanoTime()}).
   *
   * @param target where the paragraphs are: an index directory, or a description of a cluster
   */
  static IndexReport upToDate(
      Path corpus, Object target, long paragraphs, long failed, long start, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s → %s: up to date (the corpus files are unchanged since the last run); %d paragraphs in the index%s%n",
        corpus,
        target,
        paragraphs,
        failed == 0
            ? ""
            : "; " + failed + " items failed in that run (index --rebuild lists them again)");
    return new IndexReport(
        0,
        0,
        0,
        0,
        paragraphs,
        Map.of(),
        failed,
        List.of(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Updates the index when it is stale (see {@link IndexStatus#isStale}), printing {@code announce}
   * to {@code out} first; does nothing, and prints nothing, when it is up to date. Staleness is
   * checked once.
   *
   * @return whether the index was updated
   */
  boolean updateIfStale(String announce) throws IOException {
    if (!IndexStatus.isStale(corpus, index, EntityWiring.version())) return false;
    out.println(announce);
    build(false);
    return true;
  }

  /** Learns names, then indexes (or rebuilds), printing progress, failures and the report. */
  private IndexReport build(boolean rebuild) throws IOException {
    return runPipeline(
        corpus,
        index,
        out,
        err,
        indexer -> rebuild ? indexer.rebuild(corpus, index) : indexer.update(corpus, index));
  }

  /** One run of the indexing pipeline into a backend. */
  interface PipelineRun {
    IndexReport run(Indexer pipeline) throws IOException;
  }

  /**
   * Learns entity names from {@code corpus}, builds the pipeline (every core, progress on {@code
   * err}) and hands it to {@code run}; then prints the failures to {@code err} and the one-line
   * report to {@code out}. A corpus that is not there is a {@link UserException}.
   *
   * @param target where the paragraphs go (for the report): an index directory, or a cluster
   */
  static IndexReport runPipeline(
      CorpusReader corpus, Object target, PrintWriter out, PrintWriter err, PipelineRun run)
      throws IOException {
    ProgressPrinter progress = new ProgressPrinter(err, ProgressPrinter.stderrIsTerminal());
    progress.step(
        String.format(
            Locale.ROOT,
            "learning entity names from the first %,d paragraphs…",
            EntityWiring.LEARNING_SAMPLE));
    IndexReport report;
    try {
      report =
          run.run(
              new Indexer(
                  EntityWiring.learningFrom(corpus),
                  EntityWiring.version(),
                  Runtime.getRuntime().availableProcessors(),
                  progress));
    } catch (NoSuchFileException e) {
      throw new UserException("corpus not found: " + e.getFile(), Main.EXIT_FAILURE);
    } finally {
      progress.finish();
    }
    printFailures(report, err);
    out.println(summary(report, corpus.path(), target));
    return report;
  }

  /** Prints each failure of {@code report} (as many as it kept) and how many more there were. */
  static void printFailures(IndexReport report, PrintWriter err) {
    for (var f : report.failures()) err.println(f.source() + ": " + f.message());
    if (report.failureCount() > report.failures().size()) {
      err.println("… and " + (report.failureCount() - report.failures().size()) + " more failures");
    }
  }

  /**
   * The one-line report of a run that read the corpus.
   *
   * @param index where the paragraphs went: an index directory, or a description of a cluster
   */
  static String summary(IndexReport r, Path corpus, Object index) {
    Map<String, Long> dropped = new TreeMap<>();
    long total = 0;
    for (Map.Entry<DropReason, Long> e : r.dropped().entrySet()) {
      dropped.put(e.getKey().description(), e.getValue());
      total += e.getValue();
    }
    return String.format(
        Locale.ROOT,
        "%s → %s: %d articles indexed (%d paragraphs), %d unchanged, %d deleted; %d paragraphs in the index; "
            + "dropped %d junk lines %s; %d failed; %.1f s",
        corpus,
        index,
        r.indexed(),
        r.paragraphs(),
        r.unchanged(),
        r.deleted(),
        r.totalParagraphs(),
        total,
        dropped,
        r.failureCount(),
        r.millis() / 1000.0);
  }
}
