package passages.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import passages.ingest.CorpusReader;
import passages.search.ParagraphSearcher;

/**
 * Keeps a serving searcher current: every {@value #PERIOD_MILLIS} ms it opens the index's newest
 * commit (made by another {@code passages index}, for instance) and, when watching, re-indexes the
 * corpus as soon as its files change. One background thread; failures are reported and retried,
 * never fatal.
 */
final class IndexFollower implements AutoCloseable {
  static final long PERIOD_MILLIS = 1000;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "passages-index-follower");
            t.setDaemon(true);
            return t;
          });

  IndexFollower(
      ParagraphSearcher searcher,
      CorpusReader corpus,
      Path index,
      boolean watch,
      PrintWriter out,
      PrintWriter err) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            if (watch)
              new IndexJob(new CorpusReader(corpus.path()), index, out, err)
                  .updateIfStale("corpus changed: updating the index");
            searcher.refresh();
          } catch (IOException | RuntimeException e) {
            err.println("passages: index update failed, will retry: " + e.getMessage());
          }
        },
        PERIOD_MILLIS,
        PERIOD_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
