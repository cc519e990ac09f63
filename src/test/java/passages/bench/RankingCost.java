package passages.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import passages.search.ParagraphSearcher;
import passages.search.Ranking;
import passages.search.SearchOptions;
import passages.search.SearchRequest;

/**
 * What the ranking costs: the benchmark's queries on one index, with {@link Ranking#TEXT_ONLY} and
 * with {@link Ranking#DEFAULTS}, interleaved query by query in one process so that load on the
 * machine hits both alike. Prints p50/p95 of each and their ratio, for top 10 and for highlight +
 * facets.
 *
 * <pre>java -cp … passages.bench.RankingCost INDEX ../shared/bench/queries.txt [rounds]</pre>
 */
public final class RankingCost {
  private RankingCost() {}

  /**
   * A ranking given as its eight numbers, comma-separated
   * (k1,b,title,headline,section,words,pivot,prose).
   */
  private static Ranking variant(String spec) {
    float[] v = new float[8];
    String[] parts = spec.split(",");
    for (int i = 0; i < 8; i++) v[i] = Float.parseFloat(parts[i]);
    return new Ranking(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
  }

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    List<String> queries =
        Files.readAllLines(Path.of(args[1])).stream().filter(q -> !q.isBlank()).toList();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Ranking other = args.length > 3 ? variant(args[3]) : Ranking.DEFAULTS;
    System.out.println("comparing " + other);
    try (var plain =
            new ParagraphSearcher(index, SearchOptions.DEFAULTS.withRanking(Ranking.TEXT_ONLY));
        var ranked = new ParagraphSearcher(index, SearchOptions.DEFAULTS.withRanking(other))) {
      for (boolean full : new boolean[] {false, true}) {
        long[][] t = new long[2][queries.size() * rounds];
        for (int r = -2; r < rounds; r++) { // two warm-up rounds
          for (int i = 0; i < queries.size(); i++) {
            SearchRequest req =
                SearchRequest.of(queries.get(i)).withHighlight(full).withFacets(full);
            for (int which = 0; which < 2; which++) {
              long start = System.nanoTime();
              (which == 0 ? plain : ranked).search(req);
              if (r >= 0) t[which][r * queries.size() + i] = System.nanoTime() - start;
            }
          }
        }
        double[] p50 = new double[2], p95 = new double[2];
        for (int w = 0; w < 2; w++) {
          Arrays.sort(t[w]);
          p50[w] = t[w][t[w].length / 2] / 1e6;
          p95[w] = t[w][(int) (t[w].length * 0.95)] / 1e6;
        }
        System.out.printf(
            Locale.ROOT,
            "%-22s text-only p50 %.2f p95 %.2f ms | ranked p50 %.2f p95 %.2f ms | ratio p50 %.2fx p95 %.2fx%n",
            full ? "highlight + facets" : "top 10",
            p50[0],
            p95[0],
            p50[1],
            p95[1],
            p50[1] / p50[0],
            p95[1] / p95[0]);
      }
    }
  }
}
