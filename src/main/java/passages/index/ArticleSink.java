package passages.index;

import java.io.IOException;
import java.util.List;
import passages.model.Article;
import passages.model.Entity;

/**
 * Where an indexing run ({@link Indexer#feed}) writes a new or changed article: all its paragraphs
 * at once, replacing whatever the target held for the same article id. Called from several worker
 * threads at once (never twice at once for the same article id).
 */
@FunctionalInterface
public interface ArticleSink {
  /**
   * Writes {@code article}.
   *
   * @param mentions the entity mentions of each paragraph, in paragraph order
   * @param hash the article's content hash as indexed (a changed hash means a changed article)
   * @throws IOException when the target fails; the run stops with it
   */
  void write(Article article, List<List<Entity>> mentions, String hash) throws IOException;
}
