package passages.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import passages.index.Fields;
import passages.index.NewsAnalyzer;

/**
 * Parses the user's query text (Lucene classic syntax) into a Lucene query over paragraph text.
 *
 * <p>Plain terms are all required; words the analyzer splits ({@code Trainium3}, {@code $38}) become
 * phrases; leading wildcards are refused; only the paragraph text can be searched ({@code text:} or no field;
 * other fields are refused, as the keyword fields have no positions for phrases). A blank query matches every
 * paragraph. Every bad query is an {@link InvalidRequestException}, never another exception. Thread-safe.
 */
public final class QueryFactory {
  /**
   * Largest automaton a regular expression may build, in states (estimated before building it): Lucene builds
   * the whole automaton of {@code /((a{1000}){1000}){1000}/} before its determinization limit applies, and
   * that one alone would take more memory than the server has.
   */
  static final long MAX_REGEXP_STATES = 10_000;
  /**
   * Deepest nesting of repetitions ({@code ? * + {n,m}}) a regular expression may have: Lucene's work grows
   * exponentially with it ({@code /@++++++++++++/}, 14 characters, took 10-20 s; found by fuzzing), and
   * {@code (a+)+} means no more than {@code a+}.
   */
  static final int MAX_REGEXP_NESTING = 3;

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
    QueryParser parser = new TextOnlyParser(analyzer);
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
    } catch (TooComplexToDeterminizeException e) {
      throw new InvalidRequestException("invalid query: regular expression too complex");
    } catch (IllegalArgumentException e) {
      // Lucene's RegExp (/[z-a]/, /(/) and BoostQuery (a^1e99 = Infinity) reject their input this way
      throw new InvalidRequestException("invalid query: " + firstLine(e.getMessage()));
    }
  }

  /** The classic parser, restricted to the paragraph text (and {@code *:*}). */
  private static final class TextOnlyParser extends QueryParser {
    TextOnlyParser(Analyzer analyzer) {
      super(Fields.TEXT, analyzer);
    }

    private static void check(String field) throws ParseException {
      if (!Fields.TEXT.equals(field)) {
        throw new ParseException("unknown field '" + field + "' (only the paragraph text is searched; "
            + "use the outlet and entity filters)");
      }
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
      check(field);
      return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      check(field);
      return super.getFieldQuery(field, queryText, slop);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      check(field);
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      check(field);
      return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if (!("*".equals(field) && "*".equals(termStr))) check(field);
      return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
      check(field);
      return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      check(field);
      RegExp regexp = new RegExp(termStr);
      if (states(regexp) > MAX_REGEXP_STATES || nesting(regexp) > MAX_REGEXP_NESTING) {
        throw new InvalidRequestException("invalid query: regular expression too complex");
      }
      return super.getRegexpQuery(field, termStr);
    }
  }

  /** How deeply repetitions nest in {@code r}. */
  static int nesting(RegExp r) {
    if (r == null) return 0;
    int below = Math.max(nesting(r.exp1), nesting(r.exp2));
    return switch (r.kind) {
      case REGEXP_OPTIONAL, REGEXP_REPEAT, REGEXP_REPEAT_MIN, REGEXP_REPEAT_MINMAX -> below + 1;
      default -> below;
    };
  }

  /** An upper bound on the states of the automaton {@code r} builds, saturating at a billion. */
  static long states(RegExp r) {
    long n = switch (r.kind) {
      case REGEXP_UNION, REGEXP_CONCATENATION -> states(r.exp1) + states(r.exp2);
      case REGEXP_INTERSECTION -> states(r.exp1) * states(r.exp2);
      case REGEXP_OPTIONAL, REGEXP_REPEAT, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> states(r.exp1) + 1;
      case REGEXP_REPEAT_MIN -> states(r.exp1) * (r.min + 1L);
      case REGEXP_REPEAT_MINMAX -> states(r.exp1) * (Math.max(r.min, r.max) + 1L);
      case REGEXP_STRING -> r.s.length() + 1L;
      case REGEXP_INTERVAL -> 20L * Math.max(1, r.digits);
      default -> 2;
    };
    return Math.min(n, 1_000_000_000L);
  }

  private static String firstLine(String message) {
    if (message == null) return "syntax error";
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
