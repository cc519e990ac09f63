package passages.search;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import passages.entities.Aliases;
import passages.index.AcronymMarkerFilter;
import passages.index.Fields;
import passages.index.NewsAnalyzer;

/**
 * Parses the user's query text (Lucene classic syntax) into a Lucene query over paragraph text.
 *
 * <p>Plain terms are all required; words the analyzer splits ({@code Trainium3}, {@code $38})
 * become phrases; a phrase or word naming a known entity also matches its other forms ({@link
 * Aliases}: {@code "Amazon Web Services"} finds "AWS", {@code $10B} finds "$10 billion"). To keep
 * every query cheap: leading wildcards and regular expressions are refused, a wildcard or prefix
 * needs {@value #MIN_WILDCARD_PREFIX} literal characters first, fuzzy terms keep their first
 * character, and a query has at most {@value #MAX_EXPANDING_TERMS} such expanding terms. A blank
 * query matches every paragraph. Thread-safe.
 */
public final class QueryFactory {
  /** Literal characters a wildcard or prefix term must start with. */
  static final int MIN_WILDCARD_PREFIX = 2;

  /** Most wildcard, prefix and fuzzy terms in one query (each expands to many terms). */
  static final int MAX_EXPANDING_TERMS = 8;

  private static final java.util.regex.Pattern PLAIN_WORDS =
      java.util.regex.Pattern.compile("[^\"():*?~^+\\-!\\[\\]{}/]+");

  /** Letters each followed by a dot, the last dot optional: "D.C.", "U.S", "e.g.". */
  private static final java.util.regex.Pattern ABBREVIATION =
      java.util.regex.Pattern.compile("(?:\\p{L}\\.)+\\p{L}?\\.?");

  private static final java.util.regex.Pattern OPERATOR =
      java.util.regex.Pattern.compile("\\b(AND|OR|NOT)\\b");

  /**
   * Words before a colon that look like a field of a search syntax ({@code outlet:CIOL}, {@code
   * id:…}): refused with a message saying how to filter instead. Any other word before a colon is
   * text.
   */
  private static final java.util.Set<String> FIELD_LIKE =
      java.util.Set.of(
          "outlet",
          "id",
          "title",
          "date",
          "url",
          "section",
          "author",
          "source",
          "site",
          "entity",
          "org",
          "person",
          "product",
          "place",
          "money",
          "paragraph",
          "article");

  private final NewsAnalyzer analyzer = NewsAnalyzer.forQueries();
  private final Aliases aliases = Aliases.standard();

  /** The analyzer queries are parsed with (also used by the highlighter). */
  public NewsAnalyzer analyzer() {
    return analyzer;
  }

  /**
   * The query for {@code q}.
   *
   * @throws InvalidRequestException when {@code q} is not valid or allowed syntax, naming the
   *     problem
   */
  public Query parse(String q) {
    return parse(q, Fields.TEXT);
  }

