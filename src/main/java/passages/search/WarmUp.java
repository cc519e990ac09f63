package passages.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import passages.index.Fields;

/**
 * Warms a searcher before its first user query: runs searches of the index's most frequent words
 * (alone, in pairs and as phrases, with highlighting and facets, every fifth one collapsed) so the
 * JIT has compiled the hot paths. Best effort: a search over the budget is skipped.
 */
public final class WarmUp {
  /** Most words searched. */
  private static final int WORDS = 200;

  private WarmUp() {}

  /**
   * Searches {@code searcher} for about {@code time}. Returns the number of searches run: 0 for an
   * index with no frequent word.
   */
  public static int run(ParagraphSearcher searcher, Duration time) throws IOException {
    List<String> words = searcher.read(WarmUp::frequentWords);
    if (words.isEmpty()) return 0;
    long end = System.nanoTime() + time.toNanos();
    int runs = 0;
    for (int i = 0; System.nanoTime() < end; i++) {
      String a = words.get(i % words.size());
      String b = words.get((i * 7 + 3) % words.size());
      String q =
          switch (i % 3) {
            case 0 -> a;
            case 1 -> a + " " + b;
            default -> "\"" + a + " " + b + "\"";
          };
      try {
        // the search page's first request asks for the timeline too (this also reads the days into
        // memory)
        searcher.search(
            SearchRequest.of(q)
                .withCollapse(i % 5 == 4)
                .withTimeline(i % 2 == 0 ? Interval.AUTO : null));
      } catch (InvalidRequestException overBudget) {
        // a cold first search of a very frequent word can exceed the budget: warming is best effort
      }
      runs++;
    }
    return runs;
  }

  /**
   * Up to {@value #WORDS} words of letters in at least 1/200 of the largest segment's paragraphs,
   * in term order.
   */
  private static List<String> frequentWords(IndexReader reader) throws IOException {
    List<String> words = new ArrayList<>();
    if (reader.leaves().isEmpty()) return words;
    var leaf =
        reader.leaves().stream()
            .max(Comparator.comparingInt(l -> l.reader().maxDoc()))
            .orElseThrow();
    var terms = leaf.reader().terms(Fields.TEXT);
    if (terms == null) return words;
    var it = terms.iterator();
    int min = Math.max(2, leaf.reader().maxDoc() / 200);
    for (var t = it.next(); t != null && words.size() < WORDS; t = it.next()) {
      String w = t.utf8ToString();
      if (it.docFreq() >= min && w.chars().allMatch(Character::isLetter)) words.add(w);
    }
    return words;
  }
}
