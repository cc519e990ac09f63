package passages.opensearch;

import java.time.LocalDate;
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
import passages.search.Permalinks;

/**
 * The OpenSearch document ({@code _source}) of one paragraph: every field the embedded Lucene
 * document ({@link ParagraphDocuments#toDocument}) stores, searches, filters, sorts or counts,
 * named as in {@link Fields}, typed by {@code paragraph-index.json}'s strict mapping:
 *
 * <ul>
 *   <li>{@code articleId}, {@code kind}, {@code outlet}, {@code articleHash}, {@code fingerprint}
 *       (the permalink's, {@link Permalinks#fingerprint}): keywords; {@code paragraph}: integer;
 *       {@code sig}: long.
 *   <li>{@code text}, {@code section}: text with the analyzers {@code passages_index} / {@code
 *       passages_query} ({@code text} with offsets, for the highlighter); {@code section} only when
 *       the paragraph has a heading.
 *   <li>{@code title}: the title as shown (not searched); {@code titleText} on every paragraph and
 *       {@code headline} on paragraph 1 only, both analysed like the text and both present only
 *       when the title is a headline of its own ({@link ParagraphDocuments#hasHeadline}), as in
 *       Lucene.
 *   <li>{@code url} (not indexed), {@code date} ({@code YYYY-MM-DD}, a {@code date} for ranges and
 *       {@code date_histogram}) and {@code day} (days since 1970-01-01, an integer: Lucene's {@link
 *       Fields#DAY}), each only when known.
 *   <li>{@code author}: the authors, a keyword list (facet and filter); {@code meta}: the article's
 *       further metadata as an object {@code {"bias": "left", …}} in source order, each value a
 *       keyword {@code meta.<key>} (facet and filter).
 *   <li>one keyword list per entity type ({@code org}, {@code person}, …: {@link EntityType#key()})
 *       with the paragraph's distinct values, and {@code entities}: every mention as {@code {type,
 *       value, start, end}} (stored, not indexed); both absent when the paragraph has none.
 *   <li>{@code features}: {@code rank_features} {@code words} (at least 1), {@code prose} (1, only
 *       when the paragraph reads as prose) and {@code quality} (the prior with the default
 *       weights), for {@code rank_feature} queries as Lucene's {@link Fields#FEATURES}; {@code
 *       quality}: the same prior as a float (doc values, for a rescore of the top hits).
 * </ul>
 *
 * Plus the two version fields of {@link ParagraphWriter}: {@link #RUN} (the write run that added
 * it) and, once a later run replaces its article, {@link #SUPERSEDED_BY}.
 */
public final class ParagraphSource {
  /** The write run that added the document (a long). */
  public static final String RUN = "run";

  /** The write run that replaced or deleted the document's article (a long; absent until then). */
  public static final String SUPERSEDED_BY = "supersededBy";

  /** The permalink fingerprint of the paragraph's text (24 hex digits, a keyword). */
  public static final String FINGERPRINT = "fingerprint";

  /** Keys of one mention in {@link Fields#ENTITIES}: its type ({@link EntityType#key()}). */
  public static final String MENTION_TYPE = "type";

  /** Key of one mention: the entity's canonical value. */
  public static final String MENTION_VALUE = "value";

  /** Key of one mention: the first char of the mention in the paragraph text (inclusive). */
  public static final String MENTION_START = "start";

  /** Key of one mention: the end of the mention in the paragraph text (exclusive). */
  public static final String MENTION_END = "end";

  private ParagraphSource() {}

  /**
   * The document id of a paragraph version: {@code <paragraph id>.<first 12 chars of the article
   * hash>}, so a new version of an article never overwrites the old one before the swap, and the
   * same version always gets the same id (a re-run overwrites, never doubles).
   */
  public static String id(Article article, Paragraph p, String hash) {
    return id(article.id(), p.ordinal(), hash);
  }

  /** {@link #id(Article, Paragraph, String)} from the article id and the paragraph's ordinal. */
  public static String id(String articleId, int ordinal, String hash) {
    return ArticleIds.paragraphId(articleId, ordinal)
        + "."
        + hash.substring(0, Math.min(12, hash.length()));
  }

  /** The {@code _source} of paragraph {@code p} of {@code a}, written by run {@code run}. */
  public static Map<String, Object> of(IndexedArticle a, Paragraph p, long run) {
    Article article = a.article();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(Fields.ARTICLE_ID, article.id());
    doc.put(Fields.PARAGRAPH, p.ordinal());
    doc.put(Fields.KIND, p.kind().key());
    if (p.section() != null) doc.put(Fields.SECTION, p.section());
    doc.put(Fields.TITLE, article.title());
    if (ParagraphDocuments.hasHeadline(article)) {
      doc.put(Fields.TITLE_TEXT, article.title());
      if (p.ordinal() == 1) doc.put(Fields.HEADLINE, article.title());
    }
    if (article.outlet() != null) doc.put(Fields.OUTLET, article.outlet());
    if (article.url() != null) doc.put(Fields.URL, article.url());
    if (article.date() != null) {
      doc.put(Fields.DATE, article.date());
      doc.put(Fields.DAY, (int) LocalDate.parse(article.date()).toEpochDay());
    }
    if (article.authors().isEmpty() == false) doc.put(Fields.AUTHOR, article.authors());
    if (article.metadata().isEmpty() == false)
      doc.put(Fields.META, new LinkedHashMap<>(article.metadata()));
    doc.put(Fields.TEXT, p.text());
    doc.put(Fields.ARTICLE_HASH, a.hash());
    doc.put(Fields.SIGNATURE, ParagraphDocuments.signature(p.text()));
    doc.put(FINGERPRINT, Permalinks.fingerprint(p.text()));
    List<Entity> entities = a.entities().get(p.ordinal() - 1);
    if (entities.isEmpty() == false) {
      Map<EntityType, Set<String>> values = new LinkedHashMap<>();
      List<Map<String, Object>> mentions = new ArrayList<>();
      for (Entity e : entities) {
        values.computeIfAbsent(e.type(), t -> new LinkedHashSet<>()).add(e.value());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(MENTION_TYPE, e.type().key());
        m.put(MENTION_VALUE, e.value());
        m.put(MENTION_START, e.start());
        m.put(MENTION_END, e.end());
        mentions.add(m);
      }
      values.forEach((type, v) -> doc.put(type.key(), List.copyOf(v)));
      doc.put(Fields.ENTITIES, mentions);
    }
    int words = ParagraphDocuments.words(p.text());
    boolean prose = ParagraphDocuments.isProse(words, p.text());
    float quality = ParagraphDocuments.quality(words, prose);
    Map<String, Object> features = new LinkedHashMap<>();
    features.put(Fields.FEATURE_WORDS, Math.max(1, words));
    if (prose) features.put(Fields.FEATURE_PROSE, 1);
    features.put(Fields.FEATURE_QUALITY, quality);
    doc.put(Fields.FEATURES, features);
    doc.put(Fields.QUALITY, quality);
    doc.put(RUN, run);
    return doc;
  }
}
