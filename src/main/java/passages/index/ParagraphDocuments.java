package passages.index;

import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import passages.model.Article;
import passages.model.Entity;
import passages.model.Paragraph;

/**
 * Maps a paragraph of an article, with its entity mentions, to the Lucene document indexed for it.
 */
public final class ParagraphDocuments {
  /**
   * Text: stored, with positions and offsets in the postings (the UnifiedHighlighter reads them
   * there).
   */
  static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);

  static {
    TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT_TYPE.freeze();
  }

  /** Words a paragraph needs, with sentence punctuation at its end, to read as prose. */
  public static final int PROSE_WORDS = 8;

  private ParagraphDocuments() {}

  /**
   * The grouping signature of a paragraph: a 64-bit hash (two mixed FNV-style accumulators) of its
   * letters and digits in lower case, so copies that differ only in case, punctuation, quotes or
   * spacing (near-identical wire copy) share it.
   */
  public static long signature(String text) {
    long h1 = 0xcbf29ce484222325L;
    long h2 = 0x84222325cbf29ce4L;
    for (int i = 0, n = text.length(); i < n; ) {
      int c = text.charAt(i);
      if (c < 0x80) { // ASCII, most of any text: no code point or Unicode table needed
        i++;
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
        } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
          continue;
        }
      } else {
        c = text.codePointAt(i);
        i += Character.charCount(c);
        if (!Character.isLetterOrDigit(c)) continue;
        c = Character.toLowerCase(c);
      }
      h1 = (h1 ^ c) * 0x100000001b3L;
      h2 = (h2 + c) * 0x9E3779B97F4A7C15L;
    }
    return h1 ^ Long.rotateLeft(h2, 31);
  }

  /** The quality prior with the default weights ({@link Fields#FEATURE_QUALITY}); always > 0. */
  public static float quality(int words, boolean prose) {
    int w = Math.max(1, words);
    return Fields.QUALITY_WORDS_WEIGHT * w / (w + Fields.QUALITY_PIVOT)
        + (prose ? Fields.QUALITY_PROSE_WEIGHT : 0);
  }

  /**
   * Whether the article's title is a headline of its own, not the start of its first paragraph
   * (shown as title).
   */
  public static boolean hasHeadline(Article article) {
    return article.paragraphs().isEmpty()
        || !article.paragraphs().getFirst().text().startsWith(article.title());
  }

  /** Runs of letters and digits in {@code text}. */
  public static int words(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) words++;
      inWord = letter;
    }
    return words;
  }

  /**
   * Whether {@code text} ends with sentence punctuation ({@code . ! ?}), possibly inside closing
   * quotes or brackets.
   */
  public static boolean endsSentence(String text) {
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '.' || c == '!' || c == '?') return true;
      if (!(c == '"'
          || c == '\u201D'
          || c == '\u2019'
          || c == '\''
          || c == ')'
          || c == ']'
          || Character.isWhitespace(c))) return false;
    }
    return false;
  }

  /**
   * Whether a paragraph of {@code words} words ({@link #words}) reads as prose: {@value
   * #PROSE_WORDS}+ words ending in sentence punctuation ({@link Fields#FEATURE_PROSE}).
   */
  public static boolean isProse(int words, String text) {
    return words >= PROSE_WORDS && endsSentence(text);
  }

  /**
   * The document for {@code paragraph} of {@code article}, before {@code FacetsConfig.build}.
   *
   * @param entities the mentions found in the paragraph text (may be empty)
   * @param articleHash content hash of the whole article (for incremental indexing)
   */
  public static Document toDocument(
      Article article, Paragraph paragraph, List<Entity> entities, String articleHash) {
    Document doc = new Document();
    doc.add(new StringField(Fields.ARTICLE_ID, article.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.ARTICLE_ID, new BytesRef(article.id())));
    doc.add(new SortedDocValuesField(Fields.ARTICLE_HASH, new BytesRef(articleHash)));
    doc.add(new NumericDocValuesField(Fields.PARAGRAPH, paragraph.ordinal()));
    doc.add(new StoredField(Fields.PARAGRAPH, paragraph.ordinal()));
    if (paragraph.section() != null)
      doc.add(new TextField(Fields.SECTION, paragraph.section(), Field.Store.YES));
    doc.add(new StringField(Fields.KIND, paragraph.kind().key(), Field.Store.YES));
    doc.add(new StoredField(Fields.TITLE, article.title()));
    if (hasHeadline(article)) {
      doc.add(new TextField(Fields.TITLE_TEXT, article.title(), Field.Store.NO));
      if (paragraph.ordinal() == 1)
        doc.add(new TextField(Fields.HEADLINE, article.title(), Field.Store.NO));
    }
    if (article.outlet() != null) {
      doc.add(new StoredField(Fields.OUTLET, article.outlet()));
      doc.add(new SortedSetDocValuesFacetField(Fields.OUTLET, article.outlet()));
    }
    if (article.url() != null) doc.add(new StoredField(Fields.URL, article.url()));
    if (article.date() != null) {
      doc.add(new StoredField(Fields.DATE, article.date()));
      doc.add(
          new IntField(
              Fields.DAY, (int) LocalDate.parse(article.date()).toEpochDay(), Field.Store.NO));
    }
    for (String author : article.authors()) {
      doc.add(new StoredField(Fields.AUTHOR, author));
      doc.add(new SortedSetDocValuesFacetField(Fields.AUTHOR, author));
    }
    if (!article.metadata().isEmpty()) {
      StringBuilder stored = new StringBuilder();
      article
          .metadata()
          .forEach(
              (key, value) -> {
                stored.append(key).append('\t').append(value).append('\n');
                doc.add(new SortedSetDocValuesFacetField(key, value));
              });
      doc.add(new StoredField(Fields.META, stored.toString()));
    }
    doc.add(new Field(Fields.TEXT, paragraph.text(), TEXT_TYPE));
    doc.add(new NumericDocValuesField(Fields.SIGNATURE, signature(paragraph.text())));
    int words = words(paragraph.text());
    boolean prose = isProse(words, paragraph.text());
    doc.add(new FeatureField(Fields.FEATURES, Fields.FEATURE_WORDS, Math.max(1, words)));
    if (prose) doc.add(new FeatureField(Fields.FEATURES, Fields.FEATURE_PROSE, 1));
    float quality = quality(words, prose);
    doc.add(new FeatureField(Fields.FEATURES, Fields.FEATURE_QUALITY, quality));
    doc.add(new FloatDocValuesField(Fields.QUALITY, quality));
    if (!entities.isEmpty()) {
      StringBuilder stored = new StringBuilder();
      for (Entity e : entities) {
        stored
            .append(e.type().key())
            .append('\t')
            .append(e.value())
            .append('\t')
            .append(e.start())
            .append('\t')
            .append(e.end())
            .append('\n');
        doc.add(new SortedSetDocValuesFacetField(e.type().key(), e.value()));
      }
      doc.add(new StoredField(Fields.ENTITIES, stored.toString()));
    }
    return doc;
  }
}
