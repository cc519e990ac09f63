package passages.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** What both benchmarks need: index folders' sizes and removal, and their report's number cells. */
final class BenchFiles {
  private BenchFiles() {}

  /** Seconds with one decimal, or "reused, not timed" for NaN (a run on indexes built earlier). */
  static String seconds(double s) {
    return Double.isNaN(s) ? "reused, not timed" : String.format(Locale.ROOT, "%.1f", s);
  }

  /** A rate with thousands separators, or "–" for NaN. */
  static String rate(double r) {
    return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%,.0f", r);
  }

  /** Bytes of the regular files below {@code dir}. */
  static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /** Deletes {@code p} and everything below it; nothing when it does not exist. */
  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList())
        Files.delete(x);
    }
  }
}
