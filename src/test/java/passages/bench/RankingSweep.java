package passages.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import passages.bench.RelevanceMetrics.QueryScore;
import passages.search.ParagraphSearcher;
import passages.search.Ranking;
import passages.search.SearchOptions;

/**
 * Tunes {@link Ranking} on the judged relevance set without overfitting all of it: settings are
 * scored on the queries with an odd number ({@code b01}, {@code a03}, …: the tuning half) and
 * chosen by P@3, then nDCG@10, one knob at a time (two rounds of coordinate descent); the best is
 * then reported on the even half, which took no part in choosing it, and on all.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=passages.bench.RankingSweep \
 *     -Dexec.args="/work/idx/rank src/test/resources/relevance"
 * </pre>
 */
public final class RankingSweep {
  private RankingSweep() {}

  public static void main(String[] args) throws IOException {
    Path index = Path.of(args[0]);
    RelevanceEval eval =
        new RelevanceEval(
            RelevanceSet.read(Path.of(args.length > 1 ? args[1] : "src/test/resources/relevance")));
    if (args.length > 2 && args[2].equals("pool")) {
      pool(index, eval, Path.of(args[3]));
      return;
    }
    // coordinate descent from plain BM25 plus the fields: each round tries every value of one knob
    // at a
    // time, keeping the best on the tuning half; two rounds
    float[][] values = {
      {0.75f, 0.5f, 0.3f}, // b
      {0f, 0.3f, 1f}, // titleBoost
      {0.1f, 0.3f, 1f}, // headlineBoost
      {0f, 0.3f}, // sectionBoost
      {0f, 1f, 2f, 4f}, // wordsWeight
      {10f, 25f}, // wordsPivot
      {0f, 1f, 2f}
    }; // proseWeight
    Ranking best = new Ranking(1.2f, 0.75f, 0f, 1f, 0.3f, 0f, 10f, 0f);
    double[] bestScore = mean(run(index, eval, best), 1);
    for (int round = 0; round < 2; round++) {
      for (int knob = 0; knob < values.length; knob++) {
        for (float v : values[knob]) {
          Ranking r = with(best, knob, v);
          if (r.equals(best)) continue;
          double[] tune = mean(run(index, eval, r), 1);
          System.out.printf(Locale.ROOT, "%-130s tune P@3 %.3f nDCG %.3f%n", r, tune[0], tune[1]);
          if (tune[0] > bestScore[0] + 1e-9
              || Math.abs(tune[0] - bestScore[0]) < 1e-9 && tune[1] > bestScore[1] + 1e-9) {
            best = r;
            bestScore = tune;
          }
        }
      }
    }
    var report = run(index, eval, best);
    System.out.println("best on the tuning half: " + best);
    System.out.printf(
        Locale.ROOT,
        "tune half P@3 %.3f nDCG %.3f; check half P@3 %.3f nDCG %.3f%n",
        bestScore[0],
        bestScore[1],
        mean(report, 0)[0],
        mean(report, 0)[1]);
    System.out.println(report.toMarkdown());
  }

  private static Ranking with(Ranking r, int knob, float v) {
    return new Ranking(
        r.k1(),
        knob == 0 ? v : r.b(),
        knob == 1 ? v : r.titleBoost(),
        knob == 2 ? v : r.headlineBoost(),
        knob == 3 ? v : r.sectionBoost(),
        knob == 4 ? v : r.wordsWeight(),
        knob == 5 ? v : r.wordsPivot(),
        knob == 6 ? v : r.proseWeight());
  }

  /** Rankings whose top 10 are pooled for labelling: the candidates the sweep moves between. */
  static final List<Ranking> CANDIDATES =
      List.of(
          Ranking.DEFAULTS,
          Ranking.TEXT_ONLY,
          new Ranking(1.2f, 0.5f, 0.3f, 1f, 0.3f, 2f, 25f, 2f),
          new Ranking(1.2f, 0.3f, 0f, 1f, 0.3f, 4f, 25f, 2f),
          new Ranking(1.2f, 0.75f, 0f, 1f, 0.3f, 0f, 10f, 2f),
          new Ranking(1.2f, 0.75f, 1f, 1f, 0.3f, 2f, 10f, 1f));

  /**
   * Writes the unjudged top-10 hits of every candidate ranking, each (query, paragraph) once, to
   * {@code out}.
   */
  private static void pool(Path index, RelevanceEval eval, Path out) throws IOException {
    java.util.Map<String, String> rows = new java.util.LinkedHashMap<>();
    for (Ranking r : CANDIDATES) {
      for (String row : run(index, eval, r).poolRows()) {
        String[] f = row.split("\t", 4);
        rows.putIfAbsent(f[0] + "\t" + f[1] + "\t" + f[2], row);
      }
    }
    List<String> sorted = new ArrayList<>(rows.values());
    sorted.sort(java.util.Comparator.comparing(row -> row.substring(0, row.indexOf('\t'))));
    java.nio.file.Files.write(out, sorted);
    System.out.println(sorted.size() + " unjudged (query, paragraph) pairs written to " + out);
  }

  private static RelevanceEval.Report run(Path index, RelevanceEval eval, Ranking ranking)
      throws IOException {
    try (ParagraphSearcher searcher =
        new ParagraphSearcher(index, SearchOptions.DEFAULTS.withRanking(ranking))) {
      return eval.run(searcher);
    }
  }

  /** Mean P@3 and nDCG@10 over the queries whose number is odd ({@code parity} 1) or even (0). */
  private static double[] mean(RelevanceEval.Report report, int parity) {
    double p3 = 0, ndcg = 0;
    int n = 0;
    for (var run : report.queries()) {
      int number = Integer.parseInt(run.query().id().substring(1));
      if (number % 2 != parity) continue;
      QueryScore s = run.score();
      p3 += s.p3();
      ndcg += s.ndcg();
      n++;
    }
    return new double[] {p3 / n, ndcg / n};
  }
}
