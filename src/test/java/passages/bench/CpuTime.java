package passages.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.Query;
import passages.search.Interval;
import passages.search.ParagraphSearcher;
import passages.search.SearchOptions;
import passages.search.SearchRequest;

/**
 * The CPU a query costs, passages against the raw-Lucene baseline: the benchmark's queries in one
 * of its modes, each run on the baseline then on passages, one thread (no split across cores), the
 * thread's CPU time per query. On a machine shared with other work wall-clock latency mostly
 * measures the others; the CPU time a query takes is steadier, so this is what changes to the
 * search path are compared with. Prints per round p50/p95 of each and the ratio of the p95s; the
 * last round lists the ten queries dearest for passages.
 *
 * <pre>
 * java -cp … passages.bench.CpuTime BASELINE_INDEX PASSAGES_INDEX ../shared/bench/queries.txt [rounds] [mode]
 * </pre>
 *
 * The two indexes are those {@code ./passages bench} leaves in {@code target/bench} ({@code
 * baseline}, {@code passages}); mode is one of {@link Mode}'s names (default {@code FACETS}).
 */
public final class CpuTime {
  private CpuTime() {}

  public static void main(String[] args) throws Exception {
    Path base = Path.of(args[0]);
    Path ours = Path.of(args[1]);
    List<String> queries =
        Files.readAllLines(Path.of(args[2])).stream().filter(q -> !q.isBlank()).toList();
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    Mode mode = args.length > 4 ? Mode.valueOf(args[4]) : Mode.FACETS;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    SearchOptions oneThread = SearchOptions.DEFAULTS.withPartitionFrom(Integer.MAX_VALUE);
    try (Baseline baseline = new Baseline();
        ParagraphSearcher passages = new ParagraphSearcher(ours, oneThread)) {
      baseline.open(base);
      List<Query> baseQueries = queries.stream().map(Baseline::parse).toList();
      for (int r = 0; r < rounds; r++) {
        double[] b = new double[queries.size()], p = new double[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
          SearchRequest request =
              SearchRequest.of(queries.get(i))
                  .withHighlight(mode.highlight)
                  .withFacets(mode.facets);
          if (mode == Mode.TIMELINE) request = request.withTimeline(Interval.MONTH);
          long t0 = cpu.getCurrentThreadCpuTime();
          baseline.run(baseQueries.get(i), mode);
          long t1 = cpu.getCurrentThreadCpuTime();
          passages.search(request);
          long t2 = cpu.getCurrentThreadCpuTime();
          b[i] = (t1 - t0) / 1e6;
          p[i] = (t2 - t1) / 1e6;
        }
        if (r == rounds - 1) dearest(queries, b, p);
        double[] bs = b.clone(), ps = p.clone();
        Arrays.sort(bs);
        Arrays.sort(ps);
        int p50 = bs.length / 2, p95 = (int) (bs.length * 0.95);
        System.out.printf(
            Locale.ROOT,
            "round %d, %s: baseline p50 %.2f p95 %.2f ms | passages p50 %.2f p95 %.2f ms | p95"
                + " ratio %.2f%n",
            r,
            mode.label,
            bs[p50],
            bs[p95],
            ps[p50],
            ps[p95],
            ps[p95] / bs[p95]);
      }
    }
  }

  /** Prints the ten queries that cost passages the most CPU, with the baseline's cost. */
  private static void dearest(List<String> queries, double[] base, double[] ours) {
    Integer[] order = new Integer[queries.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> Double.compare(ours[y], ours[x]));
    for (int k = 0; k < Math.min(10, order.length); k++) {
      int i = order[k];
      System.out.printf(
          Locale.ROOT, "  %7.2f ms (baseline %.2f)  %s%n", ours[i], base[i], queries.get(i));
    }
  }
}
