package passages.index;

import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.GENERATE_WORD_PARTS;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.PRESERVE_ORIGINAL;
import static org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter.SPLIT_ON_NUMERICS;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis chain of paragraph text, for indexing and for queries.
 *
 * <ol>
 *   <li>a char filter turns a dollar sign before a digit into the word {@code usd}, so {@code "$38
 *       billion"} is the phrase {@code usd 38 billion} and does not match a bare "38 billion";
 *   <li>{@link StandardTokenizer} (Unicode word breaks: hyphenated names split into their parts);
 *   <li>{@link EnglishPossessiveFilter}: {@code OpenAI’s} → {@code OpenAI} (straight or curly
 *       apostrophe);
 *   <li>{@link WordDelimiterGraphFilter}: letters and digits split, original kept — {@code
 *       Trainium3} → {@code trainium3}, {@code trainium}, {@code 3}, so the phrase {@code "trainium
 *       3"} matches it;
 *   <li>at index time only: an all-capitals token of 2 to {@value AcronymMarkerFilter#MAX_LETTERS}
 *       letters ({@code LA}, {@code AWS}) also gets the marked token {@code _la}, {@code _aws} at
 *       its position, so an abbreviation alias can match the abbreviation as written and never a
 *       lower-case word ("La La Land") or a plural stemmed into it ("las");
 *   <li>lower case, ASCII folding, plural stemming ({@code chips} = {@code chip}; not of a few
 *       words like {@code news}, whose stem is another word);
 *   <li>at index time only: the split graph flattened (only tokens that were split form one), and
 *       the aliases of {@code aliases.txt} ({@code trn} = {@code trainium}) stacked on their
 *       tokens.
 * </ol>
 *
 * <p>Thread-safe, like every Lucene analyzer.
 */
public final class NewsAnalyzer extends Analyzer {
  private static final int WORD_DELIMITER_FLAGS =
      GENERATE_WORD_PARTS | GENERATE_NUMBER_PARTS | SPLIT_ON_NUMERICS | PRESERVE_ORIGINAL;

  /**
   * Words ending in s that are not plurals, kept from the plural stemmer where their stem is
   * another word: {@code news} is not {@code new}, {@code its} not {@code it}.
   */
  private static final CharArraySet NOT_PLURALS =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              List.of(
                  "news", "its", "his", "has", "was", "does", "this", "bias", "gas", "lens",
                  "series", "species", "always", "perhaps", "thus", "yes", "whereas", "physics"),
              false));

  private final boolean indexTime;

  /**
   * Form → its other forms, keyed by chars so a token is looked up without making a string of it.
   */
  private final CharArrayMap<List<String>> aliases;

  private NewsAnalyzer(boolean indexTime) {
    this.indexTime = indexTime;
    this.aliases =
        CharArrayMap.unmodifiableMap(
            indexTime ? new CharArrayMap<>(loadAliases(), false) : CharArrayMap.emptyMap());
  }

  /** The analyzer for indexing paragraph text (flattened token graph, aliases stacked). */
  public static NewsAnalyzer forIndexing() {
    return new NewsAnalyzer(true);
  }

  /** The analyzer for parsing queries (token graph kept, so split words become phrases). */
  public static NewsAnalyzer forQueries() {
    return new NewsAnalyzer(false);
  }

  /**
   * The words the plural stemmer leaves alone (lower case), for other engines that must analyse
   * text the same way (the OpenSearch index settings).
   */
  public static List<String> notPlurals() {
    List<String> words = new ArrayList<>();
    for (Object w : NOT_PLURALS) words.add(new String((char[]) w));
    words.sort(null);
    return List.copyOf(words);
  }

  /**
   * The alias groups of {@code aliases.txt}, one list of lower-case forms per line, in file order,
   * for other engines that must analyse text the same way (the OpenSearch index settings).
   */
  public static List<List<String>> aliasGroups() {
    return readAliasGroups();
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new DollarCharFilter(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream ts = new EnglishPossessiveFilter(source);
    ts = new SplitWhereNeeded(ts, indexTime);
    if (indexTime) ts = new AcronymMarkerFilter(ts);
    ts = new LowerCaseFilter(ts);
    ts = new ASCIIFoldingFilter(ts);
    ts = new SetKeywordMarkerFilter(ts, NOT_PLURALS);
    ts = new EnglishMinimalStemFilter(ts);
    if (indexTime) ts = new AliasFilter(ts, aliases);
    return new TokenStreamComponents(source, ts);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  /**
   * Runs the word delimiter only on tokens with something to split (a digit next to a letter, a
   * dot, an apostrophe…): a token of letters alone comes out of it unchanged anyway, and most
   * tokens are such words. A number written with separators ({@code 176,617}, {@code 3.5}) is one
   * token: its groups are not words, so {@code 617} does not find "176,617".
   */
  private static final class SplitWhereNeeded extends ConditionalTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    /** At index time the split token graph is flattened right away (the index stores no graph). */
    SplitWhereNeeded(TokenStream in, boolean flatten) {
      super(
          in,
          ts -> {
            TokenStream split =
                new WordDelimiterGraphFilter(
                    ts,
                    false,
                    WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE,
                    WORD_DELIMITER_FLAGS,
                    null);
            return flatten ? new FlattenGraphFilter(split) : split;
          });
    }

    @Override
    protected boolean shouldFilter() {
      char[] b = term.buffer();
      int n = term.length();
      boolean split = false;
      for (int i = 0; i < n; i++) if (!Character.isLetter(b[i])) split = true;
      return split && !isGroupedNumber(b, n);
    }

    /**
     * Digits in groups separated by single commas or dots: {@code 176,617}, {@code 3.5}, {@code
     * 1.2.3}.
     */
    private static boolean isGroupedNumber(char[] b, int n) {
      if (n == 0 || !isDigit(b[0]) || !isDigit(b[n - 1])) return false;
      for (int i = 1; i < n - 1; i++) {
        if (!isDigit(b[i]) && !((b[i] == ',' || b[i] == '.') && isDigit(b[i + 1]))) return false;
      }
      return true;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }

  private static Map<String, List<String>> loadAliases() {
    Map<String, List<String>> map = new HashMap<>();
    for (List<String> group : readAliasGroups()) {
      for (String form : group) {
        List<String> others = new ArrayList<>(group);
        others.remove(form);
        map.computeIfAbsent(form, k -> new ArrayList<>()).addAll(others);
      }
    }
    return map;
  }

  private static List<List<String>> readAliasGroups() {
    try (InputStream in = NewsAnalyzer.class.getResourceAsStream("/passages/index/aliases.txt")) {
      if (in == null)
        throw new IllegalStateException("resource /passages/index/aliases.txt is missing");
      List<List<String>> groups = new ArrayList<>();
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        List<String> group = new ArrayList<>();
        for (String form : line.split(",")) group.add(form.strip().toLowerCase(Locale.ROOT));
        groups.add(List.copyOf(group));
      }
      return List.copyOf(groups);
    } catch (IOException e) {
      throw new UncheckedIOException("reading aliases.txt", e);
    }
  }
}
