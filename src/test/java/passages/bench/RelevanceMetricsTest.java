package passages.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import passages.bench.RelevanceMetrics.QueryScore;
import passages.bench.RelevanceMetrics.Summary;
import passages.bench.RelevanceSet.Judgment;
import passages.bench.RelevanceSet.Label;
import passages.bench.RelevanceSet.ParagraphKey;

/** The metric arithmetic on hand-given rankings, with values worked out by hand. */
class RelevanceMetricsTest {
  static final ParagraphKey A = new ParagraphKey("a", 1),
      B = new ParagraphKey("a", 2),
      C = new ParagraphKey("b", 1),
      D = new ParagraphKey("b", 2),
      E = new ParagraphKey("c", 1),
      U = new ParagraphKey("u", 9);

  static Judgment j(ParagraphKey k, Label label, int grade) {
    return new Judgment("q", k, label, grade, "");
  }

  static final Map<ParagraphKey, Judgment> JUDGED =
      Map.of(
          A, j(A, Label.SUBSTANTIVE, 3),
          B, j(B, Label.FRAGMENT, 2), // a fragment gains nothing, whatever its grade
          C, j(C, Label.JUNK, 0),
          D, j(D, Label.SUBSTANTIVE, 1),
          E, j(E, Label.SUBSTANTIVE, 0)); // substantive but not on the topic: not good

  @Test
  void score_mixedRanking_countsAndDiscountedGains() {
    QueryScore s = RelevanceMetrics.score(List.of(B, C, A, U, D, E), JUDGED);

    assertEquals(new QueryScore(6, 1, 2, 1, 1, s.ndcg()), s);
    // DCG = 3/log2(4) + 1/log2(6) = 1.5 + 0.3868528 = 1.8868528; ideal = 3 + 1/log2(3) = 3.6309298
    assertEquals(0.519661, s.ndcg(), 1e-6);
    assertEquals(1 / 3.0, s.p3(), 1e-12);
    assertEquals(0.2, s.p10(), 1e-12);
  }

  @Test
  void score_idealOrder_ndcgOne() {
    assertEquals(1.0, RelevanceMetrics.score(List.of(A, D, B, C, E), JUDGED).ndcg(), 1e-12);
  }

  @Test
  void score_onlyTheFirstTenCount() {
    List<ParagraphKey> ranking = List.of(U, U, U, U, U, U, U, U, U, U, A, D);

    assertEquals(new QueryScore(10, 0, 0, 0, 10, 0.0), RelevanceMetrics.score(ranking, JUDGED));
  }

  @Test
  void score_noJudgmentsOrNoHits_zeros() {
    assertEquals(
        new QueryScore(2, 0, 0, 0, 2, 0.0), RelevanceMetrics.score(List.of(A, B), Map.of()));
    assertEquals(new QueryScore(0, 0, 0, 0, 0, 0.0), RelevanceMetrics.score(List.of(), JUDGED));
  }

  @Test
  void summarize_meansOfPrecisionAndNdcg_junkPooledOverHits() {
    var first = new QueryScore(10, 3, 6, 1, 0, 0.5);
    var second = new QueryScore(4, 0, 1, 2, 3, 0.25);

    Summary s = RelevanceMetrics.summarize(List.of(first, second));

    assertEquals(2, s.queries());
    assertEquals(0.5, s.p3(), 1e-12); // (1 + 0) / 2
    assertEquals(0.35, s.p10(), 1e-12); // (0.6 + 0.1) / 2
    assertEquals(3 / 14.0, s.junkRate(), 1e-12);
    assertEquals(0.375, s.ndcg(), 1e-12);
    assertEquals(14, s.hits());
    assertEquals(3, s.unjudged());
    assertEquals(new Summary(0, 0, 0, 0, 0, 0, 0), RelevanceMetrics.summarize(List.of()));
  }
}
