package passages.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import passages.model.Paragraph;

/**
 * The cleaned paragraph texts of a whole corpus as a one-shot {@link Iterable}, for passes that
 * learn from the corpus (entity names). Items are loaded on {@code threads} workers and handed out
 * in reading order, so a bounded sample is the same paragraphs on every run (and so are the names
 * learned from it); bounded queues keep memory flat. Failed items are skipped (the indexing pass
 * reports them).
 */
public final class ParagraphStream implements Iterable<String> {
  private static final String END = new String("end of corpus");

  private final CorpusReader corpus;
  private final int threads;
  private final long maxParagraphs;
  private final int oneIn;
  private final java.util.concurrent.atomic.AtomicLong produced =
      new java.util.concurrent.atomic.AtomicLong();
  private boolean used;

  /** All paragraphs of {@code corpus}. */
  public ParagraphStream(CorpusReader corpus, int threads) {
    this(corpus, threads, Long.MAX_VALUE);
  }

  /**
   * The paragraphs of {@code corpus} in reading order until about {@code maxParagraphs} (a bounded
   * sample).
   */
  public ParagraphStream(CorpusReader corpus, int threads, long maxParagraphs) {
    this(corpus, threads, maxParagraphs, 1);
  }

  /**
   * The paragraphs of one item in {@code oneIn} of {@code corpus} (the first, then every {@code
   * oneIn}-th in reading order: a sample spread over the whole corpus, the same on every run) until
   * about {@code maxParagraphs}.
   *
   * @throws IllegalArgumentException when {@code oneIn} is below 1
   */
  public ParagraphStream(CorpusReader corpus, int threads, long maxParagraphs, int oneIn) {
    if (oneIn < 1) throw new IllegalArgumentException("oneIn must be >= 1, got " + oneIn);
    this.corpus = corpus;
    this.threads = Math.max(1, threads);
    this.maxParagraphs = maxParagraphs;
    this.oneIn = oneIn;
  }

  /** Thrown inside the reader's callback to stop reading once the sample is full. */
  private static final class Enough extends RuntimeException {
    Enough() {
      super(null, null, false, false);
    }
  }

  @Override
  public synchronized Iterator<String> iterator() {
    if (used) throw new IllegalStateException("a ParagraphStream can be iterated once");
    used = true;
    BlockingQueue<String> queue = new ArrayBlockingQueue<>(16_384);
    Thread producer =
        Thread.ofPlatform().daemon().name("passages-paragraph-stream").start(() -> produce(queue));
    return new Iterator<>() {
      private String next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          try {
            next = queue.take();
          } catch (InterruptedException e) {
            producer.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the corpus", e);
          }
        }
        return next != END;
      }

      @Override
      public String next() {
        if (!hasNext()) throw new NoSuchElementException();
        String s = next;
        next = null;
        return s;
      }
    };
  }

  private void produce(BlockingQueue<String> queue) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore inFlight = new Semaphore(threads * 8);
    InOrder inOrder = new InOrder(queue, inFlight);
    try {
      long[] seq = {0};
      long[] items = {0};
      corpus.read(
          item -> {
            if (inOrder.full()) throw new Enough();
            if (items[0]++ % oneIn != 0) return; // not in the sample
            inFlight.acquireUninterruptibly();
            long mine = seq[0]++;
            pool.execute(
                () -> {
                  List<String> texts = new ArrayList<>();
                  try {
                    if (item.load() instanceof IngestResult.Ingested in) {
                      for (Paragraph p : in.article().paragraphs()) texts.add(p.text());
                    }
                  } finally {
                    inOrder.done(mine, texts);
                  }
                });
          });
    } catch (Enough e) {
      // sample complete
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      pool.shutdown();
      try {
        pool.awaitTermination(1, TimeUnit.DAYS);
        queue.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Puts the paragraphs of loaded items on the queue in reading order (item {@code n} waits for
   * items before it), up to the sample size; each item leaves its in-flight permit when it is
   * passed on.
   */
  private final class InOrder {
    private final BlockingQueue<String> queue;
    private final Semaphore inFlight;
    private final Map<Long, List<String>> waiting = new HashMap<>();
    private long next;
    private volatile boolean full;

    InOrder(BlockingQueue<String> queue, Semaphore inFlight) {
      this.queue = queue;
      this.inFlight = inFlight;
    }

    boolean full() {
      return full;
    }

    synchronized void done(long seq, List<String> texts) {
      waiting.put(seq, texts);
      for (List<String> ready; (ready = waiting.remove(next)) != null; next++) {
        inFlight.release();
        if (full) continue;
        try {
          for (String t : ready) queue.put(t);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          full = true;
          continue;
        }
        if (produced.addAndGet(ready.size()) >= maxParagraphs) full = true;
      }
    }
  }
}
