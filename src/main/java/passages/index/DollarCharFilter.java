package passages.index;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Writes the word {@code usd} in place of a dollar sign ({@code $} or {@code US$}) that stands
 * before a digit, so that {@code "$38 billion"} is the phrase {@code usd 38 billion}. Offsets map
 * back to the original text (the {@code usd} token covers the sign). A plain scan: no regular
 * expression.
 */
final class DollarCharFilter extends BaseCharFilter {
  private static final char[] USD = {'u', 's', 'd', ' '};

  private char[] out;
  private int outLen;
  private int pos;

  DollarCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (out == null) fill();
    if (pos >= outLen) return -1;
    int n = Math.min(len, outLen - pos);
    System.arraycopy(out, pos, cbuf, off, n);
    pos += n;
    return n;
  }

  private void fill() throws IOException {
    char[] in = new char[256];
    int inLen = 0;
    for (int n; (n = input.read(in, inLen, in.length - inLen)) > 0; ) {
      inLen += n;
      if (inLen == in.length) in = java.util.Arrays.copyOf(in, in.length * 2);
    }
    int firstSign = indexOfSign(in, inLen, 0);
    if (firstSign < 0) { // most paragraphs: the text passes through as it is
      out = in;
      outLen = inLen;
      return;
    }
    out = new char[inLen + 16];
    System.arraycopy(in, 0, out, 0, firstSign);
    outLen = firstSign;
    int cumulativeDiff = 0;
    for (int i = firstSign; i < inLen; i++) {
      char c = in[i];
      boolean sign = c == '$' && i + 1 < inLen && Character.isDigit(in[i + 1]);
      if (sign) {
        boolean us =
            outLen >= 2
                && out[outLen - 2] == 'U'
                && out[outLen - 1] == 'S'
                && (outLen == 2 || !Character.isLetterOrDigit(out[outLen - 3]));
        if (us) outLen -= 2; // "US$5": the "US" is part of the sign
        int start = outLen;
        ensure(outLen + USD.length);
        System.arraycopy(USD, 0, out, outLen, USD.length);
        outLen += USD.length;
        // "usd" (output [start, start+3)) stands for the sign, input [start+D, start+D+L); the
        // space and
        // what follows continue after the sign. D is the running input-minus-output offset.
        int inputLen = us ? 3 : 1;
        addOffCorrectMap(start + 1, cumulativeDiff + inputLen - 3);
        cumulativeDiff += inputLen - USD.length;
        addOffCorrectMap(start + USD.length, cumulativeDiff);
      } else {
        ensure(outLen + 1);
        out[outLen++] = c;
      }
    }
  }

  /** The first dollar sign before a digit at or after {@code from}, or -1. */
  private static int indexOfSign(char[] in, int len, int from) {
    for (int i = from; i + 1 < len; i++) if (in[i] == '$' && Character.isDigit(in[i + 1])) return i;
    return -1;
  }

  private void ensure(int size) {
    if (size > out.length) out = java.util.Arrays.copyOf(out, Math.max(size, out.length * 2));
  }
}
