package passages.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import passages.index.Fields;
import passages.index.NewsAnalyzer;

/**
 * Marks a query's matches in a paragraph text that is not in a local index (a backend that keeps
 * its paragraphs elsewhere): the same highlighter, formatter and analysis as the embedded index's
 * {@link PassageHighlighter}, with offsets from analysing the text with the indexing analyzer
 * instead of from the postings, so a passage is marked the same whichever backend found it. Thread-
 * safe.
 */
public final class TextHighlighter {
  private final UnifiedHighlighter highlighter =
      UnifiedHighlighter.builderWithoutSearcher(NewsAnalyzer.forIndexing())
          .withBreakIterator(WholeBreakIterator::new)
          .withMaxLength(Integer.MAX_VALUE - 1)
          .withFormatter(new MarkFormatter())
          .withMaxNoHighlightPassages(0)
          .build();

  /**
   * The whole {@code text} HTML-escaped with the matches of {@code query} (parsed by {@link
   * QueryFactory} over the paragraph text) in {@code <mark>}; the escaped text alone when nothing
   * in it matches.
   */
  public String highlight(Query query, String text) {
    if (query instanceof MatchAllDocsQuery) return MarkFormatter.escape(text);
    try {
      Object marked = highlighter.highlightWithoutSearcher(Fields.TEXT, query, text, 1);
      return marked == null ? MarkFormatter.escape(text) : marked.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a string", e);
    }
  }

  /** {@code text} HTML-escaped as in every passage ({@code & < > " '}). */
  public static String escape(String text) {
    return MarkFormatter.escape(text);
  }
}
