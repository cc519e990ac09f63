package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void articleLink_pointsAtTheParagraphAnchor() {
    assertEquals("/articles/a1#p-3", Links.articleLink("a1", 3));
  }

  @Test
  void sourceLink_shortParagraphIsMatchedWhole() {
    assertEquals(
        "https://x.test/a#:~:text=Amazon%20ships%20Trainium3.",
        Links.sourceLink("https://x.test/a#old", "  Amazon ships\tTrainium3.  "));
    assertNull(Links.sourceLink(null, "Amazon ships Trainium3."));
  }

  @Test
  void sourceLink_longParagraphIsMatchedByItsFirstAndLastWords() {
    assertEquals(
        "https://x.test/a#:~:text=one%20two%20three%20four,six%20seven%2Deight%20nine%2C%20ten",
        Links.sourceLink("https://x.test/a", "one two three four five six seven-eight nine, ten"));
  }

  /**
   * The reference: split the whole stripped paragraph on regex whitespace (what sourceLink did
   * before).
   */
  private static String bySplitting(String url, String paragraph) {
    String[] words = paragraph.strip().split("\\s+");
    String directive;
    if (words.length <= 2 * Links.FRAGMENT_WORDS) {
      directive = encode(String.join(" ", words));
    } else {
      directive =
          encode(String.join(" ", Arrays.copyOfRange(words, 0, Links.FRAGMENT_WORDS)))
              + ","
              + encode(
                  String.join(
                      " ",
                      Arrays.copyOfRange(
                          words, words.length - Links.FRAGMENT_WORDS, words.length)));
    }
    return url + "#:~:text=" + directive;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("-", "%2D");
  }

  @Test
  void sourceLink_sameAsSplittingTheWholeParagraph_onRandomText() {
    // words, every kind of regex whitespace, Unicode spaces that strip() removes but \s does not
    // split on
    String[] pieces = {
      "a",
      "Bé",
      "-",
      "x,",
      "\u201cq\u201d",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\u000B",
      "\f",
      "\u2003",
      "\u00A0",
      ""
    };
    Random random = new Random(42);
    for (int n = 0; n < 5000; n++) {
      StringBuilder p = new StringBuilder();
      for (int k = random.nextInt(30); k > 0; k--) p.append(pieces[random.nextInt(pieces.length)]);
      String text = p.toString();
      assertEquals(
          bySplitting("https://x.test/a", text),
          Links.sourceLink("https://x.test/a", text),
          () -> "for [" + text + "]");
    }
  }
}
