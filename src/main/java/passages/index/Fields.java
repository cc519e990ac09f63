package passages.index;

import org.apache.lucene.facet.FacetsConfig;
import passages.model.EntityType;

/**
 * Names of the Lucene fields and facet dimensions of a paragraph document; the only place they are
 * spelled.
 */
public final class Fields {
  /** Article id: indexed as one term, stored, sorted. */
  public static final String ARTICLE_ID = "articleId";

  /**
   * 1-based paragraph ordinal: stored and numeric doc values (sorting, exact lookup within an
   * article).
   */
  public static final String PARAGRAPH = "paragraph";

  /** The heading above the paragraph: stored and searchable when present. */
  public static final String SECTION = "section";

  /** The article title: stored. */
  public static final String TITLE = "title";

  /**
   * The article's headline, analysed on every paragraph (a match there adds to the score of a
   * paragraph that matches in its text or heading; it does not make a paragraph match by itself).
   * Not indexed when the title is only the first sentence of the text (an article without a
   * headline).
   */
  public static final String TITLE_TEXT = "titleText";

  /**
   * The article's headline, analysed on its first paragraph only: a headline typed as a query finds
   * its article (its first paragraph) without making every paragraph of it a match. Not indexed
   * when the title is only the first sentence of the text (an article without a headline).
   */
  public static final String HEADLINE = "headline";

  /** The outlet: stored, and the facet dimension {@code outlet} (filtered by drill-down). */
  public static final String OUTLET = "outlet";

  /** The article's original url: stored when known. */
  public static final String URL = "url";

  /** The publication date {@code YYYY-MM-DD}: stored when known. */
  public static final String DATE = "date";

  /**
   * The publication day as days since 1970-01-01 when known: an {@code IntField} (points for range
   * filters, sorted-numeric doc values for sorting and the timeline).
   */
  public static final String DAY = "day";

  /** Each of the article's authors: stored, and the multi-valued facet dimension {@code author}. */
  public static final String AUTHOR = "author";

  /**
   * The article's further metadata ({@code topic}, {@code bias}, …) stored as lines {@code
   * key\tvalue}; each key is also a facet dimension of its own name (see {@code
   * passages.model.Article#RESERVED_KEYS} for the names it cannot take).
   */
  public static final String META = "meta";

  /**
   * What the paragraph is: {@code body} or {@code caption} ({@link
   * passages.model.ParagraphKind#key()}), one indexed term (for filters), stored.
   */
  public static final String KIND = "kind";

  /** The paragraph text: analyzed with positions and offsets (for highlighting), stored. */
  public static final String TEXT = "text";

  /** Content hash of the paragraph's article: sorted doc values, read by incremental indexing. */
  public static final String ARTICLE_HASH = "articleHash";

  /**
   * 64-bit signature of the paragraph's normalised text (letters and digits, lower case), as
   * numeric doc values, so identical paragraphs from several outlets can be grouped. (A paragraph's
   * id is not a field: it is {@code articleId.p<paragraph>}, looked up by those two.)
   */
  public static final String SIGNATURE = "sig";

  /** The entity mentions, stored as lines {@code type\tvalue\tstart\tend}. */
  public static final String ENTITIES = "entities";

  /**
   * Feature fields of a paragraph's quality, for ranking ({@link #FEATURE_WORDS}, {@link
   * #FEATURE_PROSE}).
   */
  public static final String FEATURES = "features";

  /** Feature: the paragraph's number of words. */
  public static final String FEATURE_WORDS = "words";

  /**
   * Feature: present (1) when the paragraph reads as prose: 8+ words ending in sentence
   * punctuation.
   */
  public static final String FEATURE_PROSE = "prose";

  /**
   * Feature: the paragraph's quality prior with the default weights folded in, {@code 2 · words /
   * (words + 25) + 2 · prose}, so a search with the default ranking reads one feature instead of
   * two ({@link #QUALITY_WORDS_WEIGHT}, {@link #QUALITY_PIVOT}, {@link #QUALITY_PROSE_WEIGHT}).
   */
  public static final String FEATURE_QUALITY = "quality";

  /**
   * The same prior as {@link #FEATURE_QUALITY}, as float doc values: added to the top hits only.
   */
  public static final String QUALITY = "quality";

  /** Weight of the length prior folded into {@link #FEATURE_QUALITY}. */
  public static final float QUALITY_WORDS_WEIGHT = 2f;

  /** Words at which the length prior folded into {@link #FEATURE_QUALITY} gives half its weight. */
  public static final float QUALITY_PIVOT = 25f;

  /** Weight of the prose feature folded into {@link #FEATURE_QUALITY}. */
  public static final float QUALITY_PROSE_WEIGHT = 2f;

  /** Commit user-data key: fingerprint of the corpus the index was built from. */
  public static final String COMMIT_CORPUS = "passages.corpus";

  /** Commit user-data key: version of the entity extractor the index was tagged with. */
  public static final String COMMIT_ENTITIES = "passages.entities";

  /** Commit user-data key: how many corpus items failed in the run that made the commit. */
  public static final String COMMIT_FAILED = "passages.failed";

  /** Commit user-data key: version of the schema and analysis the index was built with. */
  public static final String COMMIT_SCHEMA = "passages.schema";

  /**
   * Bump whenever fields, analysis or the cleaning rules change (an index from unchanged files
   * would otherwise be "up to date" with the old rules): an index with another version is rebuilt.
   */
  public static final String SCHEMA_VERSION = "13";

  private Fields() {}

  /** The facets configuration shared by the writer and the searcher. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    // filters drill down on dimension and value, never on a dimension alone: index only those terms
    config.setDrillDownTermsIndexing(OUTLET, FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
    config.setMultiValued(AUTHOR, true);
    config.setDrillDownTermsIndexing(AUTHOR, FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
    for (EntityType type : EntityType.values()) {
      config.setMultiValued(type.key(), true);
      config.setDrillDownTermsIndexing(
          type.key(), FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
    }
    return config;
  }
}
