package passages.entities;

import java.util.ArrayList;
import java.util.List;
import passages.model.Entity;

/**
 * Finds entity mentions in one paragraph, or in the paragraphs of one article read together.
 *
 * <p>Implementations are immutable after construction and safe to share across threads.
 */
public interface EntityExtractor {

  /**
   * The mentions in {@code paragraphText}, sorted by start offset and non-overlapping (where two
   * candidates overlap, the longest wins).
   *
   * @param paragraphText the paragraph, never {@code null}; offsets refer to this exact string
   * @return the mentions, possibly empty, never {@code null}
   */
  List<Entity> extract(String paragraphText);

  /**
   * The mentions of each paragraph of one article, read as a whole: an implementation may use what
   * one paragraph says to type another (a surname alone after the full name, a name typed by its
   * context once and bare elsewhere). The default reads each paragraph alone.
   *
   * @param paragraphTexts the article's paragraphs in reading order, none {@code null}
   * @return one list per paragraph, in the same order, each as {@link #extract} describes
   */
  default List<List<Entity>> extractArticle(List<String> paragraphTexts) {
    List<List<Entity>> out = new ArrayList<>(paragraphTexts.size());
    for (String p : paragraphTexts) out.add(extract(p));
    return out;
  }
}
