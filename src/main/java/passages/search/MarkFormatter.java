package passages.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as HTML: text escaped ({@code & < > " '}), matches wrapped in {@code
 * <mark>…</mark>}; overlapping or touching matches become one mark. Nothing else is markup.
 */
final class MarkFormatter extends PassageFormatter {
  @Override
  public String format(Passage[] passages, String content) {
    StringBuilder out = new StringBuilder(content.length() + 32);
    for (Passage p : passages) {
      int pos = p.getStartOffset();
      int i = 0;
      while (i < p.getNumMatches()) {
        int start = Math.max(p.getMatchStarts()[i], pos);
        int end = p.getMatchEnds()[i];
        while (i + 1 < p.getNumMatches() && p.getMatchStarts()[i + 1] <= end)
          end = Math.max(end, p.getMatchEnds()[++i]);
        i++;
        if (end <= start) continue;
        escape(content, pos, start, out);
        out.append("<mark>");
        escape(content, start, end, out);
        out.append("</mark>");
        pos = end;
      }
      escape(content, pos, p.getEndOffset(), out);
    }
    return out.toString();
  }

  /** Appends {@code s[from, to)} HTML-escaped. */
  static void escape(String s, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }

  /** {@code s} HTML-escaped. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    escape(s, 0, s.length(), out);
    return out.toString();
  }
}
