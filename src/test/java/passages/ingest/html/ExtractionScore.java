package passages.ingest.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ScrapingHub article-extraction metric, ported from /work/shared/tools/extract-eval/eval.py:
 * tokens are runs of Unicode word characters (Python's {@code \w}), shingles are runs of 4 tokens
 * (a text of 1-3 tokens is one shingle), per-page tp/fp/fn over shingle multisets are scaled to sum
 * 1, P and R are means over the pages with something to score, F1 is the harmonic mean of P and R.
 */
final class ExtractionScore {
  private final List<double[]> pages = new ArrayList<>();

  /** Adds one page: its ground truth and the prediction ("" for a failure). */
  void add(String truth, String prediction) {
    Map<String, Integer> t = shingles(tokens(truth));
    Map<String, Integer> p = shingles(tokens(prediction));
    int tp = 0, fp = 0, fn = 0;
    for (var e : p.entrySet()) {
      int shared = Math.min(e.getValue(), t.getOrDefault(e.getKey(), 0));
      tp += shared;
      fp += e.getValue() - shared;
    }
    for (var e : t.entrySet()) fn += Math.max(0, e.getValue() - p.getOrDefault(e.getKey(), 0));
    double total = tp + fp + fn;
    pages.add(total == 0 ? new double[3] : new double[] {tp / total, fp / total, fn / total});
  }

  double precision() {
    return mean(0, 1);
  }

  double recall() {
    return mean(0, 2);
  }

  double f1() {
    double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  int size() {
    return pages.size();
  }

  /**
   * Mean of tp/(tp+x) over pages with tp+x > 0, where x is fp (precision) or fn (recall); 1 when fp
   * = fn = 0.
   */
  private double mean(int tp, int x) {
    double sum = 0;
    int n = 0;
    for (double[] c : pages) {
      if (c[0] + c[x] <= 0) continue;
      sum += c[1] == 0 && c[2] == 0 ? 1.0 : c[tp] / (c[tp] + c[x]);
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }

  /** Maximal runs of Python {@code \w} characters: letters, numbers (Nd, Nl, No) and underscore. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean word = isWord(cp);
      if (word && start < 0) start = i;
      if (!word && start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) out.add(text.substring(start));
    return out;
  }

  private static boolean isWord(int cp) {
    if (cp == '_') return true;
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** Multiset of 4-token shingles, each keyed by its tokens joined with U+0000. */
  static Map<String, Integer> shingles(List<String> tokens) {
    Map<String, Integer> out = new HashMap<>();
    if (tokens.isEmpty()) return out;
    int n = Math.min(4, tokens.size());
    for (int i = 0; i + n <= tokens.size(); i++)
      out.merge(String.join("\u0000", tokens.subList(i, i + n)), 1, Integer::sum);
    return out;
  }
}
