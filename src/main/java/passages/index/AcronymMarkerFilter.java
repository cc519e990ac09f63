package passages.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * After each token written in capitals only ({@code LA}, {@code AWS}, {@code US}: 2 to {@value
 * #MAX_LETTERS} ASCII letters), stacks the marked token {@link #MARK}{@code +token} ({@code _LA};
 * lower-cased later, and marked as a keyword so the plural stemmer leaves it alone) at the same
 * position and offsets. The query side looks an abbreviation alias up by its marked token ({@link
 * #marked}), so {@code louisiana} finds "LA" but not "la" or "Las". Placed before lower-casing, at
 * index time only.
 */
public final class AcronymMarkerFilter extends TokenFilter {
  /** Prefix of a marked token. */
  public static final String MARK = "_";

  /** Longest abbreviation marked. */
  public static final int MAX_LETTERS = 5;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private AttributeSource.State pending;

  AcronymMarkerFilter(TokenStream in) {
    super(in);
  }

  /** Whether {@code word} is written as an abbreviation this filter marks. */
  public static boolean isAcronym(CharSequence word) {
    int n = word.length();
    if (n < 2 || n > MAX_LETTERS) return false;
    for (int i = 0; i < n; i++) if (word.charAt(i) < 'A' || word.charAt(i) > 'Z') return false;
    return true;
  }

  /**
   * The indexed term of the abbreviation {@code acronym} as written in capitals ({@code LA} →
   * {@code _la}).
   */
  public static String marked(String acronym) {
    return MARK + acronym.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pending != null) {
      restoreState(pending);
      pending = null;
      String word = term.toString();
      term.setEmpty().append(MARK).append(word);
      posInc.setPositionIncrement(0);
      keyword.setKeyword(true);
      return true;
    }
    if (!input.incrementToken()) return false;
    if (isAcronym(term)) pending = captureState();
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending = null;
  }
}
