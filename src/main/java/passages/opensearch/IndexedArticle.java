package passages.opensearch;

import java.util.List;
import passages.model.Article;
import passages.model.Entity;

/**
 * An article as the indexers receive it: the cleaned article, the entity mentions of each paragraph
 * (in paragraph order, one list per paragraph), and its content hash (what {@code
 * passages.index.Indexer} computes: a changed hash means the article must be replaced).
 */
public record IndexedArticle(Article article, List<List<Entity>> entities, String hash) {
  public IndexedArticle {
    entities = entities.stream().map(List::copyOf).toList();
    if (entities.size() != article.paragraphs().size()) {
      throw new IllegalArgumentException(
          "article '"
              + article.id()
              + "' has "
              + article.paragraphs().size()
              + " paragraphs but "
              + entities.size()
              + " entity lists");
    }
    if (hash == null || hash.isBlank())
      throw new IllegalArgumentException("article '" + article.id() + "' has no hash");
  }
}
