package passages.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load in this JVM: {@code clients} threads, each sending its next request as soon as
 * the last one is answered, for a fixed time; what wrk does, for when wrk is not installed and for
 * the OpenSearch side by side. Client {@code c} starts at request number {@code 13 c}, so the
 * clients do not send the same query at the same moment.
 */
final class ClosedLoad {
  /** Request number {@code i} (the caller maps it onto its queries); throws when it failed. */
  interface Request {
    Object send(int i) throws Exception;
  }

  private ClosedLoad() {}

  /**
   * Runs the load and describes it: "16 Java clients, 20 s: 795 requests/s, 0 errors", the rate
   * with {@code decimals} decimals.
   */
  static String run(int clients, int seconds, int decimals, Request request)
      throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int offset = c * 13;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                      try {
                        request.send(i);
                        ok.incrementAndGet();
                      } catch (Exception e) {
                        errors.incrementAndGet();
                      }
                    }
                  }));
    }
    for (Thread t : threads) t.join();
    return String.format(
        Locale.ROOT,
        "%d Java clients, %d s: %,." + decimals + "f requests/s, %d errors",
        clients,
        seconds,
        ok.get() / (double) seconds,
        errors.get());
  }
}
