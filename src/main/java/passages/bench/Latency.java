package passages.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency percentiles of one timed pass, in milliseconds (nearest-rank, as ../shared/bench does
 * it).
 */
record Latency(double p50, double p95, double p99, double totalMs) {
  static Latency of(double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    return new Latency(pct(s, 50), pct(s, 95), pct(s, 99), Arrays.stream(s).sum());
  }

  /** The median pass of several, by total time. */
  static Latency median(Latency... passes) {
    Latency[] sorted = passes.clone();
    Arrays.sort(sorted, (a, b) -> Double.compare(a.totalMs, b.totalMs));
    return sorted[sorted.length / 2];
  }

  private static double pct(double[] sorted, int p) {
    int k = (int) Math.max(1, Math.ceil(p * sorted.length / 100.0));
    return sorted[Math.min(k, sorted.length) - 1];
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", p50, p95, p99);
  }
}
