package passages.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import passages.index.IndexProgress;

/**
 * Prints indexing progress to stderr: a bar redrawn in place on a terminal (articles/s,
 * paragraphs/s, ETA), plain lines every {@value #PLAIN_INTERVAL_MS} ms otherwise (logs, CI). The
 * steps before and after reading (learning names, merging) are named as they start: in place on a
 * terminal; in plain lines only once the run has printed progress (a short run prints none).
 */
final class ProgressPrinter implements Consumer<IndexProgress> {
  static final long TERMINAL_INTERVAL_MS = 250;
  static final long PLAIN_INTERVAL_MS = 10_000;

  private final PrintWriter err;
  private final boolean terminal;
  private long lastPrinted;
  private boolean drew;
  private boolean printed;

  ProgressPrinter(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void accept(IndexProgress p) {
    if (p.merging()) {
      step(format(p));
      return;
    }
    long interval = terminal ? TERMINAL_INTERVAL_MS : PLAIN_INTERVAL_MS;
    if (p.millis() - lastPrinted < interval) return;
    lastPrinted = p.millis();
    print(format(p));
  }

  /** Names a step that starts now (see the class comment). */
  void step(String message) {
    if (terminal || printed) print(message);
  }

  private void print(String line) {
    if (terminal) {
      err.print("\r" + line + "\u001b[K");
      drew = true;
    } else {
      err.println(line);
    }
    printed = true;
    err.flush();
  }

  /**
   * Whether the process talks to a terminal. {@code Console.isTerminal()} (Java 22+) is asked when
   * it exists, since from 22 on {@code System.console()} is non-null even when output is
   * redirected.
   */
  static boolean stderrIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) return false;
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Ends the in-place bar with a newline, so the next output starts on a fresh line. */
  void finish() {
    if (drew) {
      err.println();
      err.flush();
    }
  }

  static String format(IndexProgress p) {
    double seconds = Math.max(p.millis(), 1) / 1000.0;
    double fraction =
        p.totalBytes() <= 0 ? 0 : Math.min(1.0, p.bytesRead() / (double) p.totalBytes());
    int width = 24;
    int filled = (int) Math.round(fraction * width);
    String bar = "#".repeat(filled) + ".".repeat(width - filled);
    String eta =
        p.merging()
            ? "merging into one segment…"
            : "ETA " + (fraction <= 0.001 ? "?" : clock(seconds / fraction - seconds));
    return String.format(
        Locale.ROOT,
        "[%s] %3.0f%%  %,d articles (%,.0f/s)  %,d paragraphs (%,.0f/s)  %s",
        bar,
        fraction * 100,
        p.articles(),
        p.articles() / seconds,
        p.paragraphs(),
        p.paragraphs() / seconds,
        eta);
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
