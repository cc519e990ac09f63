package passages.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Links to a paragraph: on our page, and on the original page through a URL text fragment. */
public final class Links {
  /** Words of the paragraph used at each end of a text fragment. */
  static final int FRAGMENT_WORDS = 4;

  private Links() {}

  /**
   * Path of our article page scrolled to paragraph {@code ordinal}: {@code /articles/{id}#p-{n}}.
   */
  public static String articleLink(String articleId, int ordinal) {
    return "/articles/" + articleId + "#p-" + ordinal;
  }

  /**
   * {@code url} with a text fragment ({@code #:~:text=start,end}) matching {@code paragraph}, or
   * {@code null} when {@code url} is {@code null}. Short paragraphs are matched whole; long ones by
   * their first and last {@value #FRAGMENT_WORDS} words. An existing fragment of {@code url} is
   * replaced.
   */
  public static String sourceLink(String url, String paragraph) {
    if (url == null) return null;
    int hash = url.indexOf('#');
    String base = hash >= 0 ? url.substring(0, hash) : url;
    String text = paragraph.strip();
    // the words are runs between ASCII whitespace; only the first and last few are needed, so they
    // are
    // found from each end instead of splitting the whole paragraph
    List<String> head = words(text, 2 * FRAGMENT_WORDS + 1);
    String directive;
    if (head.size() <= 2 * FRAGMENT_WORDS) {
      directive = encode(String.join(" ", head));
    } else {
      directive =
          encode(String.join(" ", head.subList(0, FRAGMENT_WORDS)))
              + ","
              + encode(String.join(" ", lastWords(text)));
    }
    return base + "#:~:text=" + directive;
  }

  /** The first {@code max} words of {@code text} (stripped: it starts with a word, if any). */
  private static List<String> words(String text, int max) {
    List<String> out = new ArrayList<>(max);
    int i = 0;
    int n = text.length();
    while (i < n && out.size() < max) {
      int end = i;
      while (end < n && !isSpace(text.charAt(end))) end++;
      out.add(text.substring(i, end));
      i = end;
      while (i < n && isSpace(text.charAt(i))) i++;
    }
    return out;
  }

  /**
   * The last {@value #FRAGMENT_WORDS} words of {@code text} (stripped, with more words than that).
   */
  private static List<String> lastWords(String text) {
    String[] out = new String[FRAGMENT_WORDS];
    int end = text.length();
    for (int k = FRAGMENT_WORDS - 1; k >= 0; k--) {
      int start = end;
      while (start > 0 && !isSpace(text.charAt(start - 1))) start--;
      out[k] = text.substring(start, end);
      end = start;
      while (end > 0 && isSpace(text.charAt(end - 1))) end--;
    }
    return List.of(out);
  }

  /** The whitespace of the regular expression {@code \s}: where words split. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * Percent-encodes for a text directive: also {@code - , &}, which the directive syntax reserves.
   */
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("-", "%2D");
  }
}
