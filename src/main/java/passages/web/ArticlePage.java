package passages.web;

import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import passages.search.ArticleView;
import passages.search.HitEntity;
import passages.search.ParagraphView;

/**
 * Renders an article as an HTML page: every paragraph is {@code <p id="p-N">} so {@code #p-N}
 * scrolls to it and marks it (CSS {@code :target}), and carries its durable link in {@code
 * data-permalink}. Built with jsoup's DOM, so stored text is always text.
 */
final class ArticlePage {
  private ArticlePage() {}

  static String render(ArticleView article) {
    Document doc = shell(article.title());
    Element main = doc.body().appendElement("main").addClass("article");
    main.appendElement("h1").text(article.title());
    Element meta = main.appendElement("p").addClass("meta");
    meta.appendElement("span")
        .addClass("outlet")
        .text(article.outlet() == null ? "Unknown outlet" : article.outlet());
    if (article.date() != null)
      meta.appendText(" · ")
          .appendElement("time")
          .attr("datetime", article.date())
          .text(article.date());
    if (!article.authors().isEmpty())
      meta.appendText(" · ")
          .appendElement("span")
          .addClass("authors")
          .text("by " + String.join(", ", article.authors()));
    if (article.url() != null) {
      meta.appendText(" · ");
      meta.appendElement("a")
          .attr("href", safeUrl(article.url()))
          .attr("rel", "noopener noreferrer")
          .text("original");
    }
    String section = null;
    for (ParagraphView p : article.paragraphs()) {
      if (p.section() != null && !Objects.equals(p.section(), section))
        main.appendElement("h2").text(p.section());
      section = p.section();
      Element para =
          main.appendElement("p")
              .id("p-" + p.paragraph())
              .addClass("para")
              .attr("data-permalink", p.permalink());
      para.appendElement("a")
          .addClass("anchor")
          .attr("href", "#p-" + p.paragraph())
          .attr("title", "Link to paragraph " + p.paragraph())
          .text("¶" + p.paragraph());
      para.appendElement("span").addClass("text").text(p.text());
      if (!p.entities().isEmpty()) {
        Element ents = para.appendElement("span").addClass("entities");
        for (HitEntity e : p.entities()) {
          ents.appendElement("a")
              .addClass("entity")
              .addClass(e.type())
              .attr(
                  "href",
                  "/?entity="
                      + java.net.URLEncoder.encode(
                          e.type() + ":" + e.value(), java.nio.charset.StandardCharsets.UTF_8))
              .text(e.value());
        }
      }
    }
    return doc.outerHtml();
  }

  static String notFound(String message) {
    Document doc = shell("Not found");
    Element main = doc.body().appendElement("main").addClass("article");
    main.appendElement("h1").text("Not found");
    main.appendElement("p").text(message);
    main.appendElement("p").appendElement("a").attr("href", "/").text("Search");
    return doc.outerHtml();
  }

  private static Document shell(String title) {
    Document doc = Document.createShell("");
    doc.prependChild(new org.jsoup.nodes.DocumentType("html", "", ""));
    doc.head().appendElement("meta").attr("charset", "utf-8");
    doc.head()
        .appendElement("meta")
        .attr("name", "viewport")
        .attr("content", "width=device-width, initial-scale=1");
    doc.title(title + " — passages");
    doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", "/style.css");
    doc.head().appendElement("script").attr("src", "/article.js").attr("defer", true);
    doc.body()
        .appendElement("header")
        .addClass("top")
        .appendElement("a")
        .attr("href", "/")
        .addClass("brand")
        .text("passages");
    return doc;
  }

  /** Only http(s) urls become links; anything else (javascript:, data:) is neutralised. */
  private static String safeUrl(String url) {
    String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? url.strip() : "#";
  }
}
