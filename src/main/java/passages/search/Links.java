package passages.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links to a paragraph: on our page, and on the original page through a URL text fragment. */
public final class Links {
  /** Words of the paragraph used at each end of a text fragment. */
  static final int FRAGMENT_WORDS = 4;

  private Links() {}

  /** Path of our article page scrolled to paragraph {@code ordinal}: {@code /articles/{id}#p-{n}}. */
  public static String articleLink(String articleId, int ordinal) {
    return "/articles/" + articleId + "#p-" + ordinal;
  }

  /**
   * {@code url} with a text fragment ({@code #:~:text=start,end}) matching {@code paragraph}, or {@code null}
   * when {@code url} is {@code null}. Short paragraphs are matched whole; long ones by their first and
   * last {@value #FRAGMENT_WORDS} words. An existing fragment of {@code url} is replaced.
   */
  public static String sourceLink(String url, String paragraph) {
    if (url == null) return null;
    int hash = url.indexOf('#');
    String base = hash >= 0 ? url.substring(0, hash) : url;
    String[] words = paragraph.strip().split("\\s+");
    String directive;
    if (words.length <= 2 * FRAGMENT_WORDS) {
      directive = encode(String.join(" ", words));
    } else {
      String start = String.join(" ", java.util.Arrays.copyOfRange(words, 0, FRAGMENT_WORDS));
      String end = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - FRAGMENT_WORDS, words.length));
      directive = encode(start) + "," + encode(end);
    }
    return base + "#:~:text=" + directive;
  }

  /** Percent-encodes for a text directive: also {@code - , &}, which the directive syntax reserves. */
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("-", "%2D");
  }
}
