package passages.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import passages.bench.RelevanceSet.Judgment;
import passages.bench.RelevanceSet.Label;
import passages.bench.RelevanceSet.ParagraphKey;

/**
 * The arithmetic of the relevance set: scores of one query's top 10 against its judgments, and
 * their means. A "good" hit is labelled {@code substantive} with grade >= 1; the gain of a hit in
 * nDCG is the grade of a substantive paragraph and 0 for every other label or an unjudged hit.
 */
public final class RelevanceMetrics {
  /** Depth of every measure. */
  public static final int DEPTH = 10;

  private RelevanceMetrics() {}

  /**
   * Scores of one query.
   *
   * @param hits hits returned in the top 10 (0..10)
   * @param good3 good hits at positions 1-3
   * @param good10 good hits at positions 1-10
   * @param junk hits labelled junk at positions 1-10
   * @param unjudged hits at positions 1-10 with no judgment for the query
   * @param ndcg nDCG@10 (linear gain, log2(rank + 1) discount; the ideal ranking is the query's
   *     judged paragraphs by gain); 0 when no judged paragraph has a gain
   */
  public record QueryScore(int hits, int good3, int good10, int junk, int unjudged, double ndcg) {
    /** Precision at 3: good hits among positions 1-3, over 3. */
    public double p3() {
      return good3 / 3.0;
    }

    /** Precision at 10: good hits among positions 1-10, over 10. */
    public double p10() {
      return good10 / (double) DEPTH;
    }
  }

  /**
   * Means over a group of queries.
   *
   * @param queries number of queries
   * @param p3 mean P@3
   * @param p10 mean P@10
   * @param junkRate junk hits over all hits returned (pooled over the queries; 0 when there are
   *     none)
   * @param ndcg mean nDCG@10
   * @param hits hits returned, summed
   * @param unjudged unjudged hits, summed
   */
  public record Summary(
      int queries, double p3, double p10, double junkRate, double ndcg, int hits, int unjudged) {}

  /**
   * Scores {@code ranking} (best first; only the first 10 count) against one query's {@code
   * judgments}.
   */
  public static QueryScore score(
      List<ParagraphKey> ranking, Map<ParagraphKey, Judgment> judgments) {
    int n = Math.min(DEPTH, ranking.size());
    int good3 = 0, good10 = 0, junk = 0, unjudged = 0;
    double dcg = 0;
    for (int i = 0; i < n; i++) {
      Judgment j = judgments.get(ranking.get(i));
      if (j == null) {
        unjudged++;
        continue;
      }
      if (j.good()) {
        good10++;
        if (i < 3) good3++;
      }
      if (j.label() == Label.JUNK) junk++;
      dcg += j.gain() / log2(i + 2);
    }
    double ideal = idealDcg(judgments.values());
    return new QueryScore(n, good3, good10, junk, unjudged, ideal == 0 ? 0 : dcg / ideal);
  }

  /** Means of {@code scores} (a junk rate of 0 and means of 0 when the list is empty). */
  public static Summary summarize(Collection<QueryScore> scores) {
    int q = scores.size();
    double p3 = 0, p10 = 0, ndcg = 0;
    int hits = 0, junk = 0, unjudged = 0;
    for (QueryScore s : scores) {
      p3 += s.p3();
      p10 += s.p10();
      ndcg += s.ndcg();
      hits += s.hits();
      junk += s.junk();
      unjudged += s.unjudged();
    }
    return q == 0
        ? new Summary(0, 0, 0, 0, 0, 0, 0)
        : new Summary(
            q, p3 / q, p10 / q, hits == 0 ? 0 : junk / (double) hits, ndcg / q, hits, unjudged);
  }

  private static double idealDcg(Collection<Judgment> judged) {
    int[] gains = judged.stream().mapToInt(Judgment::gain).sorted().toArray();
    double ideal = 0;
    for (int i = 0; i < DEPTH && i < gains.length; i++)
      ideal += gains[gains.length - 1 - i] / log2(i + 2);
    return ideal;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
