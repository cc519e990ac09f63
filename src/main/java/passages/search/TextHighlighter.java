package passages.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import passages.index.Fields;
import passages.index.NewsAnalyzer;

/**
 * Marks a query's matches in paragraph texts that are not in a local index (a backend that keeps
 * its paragraphs elsewhere): each text goes into a one-document {@link MemoryIndex} analysed as the
 * embedded index analyses its text field ({@link NewsAnalyzer#forIndexing()}, positions and offsets
 * kept), and {@link PassageHighlighter} marks it there with the offsets of the postings, as in the
 * embedded index (not the term vectors a {@code MemoryIndex} also offers, which would mark {@code
 * train*} in "Trn1"), so a passage is marked exactly as the embedded index marks it, whichever
 * backend found it. Thread-safe (nothing is shared between calls).
 */
public final class TextHighlighter {
  private final NewsAnalyzer indexing = NewsAnalyzer.forIndexing();
  private final NewsAnalyzer querying = NewsAnalyzer.forQueries();

  /**
   * Each of {@code texts} HTML-escaped with the matches of {@code query} (parsed by {@link
   * QueryFactory} over the paragraph text) in {@code <mark>}; the escaped text alone where nothing
   * matches.
   */
  public List<String> highlight(Query query, List<String> texts) throws IOException {
    String[] out = new String[texts.size()];
    if (!(query instanceof MatchAllDocsQuery)) {
      for (int i = 0; i < out.length; i++) {
        // the text analysed as the embedded index analyses it, positions and offsets kept
        MemoryIndex index = new MemoryIndex(true, false);
        index.addField(Fields.TEXT, texts.get(i), indexing);
        out[i] =
            PassageHighlighter.highlight(
                index.createSearcher(),
                querying,
                query,
                new ScoreDoc[] {new ScoreDoc(0, 1f)},
                new String[] {texts.get(i)},
                UnifiedHighlighter.OffsetSource.POSTINGS)[0];
      }
    }
    for (int i = 0; i < out.length; i++)
      if (out[i] == null) out[i] = MarkFormatter.escape(texts.get(i));
    return List.of(out);
  }

  /** {@code text} HTML-escaped as in every passage ({@code & < > " '}). */
  public static String escape(String text) {
    return MarkFormatter.escape(text);
  }
}
