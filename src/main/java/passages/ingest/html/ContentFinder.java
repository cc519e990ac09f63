package passages.ingest.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the elements that hold the article body of a cleaned page: every text block votes for its
 * ancestors by length and commas (damped with distance), votes are weighted by class/id hints and
 * discounted by link density, and the best container is taken together with those of its siblings
 * that look like article text. This is the scheme of Mozilla's Readability, re-implemented in a
 * smaller form.
 */
final class ContentFinder {
  static final Pattern POSITIVE =
      Pattern.compile("article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story");
  static final Pattern NEGATIVE =
      Pattern.compile(
          "-ad-|hidden|banner|combx|comment|com-|contact|foot|gdpr|masthead|media|meta|outbrain|promo|related|"
              + "scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|taboola|newsletter|"
              + "subscribe|recirc|byline|author");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "table",
          "ul",
          "ol",
          "dl",
          "blockquote",
          "pre",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "figure",
          "header",
          "footer",
          "aside",
          "form",
          "li",
          "tr",
          "td",
          "th");
  private static final Set<String> SCORED =
      Set.of("p", "pre", "td", "blockquote", "div", "section", "article");

  private final Map<Element, Double> scores = new IdentityHashMap<>();

  private ContentFinder() {}

  /**
   * The elements holding the article in document order, or an empty list when nothing looks like
   * text.
   */
  static List<Element> find(Element body) {
    return new ContentFinder().select(body);
  }

  private List<Element> select(Element body) {
    for (Element e : body.getAllElements()) {
      if (!SCORED.contains(e.normalName()) || e == body) continue;
      // A block with nested blocks votes with its own loose text, as if that text were wrapped in
      // <p> children.
      boolean leaf =
          e.normalName().equals("p") || e.normalName().equals("pre") || !hasBlockChild(e);
      String text = leaf ? e.text() : e.ownText();
      if (text.length() < 25) continue;
      double score = 1 + count(text, ',') + Math.min(text.length() / 100.0, 3);
      Element ancestor = leaf ? e.parent() : e;
      for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        scores.merge(
            ancestor, initialScore(ancestor) + score / divider, (a, b) -> a + score / divider);
        if (ancestor == body) break;
      }
    }
    if (scores.isEmpty()) return List.of();

    Element top = null;
    double topScore = 0;
    for (var entry : scores.entrySet()) {
      double s = entry.getValue() * (1 - linkDensity(entry.getKey()));
      entry.setValue(s);
      if (s > topScore) {
        topScore = s;
        top = entry.getKey();
      }
    }
    if (top == null) return List.of();
    top = preferCommonAncestor(top, topScore, body);
    topScore = scores.getOrDefault(top, topScore);
    // A lone child says nothing about its siblings: climb so that the parts of a split article are
    // siblings.
    while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
      topScore = Math.max(topScore, scores.getOrDefault(top, 0.0));
    }

    Element parent = top.parent();
    if (parent == null || top == body) return List.of(top);
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> chosen = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        chosen.add(sibling);
        continue;
      }
      double bonus =
          !top.className().isEmpty() && top.className().equals(sibling.className())
              ? topScore * 0.2
              : 0;
      Double s = scores.get(sibling);
      if (s != null && s + bonus >= threshold) {
        chosen.add(sibling);
      } else if (isTextBlock(sibling)) {
        chosen.add(
            sibling); // too deep for the votes to reach, e.g. the second half of a split article
      } else if (sibling.normalName().equals("p")) {
        String text = sibling.text();
        double ld = linkDensity(sibling);
        if ((text.length() > 80 && ld < 0.25)
            || (text.length() > 0 && ld == 0 && text.matches(".*\\.( |$).*"))) {
          chosen.add(sibling);
        }
      }
    }
    return chosen;
  }

  /**
   * When several strong candidates (within 75 % of the best) share an ancestor, the article was
   * split into parts (e.g. by ads): take the ancestor instead, as Readability does.
   */
  private Element preferCommonAncestor(Element top, double topScore, Element body) {
    List<Element> alternatives = new ArrayList<>();
    for (var entry : scores.entrySet()) {
      if (entry.getKey() != top && entry.getValue() >= topScore * 0.75)
        alternatives.add(entry.getKey());
    }
    if (alternatives.size() < 2) return top;
    for (Element ancestor = top.parent();
        ancestor != null && ancestor != body;
        ancestor = ancestor.parent()) {
      int containing = 0;
      for (Element alt : alternatives) if (isAncestor(ancestor, alt)) containing++;
      if (containing >= 2) return ancestor;
    }
    return top;
  }

  /** Holds several hundred characters of paragraph text and few links. */
  private static boolean isTextBlock(Element e) {
    int paragraphChars = 0;
    for (Element p : e.getElementsByTag("p")) paragraphChars += p.text().length();
    return paragraphChars >= 250 && linkDensity(e) < 0.2;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e; p != null; p = p.parent()) if (p == ancestor) return true;
    return false;
  }

  private static double initialScore(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return s + classWeight(e);
  }

  /** +25 / -25 for each of class and id that hints at article text / at boilerplate. */
  static int classWeight(Element e) {
    return nameWeight(e.className()) + nameWeight(e.id());
  }

  private static int nameWeight(String name) {
    if (name.isEmpty()) return 0;
    String lower = name.toLowerCase(Locale.ROOT);
    return (NEGATIVE.matcher(lower).find() ? -25 : 0) + (POSITIVE.matcher(lower).find() ? 25 : 0);
  }

  /** Share of the element's text that is inside links, 0..1. */
  static double linkDensity(Element e) {
    int[] counts = textCounts(e);
    return counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
  }

  /**
   * Characters of all text and of link text under {@code e}, whitespace not counted at the ends of
   * text nodes.
   */
  static int[] textCounts(Element e) {
    int[] counts = new int[2];
    countText(e, counts);
    return counts;
  }

  private static void countText(Element e, int[] counts) {
    org.jsoup.select.NodeTraversor.traverse(
        new org.jsoup.select.NodeVisitor() {
          int inLink;

          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              int n = t.text().strip().length();
              counts[0] += n;
              if (inLink > 0) counts[1] += n;
            } else if (node instanceof Element el && el.normalName().equals("a")) {
              inLink++;
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element el && el.normalName().equals("a")) inLink--;
          }
        },
        e);
  }

  static boolean isBlock(String tag) {
    return BLOCKS.contains(tag);
  }

  private static boolean hasBlockChild(Element e) {
    for (Element c : e.children()) if (BLOCKS.contains(c.normalName())) return true;
    return false;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }
}
