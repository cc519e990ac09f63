package passages.search;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import passages.index.Fields;
import passages.index.NewsAnalyzer;

/**
 * Parses the user's query text (Lucene classic syntax) into a Lucene query over paragraph text.
 *
 * <p>Plain terms are all required; words the analyzer splits ({@code Trainium3}, {@code $38}) become
 * phrases; leading wildcards are refused. A blank query matches every paragraph. Thread-safe.
 */
public final class QueryFactory {
  private final NewsAnalyzer analyzer = NewsAnalyzer.forQueries();

  /** The analyzer queries are parsed with (also used by the highlighter). */
  public NewsAnalyzer analyzer() {
    return analyzer;
  }

  /**
   * The query for {@code q}.
   *
   * @throws InvalidRequestException when {@code q} is not valid syntax, naming the problem
   */
  public Query parse(String q) {
    if (q == null || q.isBlank()) return new MatchAllDocsQuery();
    QueryParser parser = new QueryParser(Fields.TEXT, analyzer);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true);
    parser.setAllowLeadingWildcard(false);
    try {
      Query query = parser.parse(q);
      return query == null ? new MatchNoDocsQuery() : query;
    } catch (ParseException e) {
      throw new InvalidRequestException("invalid query: " + firstLine(e.getMessage()));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException("query has too many clauses (at most " + IndexSearcher.getMaxClauseCount() + ")");
    }
  }

  private static String firstLine(String message) {
    if (message == null) return "syntax error";
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
