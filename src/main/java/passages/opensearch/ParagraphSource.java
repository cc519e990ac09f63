package passages.opensearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import passages.index.Fields;
import passages.index.ParagraphDocuments;
import passages.model.Article;
import passages.model.ArticleIds;
import passages.model.Entity;
import passages.model.EntityType;
import passages.model.Paragraph;

/**
 * The OpenSearch document ({@code _source}) of one paragraph: the fields of {@code
 * paragraph-index.json}'s mapping, named as in {@link Fields}, plus the two version fields of
 * {@link ParagraphWriter}: {@code run} (the write run that added it) and, once a later run replaces
 * its article, {@code supersededBy}.
 */
final class ParagraphSource {
  static final String RUN = "run";
  static final String SUPERSEDED_BY = "supersededBy";

  private ParagraphSource() {}

  /**
   * The document id of a paragraph version: {@code <paragraph id>.<first 12 chars of the article
   * hash>}, so a new version of an article never overwrites the old one before the swap, and the
   * same version always gets the same id (a re-run overwrites, never doubles).
   */
  static String id(Article article, Paragraph p, String hash) {
    return ArticleIds.paragraphId(article.id(), p.ordinal())
        + "."
        + hash.substring(0, Math.min(12, hash.length()));
  }

  static Map<String, Object> of(IndexedArticle a, Paragraph p, long run) {
    Article article = a.article();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(Fields.ARTICLE_ID, article.id());
    doc.put(Fields.PARAGRAPH, p.ordinal());
    if (p.section() != null) doc.put(Fields.SECTION, p.section());
    doc.put(Fields.TITLE, article.title());
    if (article.outlet() != null) doc.put(Fields.OUTLET, article.outlet());
    if (article.url() != null) doc.put(Fields.URL, article.url());
    if (article.date() != null) doc.put(Fields.DATE, article.date());
    doc.put(Fields.TEXT, p.text());
    doc.put(Fields.ARTICLE_HASH, a.hash());
    doc.put(Fields.SIGNATURE, ParagraphDocuments.signature(p.text()));
    List<Entity> entities = a.entities().get(p.ordinal() - 1);
    if (entities.isEmpty() == false) {
      Map<EntityType, Set<String>> values = new LinkedHashMap<>();
      List<Map<String, Object>> mentions = new ArrayList<>();
      for (Entity e : entities) {
        values.computeIfAbsent(e.type(), t -> new LinkedHashSet<>()).add(e.value());
        mentions.add(
            Map.of("type", e.type().key(), "value", e.value(), "start", e.start(), "end", e.end()));
      }
      values.forEach((type, v) -> doc.put(type.key(), List.copyOf(v)));
      doc.put(Fields.ENTITIES, mentions);
    }
    doc.put(RUN, run);
    return doc;
  }
}
