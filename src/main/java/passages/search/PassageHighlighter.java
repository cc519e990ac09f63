package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import passages.index.Fields;

/**
 * Marks a query's matches in paragraphs: the whole paragraph is one passage, matches wrapped in
 * {@code <mark>} by {@link MarkFormatter}, offsets read from the postings. The texts are the ones
 * the caller already read from the stored fields: the UnifiedHighlighter would otherwise decompress
 * every paragraph a second time.
 */
final class PassageHighlighter {
  private PassageHighlighter() {}

  /**
   * The marked passage of each of {@code page}, in order; null where the query matches nothing in
   * it.
   *
   * @param texts the paragraph text of each of {@code page}, in the same order
   */
  static String[] highlight(
      IndexSearcher searcher, Analyzer analyzer, Query query, ScoreDoc[] page, String[] texts)
      throws IOException {
    return highlight(searcher, analyzer, query, page, texts, null);
  }

  /**
   * As {@link #highlight(IndexSearcher, Analyzer, Query, ScoreDoc[], String[])}, with the offsets
   * taken from {@code offsets} (null: the highlighter's own choice for the field). A {@code
   * MemoryIndex} offers term vectors beside its postings, and the highlighter's choice for it,
   * postings with term vectors, marks a prefix's stacked expansions ({@code train*} in "Trn1",
   * where the alias "trainium" is stacked) that the postings alone, as in the embedded index, do
   * not.
   */
  static String[] highlight(
      IndexSearcher searcher,
      Analyzer analyzer,
      Query query,
      ScoreDoc[] page,
      String[] texts,
      UnifiedHighlighter.OffsetSource offsets)
      throws IOException {
    if (page.length == 0) return new String[0];
    Map<Integer, String> byDoc = new HashMap<>();
    for (int i = 0; i < page.length; i++) byDoc.put(page[i].doc, texts[i]);
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withBreakIterator(WholeBreakIterator::new)
            .withMaxLength(Integer.MAX_VALUE - 1)
            .withFormatter(new MarkFormatter())
            .withMaxNoHighlightPassages(0);
    UnifiedHighlighter highlighter =
        new UnifiedHighlighter(builder) {
          @Override
          protected OffsetSource getOffsetSource(String field) {
            return offsets == null ? super.getOffsetSource(field) : offsets;
          }

          @Override
          protected List<CharSequence[]> loadFieldValues(
              String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = docs.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docs.nextDoc()) {
              out.add(new CharSequence[] {byDoc.get(doc)});
            }
            return out;
          }
        };
    TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    return highlighter.highlight(Fields.TEXT, query, pageDocs, 1);
  }
}