  /**
   * The query for {@code q} over {@code field} (the paragraph text, or the headline or section
   * heading, which are analysed the same way), with the same rules as {@link #parse(String)}.
   */
  public Query parse(String q, String field) {
    if (q == null || q.isBlank()) return new MatchAllDocsQuery();
    // typographic quotes that pair up are a phrase; unpaired (a pasted excerpt, mis-decoded text)
    // they stay punctuation, as they were
    String straight = straightQuotes(q);
    if (!hasUnclosedQuote(straight)) q = straight;
    if (hasUnclosedQuote(q))
      throw new InvalidRequestException(
          "invalid query: a quote (\") is not closed; close the phrase, or remove the quote to search"
              + " the words");
    String typed = q;
    q = punctuationInWords(q);
    // a bare multi-word name ("Amazon Web Services") is searched as that name and all its aliases
    String trimmed = q.strip();
    if (trimmed.contains(" ")
        && PLAIN_WORDS.matcher(trimmed).matches()
        && !OPERATOR.matcher(trimmed).find()
        && aliases.surfaceForms(trimmed).size() > 1) {
      q = "\"" + trimmed + "\"";
    }
    QueryParser parser = new GuardedParser(field, analyzer, aliases);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true);
    parser.setAllowLeadingWildcard(false);
    parser.setFuzzyPrefixLength(1);
    try {
      Query query = parser.parse(q);
      return query == null ? new MatchNoDocsQuery() : withSomethingToExclude(query);
    } catch (ParseException e) {
      // the message quotes the query as parsed: show it as typed (without the added escapes)
      String message = firstLine(e.getMessage());
      if (!typed.equals(q)) message = message.replace("'" + q + "'", "'" + typed + "'");
      throw new InvalidRequestException("invalid query: " + message);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new InvalidRequestException(
          "query has too many clauses (at most " + IndexSearcher.getMaxClauseCount() + ")");
    } catch (TooComplexToDeterminizeException | IllegalArgumentException e) {
      throw new InvalidRequestException("invalid query: " + firstLine(e.getMessage()));
    }
  }

  /**
   * {@code q} with typographic double quotes (“ ” „ ‟ ＂, as word processors and phones type them)
   * made straight, so that a pasted “quoted phrase” is a phrase.
   */
  static String straightQuotes(String q) {
    return CURLY_QUOTES.matcher(q).replaceAll("\"");
  }

  private static final java.util.regex.Pattern CURLY_QUOTES =
      java.util.regex.Pattern.compile("[\u201C\u201D\u201E\u201F\uFF02]");

  /**
   * {@code q} with every slash inside a word escaped ({@code 9/11}, {@code 24/7}, {@code and/or},
   * {@code http://…}), so it is text as the index has it rather than the start of a regular
   * expression; a slash that starts a term ({@code /ab+c/}) still opens one, which the parser then
   * refuses with its own message. An exclamation mark after a word ({@code wall!}) is punctuation
   * too: only one that starts a term is {@code NOT}; so is a question mark ending a word ({@code
   * wall?}), and a colon before a space. Quoted phrases are left as they are.
   */
  static String punctuationInWords(String q) {
    if (q.indexOf('/') < 0 && q.indexOf('!') < 0 && q.indexOf(':') < 0 && q.indexOf('?') < 0)
      return q;
    StringBuilder out = new StringBuilder(q.length() + 4);
    boolean quoted = false;
    boolean regex = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\' && i + 1 < q.length()) {
        out.append(c).append(q.charAt(++i));
        continue;
      }
      if (c == '"' && !regex) quoted = !quoted;
      else if (c == '!' && !quoted && !regex && i > 0 && TERM_START.indexOf(q.charAt(i - 1)) < 0) {
        // "Build the wall!": an exclamation mark ending a word is punctuation, not NOT
        out.append("\\!");
        continue;
      } else if (c == '?' && !quoted && !regex && i > 0 && endsQuestion(q, i)) {
        // "Who will pay for the wall?": a question mark ending a word is punctuation, not a
        // one-letter wildcard (wall? would find "walls" but never "wall"); wa?l is still one
        out.append("\\?");
        continue;
      } else if (c == ':' && !quoted && !regex && endsTerm(q, i + 1) && !afterField(q, i)) {
        // "OPINION: Iowa: Revenge …", "\"Rate shock\": the …": a colon before a space is
        // punctuation; "outlet: CNN" is still refused as a field
        out.append("\\:");
        continue;
      } else if (c == '/' && !quoted) {
        if (regex) regex = false;
        else if (i == 0 || TERM_START.indexOf(q.charAt(i - 1)) >= 0) regex = true;
        else {
          out.append("\\/");
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Whether the question mark at {@code i} ends its word: only question marks follow it before
   * white space, a closing parenthesis or the end.
   */
  private static boolean endsQuestion(String q, int i) {
    int j = i;
    while (j < q.length() && q.charAt(j) == '?') j++;
    return endsTerm(q, j) || q.charAt(j) == ')';
  }

  /** Whether position {@code i} of {@code q} is its end or white space. */
  private static boolean endsTerm(String q, int i) {
    return i >= q.length() || Character.isWhitespace(q.charAt(i));
  }

  /** Whether the word just before position {@code colon} names a field ({@link #FIELD_LIKE}). */
  private static boolean afterField(String q, int colon) {
    int start = colon;
    while (start > 0 && Character.isLetter(q.charAt(start - 1))) start--;
    return FIELD_LIKE.contains(q.substring(start, colon).toLowerCase(java.util.Locale.ROOT));
  }

  /** Characters after which a slash starts a term (and so a regular expression). */
  private static final String TERM_START = " \t\n\r(+-!";

  /** Whether {@code q} has an odd number of unescaped double quotes (a phrase left open). */
  private static boolean hasUnclosedQuote(String q) {
    boolean open = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') i++;
      else if (c == '"') open = !open;
    }
    return open;
  }

  /**
   * {@code query} with every boolean query that only excludes ({@code NOT amazon}, {@code -amazon},
   * {@code chips AND (NOT nvidia)}) made to exclude from every paragraph: on its own, Lucene's
   * matches nothing.
   */
  static Query withSomethingToExclude(Query query) {
    if (!(query instanceof BooleanQuery bool)) return query;
    boolean changed = false;
    boolean includes = false;
    List<BooleanClause> clauses = new java.util.ArrayList<>();
    for (BooleanClause c : bool.clauses()) {
      Query sub = withSomethingToExclude(c.query());
      changed |= sub != c.query();
      includes |= c.occur() != BooleanClause.Occur.MUST_NOT;
      clauses.add(new BooleanClause(sub, c.occur()));
    }
    // a query of no clauses (only punctuation: "...") still matches nothing
    boolean onlyExcludes = !includes && !clauses.isEmpty();
    if (!changed && !onlyExcludes) return query;
    BooleanQuery.Builder out =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
    if (onlyExcludes) out.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
    for (BooleanClause c : clauses) out.add(c);
    return out.build();
  }

  private static String firstLine(String message) {
    if (message == null) return "syntax error";
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }

  /** The classic parser with the expensive constructs refused. */
  private static final class GuardedParser extends QueryParser {
    private final Aliases aliases;
    private int expanding;

    GuardedParser(String field, NewsAnalyzer analyzer, Aliases aliases) {
      super(field, analyzer);
      this.aliases = aliases;
    }

    /**
     * A phrase or single word that names a known entity matches any of its forms ("AWS" = "Amazon
     * Web Services"). A word before a colon that names no field ("Re: chips", "Update: talks
     * resume") is searched as a word of the text.
     */
    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      if (!getField().equals(field)
          && !FIELD_LIKE.contains(field.toLowerCase(java.util.Locale.ROOT))) {
        Query word = getFieldQuery(getField(), field, false);
        Query rest = getFieldQuery(getField(), queryText, quoted);
        BooleanQuery.Builder both = new BooleanQuery.Builder();
        if (word != null) both.add(word, BooleanClause.Occur.MUST);
        if (rest != null) both.add(rest, BooleanClause.Occur.MUST);
        return both.build();
      }
      List<String> forms =
          getField().equals(field) && (quoted || !queryText.contains(" "))
              ? aliases.surfaceForms(queryText)
              : List.of();
      if (forms.size() < 2) return formQuery(field, queryText, quoted);
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      // a plain word ("senate") is in every paragraph that names a form spelled with it ("U.S.
      // Senate"):
      // search the word once, not each such form as a phrase (a phrase per form made the query
      // slow)
      boolean plainWord =
          !quoted
              && !queryText.isEmpty()
              && queryText.chars().allMatch(Character::isLetter)
              && !AcronymMarkerFilter.isAcronym(queryText);
      if (plainWord) {
        Query word = super.getFieldQuery(field, queryText, false);
        if (word != null) any.add(word, BooleanClause.Occur.SHOULD);
      }
      boolean ambiguous = false;
      for (String form : forms) {
        if (plainWord && hasWord(form, queryText)) continue;
        if (isAmbiguousAbbreviation(form)) {
          ambiguous = true;
          continue;
        }
        Query q =
            AcronymMarkerFilter.isAcronym(form)
                ? new TermQuery(new Term(field, AcronymMarkerFilter.marked(form)))
                : formQuery(field, form, true);
        if (q != null) any.add(q, BooleanClause.Occur.SHOULD);
      }
      if (ambiguous) {
        // "La." (Louisiana) spelled as a word is "la": found where the entity tagger saw the name
        // instead
        aliases
            .canonical(queryText)
            .ifPresent(
                c ->
                    any.add(
                        new TermQuery(
                            DrillDownQuery.term(
                                FacetsConfig.DEFAULT_INDEX_FIELD_NAME, c.type().key(), c.value())),
                        BooleanClause.Occur.SHOULD));
      }
      return any.build();
    }

    /**
     * Whether an alias form is a one-word abbreviation with a final dot that, analysed, is a common
     * word: "La." is "la", "Ill." is "ill", "Wash." is "wash". ("D.C.", "L.A." keep their dots
     * inside the token.)
     */
    private static boolean isAmbiguousAbbreviation(String form) {
      return form.length() > 1
          && form.endsWith(".")
          && form.indexOf('.') == form.length() - 1
          && form.chars().limit(form.length() - 1L).allMatch(Character::isLetter);
    }

    /**
     * The query for one word or phrase. An abbreviation of letters and dots ("D.C.", "U.S.") is its
     * whole token only: the index has that token wherever the abbreviation is written, and the
     * alternative the word delimiter adds, the phrase of its letters ("d c"), matches the same
     * paragraphs at the cost of reading the positions of two of the commonest tokens.
     */
    private Query formQuery(String field, String text, boolean quoted) throws ParseException {
      if (getField().equals(field) && ABBREVIATION.matcher(text).matches()) {
        String whole = wholeToken(field, text);
        if (whole != null) return new TermQuery(new Term(field, whole));
      }
      return super.getFieldQuery(field, text, quoted);
    }

    /**
     * The analyzed token of {@code text} that spans all of it (the word delimiter keeps it), or
     * null.
     */
    private String wholeToken(String field, String text) {
      try (TokenStream ts = getAnalyzer().tokenStream(field, text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        String whole = null;
        int widest = -1;
        while (ts.incrementToken()) {
          if (offset.endOffset() - offset.startOffset() > widest) {
            widest = offset.endOffset() - offset.startOffset();
            whole = term.toString();
          }
        }
        ts.end();
        return whole;
      } catch (java.io.IOException e) {
        return null; // analysis of a string does not fail; fall back to the parser's query
      }
    }

    /**
     * Whether {@code word} is one of the words (runs of letters) of {@code text}, ignoring case.
     */
    private static boolean hasWord(String text, String word) {
      for (String w : text.split("[^\\p{L}]+")) if (w.equalsIgnoreCase(word)) return true;
      return false;
    }

    private void countExpanding() throws ParseException {
      if (++expanding > MAX_EXPANDING_TERMS) {
        throw new ParseException(
            "too many wildcard, prefix or fuzzy terms (at most " + MAX_EXPANDING_TERMS + ")");
      }
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
        throws ParseException {
      requireText(field);
      countExpanding();
      return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      throw new ParseException(
          "regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*");
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if ("*".equals(field) && "*".equals(termStr))
        return super.getWildcardQuery(field, termStr); // *:* = everything
      requireText(field);
      requirePrefix(termStr);
      countExpanding();
      return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      requireText(field);
      requirePrefix(termStr + "*");
      countExpanding();
      return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query newFieldQuery(
        org.apache.lucene.analysis.Analyzer analyzer,
        String field,
        String queryText,
        boolean quoted)
        throws ParseException {
      requireText(field);
      return super.newFieldQuery(analyzer, field, queryText, quoted);
    }

    @Override
    protected Query getRangeQuery(
        String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
        throws ParseException {
      requireText(field);
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    private void requireText(String field) throws ParseException {
      if (!getField().equals(field)) {
        throw new ParseException(
            "unknown field '"
                + field
                + ":' (only the paragraph text is searched; filter outlets with outlet=)");
      }
    }

    private static void requirePrefix(String termStr) throws ParseException {
      int first = firstWildcard(termStr);
      if (first < MIN_WILDCARD_PREFIX) {
        throw new ParseException(
            "'"
                + termStr
                + "': a wildcard needs at least "
                + MIN_WILDCARD_PREFIX
                + " letters before it");
      }
    }

    private static int firstWildcard(String s) {
      for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '*' || s.charAt(i) == '?') return i;
      return s.length();
    }
  }
}
