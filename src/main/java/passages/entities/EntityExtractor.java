package passages.entities;

import java.util.List;
import passages.model.Entity;

/**
 * Finds entity mentions in one paragraph.
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
}
