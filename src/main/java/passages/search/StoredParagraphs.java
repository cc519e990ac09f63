package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import passages.index.Fields;
import passages.model.ArticleIds;
import passages.model.ParagraphKind;

/**
 * Reads paragraphs back from the index's stored fields: as views, and as the hits of a result page.
 */
final class StoredParagraphs {
  private static final Set<String> DUPLICATE_FIELDS =
      Set.of(Fields.OUTLET, Fields.ARTICLE_ID, Fields.PARAGRAPH);

  private StoredParagraphs() {}

  /**
   * The hits of a result page: each paragraph read once, {@code marked} highlighted in it when
   * {@code highlight}; {@code others.get(i)} are the paragraphs folded into hit i (an empty list:
   * none).
   */
  static List<Hit> hits(
      IndexSearcher searcher,
      Analyzer analyzer,
      Query marked,
      ScoreDoc[] page,
      boolean highlight,
      List<List<ScoreDoc>> others)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    ParagraphView[] views = new ParagraphView[page.length];
    String[] texts = new String[page.length];
    for (int i = 0; i < page.length; i++) {
      views[i] = view(stored.document(page[i].doc));
      texts[i] = views[i].text();
    }
    String[] passages =
        highlight
            ? PassageHighlighter.highlight(searcher, analyzer, marked, page, texts)
            : new String[page.length];
    List<Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      ParagraphView p = views[i];
      float score =
          page[i] instanceof FieldDoc fd && fd.fields[0] instanceof Float f ? f : page[i].score;
      String passage = passages[i] != null ? passages[i] : MarkFormatter.escape(p.text());
      List<Hit.Duplicate> alsoIn = new ArrayList<>();
      if (!others.isEmpty()) {
        for (ScoreDoc d : others.get(i)) {
          Document doc = stored.document(d.doc, DUPLICATE_FIELDS);
          String articleId = doc.get(Fields.ARTICLE_ID);
          int ordinal = doc.getField(Fields.PARAGRAPH).numericValue().intValue();
          alsoIn.add(
              new Hit.Duplicate(
                  ArticleIds.paragraphId(articleId, ordinal),
                  doc.get(Fields.OUTLET),
                  Links.articleLink(articleId, ordinal)));
        }
      }
      hits.add(Hit.of(p, passage, score, alsoIn));
    }
    return hits;
  }

  /** The paragraph a stored document holds. */
  static ParagraphView view(Document d) {
    String text = d.get(Fields.TEXT);
    String articleId = d.get(Fields.ARTICLE_ID);
    int ordinal = d.getField(Fields.PARAGRAPH).numericValue().intValue();
    String kind = d.get(Fields.KIND);
    return new ParagraphView(
        ArticleIds.paragraphId(articleId, ordinal),
        articleId,
        ordinal,
        d.get(Fields.SECTION),
        text,
        d.get(Fields.TITLE),
        d.get(Fields.OUTLET),
        d.get(Fields.URL),
        d.get(Fields.DATE),
        entities(d.get(Fields.ENTITIES), text),
        Permalinks.of(articleId, text),
        List.of(d.getValues(Fields.AUTHOR)),
        meta(d.get(Fields.META)),
        kind == null ? ParagraphKind.BODY.key() : kind);
  }

  /** The metadata stored as lines {@code key\tvalue}, in order. */
  private static java.util.Map<String, String> meta(String stored) {
    if (stored == null || stored.isEmpty()) return java.util.Map.of();
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String line : stored.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) out.put(line.substring(0, tab), line.substring(tab + 1));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static List<HitEntity> entities(String stored, String text) {
    if (stored == null || stored.isEmpty()) return List.of();
    List<HitEntity> out = new ArrayList<>();
    for (String line : stored.split("\n")) {
      String[] f = line.split("\t");
      int start = Integer.parseInt(f[2]);
      int end = Integer.parseInt(f[3]);
      out.add(new HitEntity(f[0], f[1], text.substring(start, end), start, end));
    }
    return List.copyOf(out);
  }
}
