package passages.index;

import org.apache.lucene.facet.FacetsConfig;
import passages.model.EntityType;

/** Names of the Lucene fields and facet dimensions of a paragraph document; the only place they are spelled. */
public final class Fields {
  /** Article id: indexed as one term, stored, sorted. */
  public static final String ARTICLE_ID = "articleId";
  /** 1-based paragraph ordinal: stored and numeric doc values (sorting, exact lookup within an article). */
  public static final String PARAGRAPH = "paragraph";
  /** The heading above the paragraph: stored and searchable when present. */
  public static final String SECTION = "section";
  /** The article title: stored. */
  public static final String TITLE = "title";
  /**
   * The article's headline, analysed on every paragraph (a match there adds to the score of a paragraph
   * that matches in its text or heading; it does not make a paragraph match by itself). Not indexed when
   * the title is only the first sentence of the text (an article without a headline).
   */
  public static final String TITLE_TEXT = "titleText";
  /**
   * The article's headline, analysed on its first paragraph only: a headline typed as a query finds its
   * article (its first paragraph) without making every paragraph of it a match. Not indexed when the
   * title is only the first sentence of the text (an article without a headline).
   */
  public static final String HEADLINE = "headline";
  /** The outlet: stored, and the facet dimension {@code outlet} (filtered by drill-down). */
  public static final String OUTLET = "outlet";
  /** The article's original url: stored when known. */
  public static final String URL = "url";
  /** The publication date {@code YYYY-MM-DD}: stored when known. */
  public static final String DATE = "date";
  /** What the paragraph is ({@code body} or {@code caption}): one indexed term, stored. */
  public static final String KIND = "kind";
  /** The paragraph text: analyzed with positions and offsets (for highlighting), stored. */
  public static final String TEXT = "text";
  /** Content hash of the paragraph's article: sorted doc values, read by incremental indexing. */
  public static final String ARTICLE_HASH = "articleHash";
  /**
   * 64-bit signature of the paragraph's normalised text (letters and digits, lower case), as numeric doc
   * values, so identical paragraphs from several outlets can be grouped. (A paragraph's id is not a
   * field: it is {@code articleId.p<paragraph>}, looked up by those two.)
   */
  public static final String SIGNATURE = "sig";
  /** The entity mentions, stored as lines {@code type\tvalue\tstart\tend}. */
  public static final String ENTITIES = "entities";

  /** Feature fields of a paragraph's quality, for ranking ({@link #FEATURE_WORDS}, {@link #FEATURE_PROSE}). */
  public static final String FEATURES = "features";
  /** Feature: the paragraph's number of words. */
  public static final String FEATURE_WORDS = "words";
  /** Feature: present (1) when the paragraph reads as prose: 8+ words ending in sentence punctuation. */
  public static final String FEATURE_PROSE = "prose";

  /** Commit user-data key: fingerprint of the corpus the index was built from. */
  public static final String COMMIT_CORPUS = "passages.corpus";
  /** Commit user-data key: version of the entity extractor the index was tagged with. */
  public static final String COMMIT_ENTITIES = "passages.entities";
  /** Commit user-data key: how many corpus items failed in the run that made the commit. */
  public static final String COMMIT_FAILED = "passages.failed";
  /** Commit user-data key: version of the schema and analysis the index was built with. */
  public static final String COMMIT_SCHEMA = "passages.schema";
  /**
   * Bump whenever fields, analysis or the cleaning rules change (an index from unchanged files would
   * otherwise be "up to date" with the old rules): an index with another version is rebuilt.
   */
  public static final String SCHEMA_VERSION = "8";

  private Fields() {}

  /** The facets configuration shared by the writer and the searcher. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    // filters drill down on dimension and value, never on a dimension alone: index only those terms
    config.setDrillDownTermsIndexing(OUTLET, FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
    for (EntityType type : EntityType.values()) {
      config.setMultiValued(type.key(), true);
      config.setDrillDownTermsIndexing(type.key(), FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
    }
    return config;
  }
}
