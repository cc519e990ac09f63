package passages.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Stacks single-token aliases on each token that has some (position increment 0, same offsets), so
 * phrase queries through either form match. Unlike SynonymGraphFilter it accepts a token graph as
 * input, which is what WordDelimiterGraphFilter produces.
 */
final class AliasFilter extends TokenFilter {
  /** Keyed by the token's chars: looked up without making a string of each token. */
  private final CharArrayMap<List<String>> aliases;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private AttributeSource.State state;

  AliasFilter(TokenStream in, CharArrayMap<List<String>> aliases) {
    super(in);
    this.aliases = aliases;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(state);
      term.setEmpty().append(pending.poll());
      posInc.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) return false;
    List<String> forms = aliases.get(term.buffer(), 0, term.length());
    if (forms != null) {
      state = captureState();
      pending.addAll(forms);
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    state = null;
  }
}
