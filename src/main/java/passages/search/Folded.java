package passages.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranked hits with the copies of a text folded into the first of them: {@code others.get(i)} are
 * the copies of {@code firsts.get(i)} (at most {@value SearchBackend#MAX_ALSO_IN}), in rank order.
 * A copy is a hit with the same text signature (case, punctuation and spacing ignored: wire copy).
 *
 * @param <T> a backend's ranked hit
 */
public record Folded<T>(List<T> firsts, List<List<T>> others) {
  /**
   * Folds {@code ranked}, whose hit {@code i} has text signature {@code signatures[i]}.
   *
   * @throws IllegalArgumentException when the lengths differ
   */
  public static <T> Folded<T> of(List<T> ranked, long[] signatures) {
    if (ranked.size() != signatures.length)
      throw new IllegalArgumentException(
          ranked.size() + " hits, " + signatures.length + " signatures");
    List<T> firsts = new ArrayList<>();
    List<List<T>> others = new ArrayList<>();
    Map<Long, Integer> bySignature = new HashMap<>();
    for (int i = 0; i < signatures.length; i++) {
      Integer first = bySignature.putIfAbsent(signatures[i], firsts.size());
      if (first == null) {
        firsts.add(ranked.get(i));
        others.add(new ArrayList<>());
      } else if (others.get(first).size() < SearchBackend.MAX_ALSO_IN) {
        others.get(first).add(ranked.get(i));
      }
    }
    return new Folded<>(firsts, others);
  }
}
