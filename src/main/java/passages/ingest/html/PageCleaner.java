package passages.ingest.html;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes what is never article text from a page body before the content is searched: scripts,
 * embeds and forms controls, navigation, page headers and footers, hidden elements, and blocks
 * whose class, id or role names a kind of boilerplate (share bars, related stories, newsletter and
 * cookie boxes, comments, ads, author promos). An element that holds most of the page's paragraph
 * text is never removed, so one odd class name on a wrapper cannot drop the article.
 */
final class PageCleaner {
  private static final Set<String> NEVER_TEXT =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "object",
          "embed",
          "svg",
          "canvas",
          "video",
          "audio",
          "button",
          "input",
          "select",
          "textarea",
          "label",
          "option",
          "link",
          "meta",
          "img",
          "picture",
          "source");
  private static final Set<String> PAGE_CHROME =
      Set.of("nav", "aside", "header", "footer", "figure", "figcaption", "dialog", "menu");
  private static final Set<String> ROLES =
      Set.of(
          "navigation",
          "banner",
          "contentinfo",
          "complementary",
          "dialog",
          "alertdialog",
          "menu",
          "menubar",
          "search");

  /** Boilerplate kinds, matched anywhere in class / id. */
  private static final Pattern JUNK =
      Pattern.compile(
          String.join(
              "|",
              "comment",
              "disqus",
              "sharing",
              "share-?(bar|tools|buttons|links|icons|this)",
              "social",
              "related",
              "recommend",
              "newsletter",
              "subscri",
              "sign-?up",
              "promo",
              "sponsor",
              "advert",
              "cookie",
              "consent",
              "gdpr",
              "popup",
              "modal",
              "sidebar",
              "breadcrumb",
              "pagination",
              "pager",
              "navbar",
              "masthead",
              "footer",
              "outbrain",
              "taboola",
              "trending",
              "most-?read",
              "most-?popular",
              "more-?stories",
              "read-?more",
              "(post|entry|article)-?author",
              "author-?(bio|box|info|card|promo|details|content|wrap)",
              "about-?(the-)?author",
              "toolbar",
              "caption",
              "byline",
              "skip-?link",
              "widget",
              "dateline",
              "timestamp",
              "paywall",
              "login",
              "recirc",
              "upsell",
              "inline-?ad",
              "ad-?(slot|unit|wrap|container|holder|box)",
              "article-?(tags|meta|footer|header)",
              "post-?(tags|meta)",
              "topics",
              "tag-?list",
              "keywords",
              "print-?only",
              "visually-?hidden",
              "sr-only",
              "screen-?reader"),
          0);

  /**
   * Single class / id words that are boilerplate only when they stand alone (not "shared",
   * "header-image").
   */
  private static final Set<String> JUNK_WORDS =
      Set.of(
          "ad",
          "ads",
          "advert",
          "adv",
          "nav",
          "menu",
          "share",
          "tags",
          "tag",
          "meta",
          "bio",
          "hide",
          "hidden",
          "print",
          "rail",
          "credit",
          "credits",
          "author",
          "date",
          "header",
          "masthead");

  /**
   * Elements that mark the article body explicitly; they and their ancestors are never removed as
   * boilerplate.
   */
  private static final String ARTICLE_MARKERS =
      "[itemprop=articleBody], [class~=(?i)(post|entry|article|story)-?(body|content|text)], .hentry";

  private static final Pattern WORD_SPLIT = Pattern.compile("[\\s_]+");

  private PageCleaner() {}

  /** Removes boilerplate from {@code body} in place. */
  static void clean(Element body) {
    List<Node> never = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      for (Node child : e.childNodes()) if (child instanceof Comment) never.add(child);
      if (e != body && (NEVER_TEXT.contains(e.normalName()) || isHidden(e))) never.add(e);
    }
    removeAll(never);

    int total = plainText(body);
    Set<Element> protectedElements =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Element marker : body.select(ARTICLE_MARKERS)) {
      for (Element p = marker; p != null; p = p.parent()) protectedElements.add(p);
    }
    List<Element> candidates = new ArrayList<>();
    Map<String, Boolean> junkNames =
        new HashMap<>(); // class + id strings repeat a lot within a page
    for (Element e : body.getAllElements()) {
      if (e != body && !protectedElements.contains(e) && looksLikeBoilerplate(e, junkNames))
        candidates.add(e);
    }
    Set<Element> doomed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e : candidates) {
      if (hasAncestorIn(e, doomed)) continue; // goes with its ancestor
      boolean byNameOnly = !PAGE_CHROME.contains(e.normalName()) && e.attr("role").isEmpty();
      if (byNameOnly && total > 0 && plainText(e) > total * 0.4) continue;
      doomed.add(e);
    }
    removeAll(doomed);
  }

  static boolean looksLikeBoilerplate(Element e, Map<String, Boolean> junkNames) {
    String tag = e.normalName();
    if (tag.equals("html") || tag.equals("body") || tag.equals("article") || tag.equals("main"))
      return false;
    if (PAGE_CHROME.contains(tag)) return true;
    if ("true".equals(e.attr("aria-hidden"))) return true;
    if (ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))) return true;
    String names = e.className() + " " + e.id();
    if (names.isBlank()) return false;
    return junkNames.computeIfAbsent(names, PageCleaner::isJunkName);
  }

  private static boolean isJunkName(String names) {
    String lower = names.toLowerCase(Locale.ROOT);
    if (JUNK.matcher(lower).find()) return true;
    for (String word : WORD_SPLIT.split(lower.strip())) {
      if (JUNK_WORDS.contains(word)) return true;
    }
    return false;
  }

  /**
   * Hidden from every reader by the page itself: the {@code hidden} attribute or an inline
   * display:none.
   */
  private static boolean isHidden(Element e) {
    if (e.hasAttr("hidden")) return true;
    String style = e.attr("style");
    return !style.isEmpty()
        && style.replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
  }

  private static boolean hasAncestorIn(Element e, Set<Element> set) {
    for (Element p = e.parent(); p != null; p = p.parent()) if (set.contains(p)) return true;
    return false;
  }

  /**
   * Removes the nodes from the tree. One jsoup removal costs time linear in the number of siblings,
   * so a parent that loses many children gets its child list rebuilt once instead (pages with 100k
   * ad slots exist).
   */
  static void removeAll(Collection<? extends Node> nodes) {
    Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
    for (Node n : nodes) {
      if (n.parent() instanceof Element parent) {
        byParent
            .computeIfAbsent(parent, k -> Collections.newSetFromMap(new IdentityHashMap<>()))
            .add(n);
      }
    }
    for (var entry : byParent.entrySet()) {
      Element parent = entry.getKey();
      Set<Node> gone = entry.getValue();
      if (gone.size() < 8) {
        gone.forEach(Node::remove);
        continue;
      }
      List<Node> keep = new ArrayList<>();
      for (Node child : parent.childNodes()) if (!gone.contains(child)) keep.add(child);
      parent.empty();
      parent.appendChildren(keep);
    }
  }

  /** Characters of text under {@code e} that are not link text. */
  static int plainText(Element e) {
    int[] counts = ContentFinder.textCounts(e);
    return counts[0] - counts[1];
  }

  /**
   * Removes containers inside the chosen article that look like embedded boilerplate rather than
   * text: link lists, forms, and boxes with a negative class hint (Readability's "clean
   * conditionally", simplified). Each box is judged on its full content.
   */
  static void cleanInside(Element article) {
    List<Element> boxes = new ArrayList<>(article.select("div, section, ul, ol, table, form, dl"));
    java.util.Collections.reverse(boxes);
    List<Element> doomed = new ArrayList<>();
    for (Element box : boxes) {
      if (box == article) continue;
      String text = box.text();
      int commas = 0;
      for (int i = 0; i < text.length(); i++) if (text.charAt(i) == ',') commas++;
      if (commas >= 10) continue;
      int weight = ContentFinder.classWeight(box);
      double links = ContentFinder.linkDensity(box);
      int p = box.getElementsByTag("p").size();
      int li = box.getElementsByTag("li").size() - 100;
      boolean list = box.normalName().equals("ul") || box.normalName().equals("ol");
      boolean remove =
          weight < 0
              || (li > p && !list)
              || (weight < 25 && links > 0.33)
              || (weight >= 25 && links > 0.5);
      if (remove) doomed.add(box);
    }
    // Removing while measuring would make jsoup re-index a long sibling list after every removal
    // (quadratic on
    // huge pages), so all removals happen at the end.
    removeAll(doomed);
  }
}
