package passages.ingest.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Metadata of a parsed page from JSON-LD, Open Graph / article meta tags, microdata and plain
 * markup, in that order of trust. Fields are null when the page does not say.
 */
record PageMetadata(
    String title,
    String outlet,
    String author,
    String date,
    String canonicalUrl,
    String articleBody) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})[-/.]?(\\d{2})[-/.]?(\\d{2})");
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»]{1,2}\\s+");
  private static final String[] DATE_META = {
    "article:published_time",
    "datePublished",
    "og:article:published_time",
    "publish-date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
    "DC.date.issued",
    "citation_publication_date"
  };

  /**
   * Reads the metadata of {@code doc}; must run before the body is cleaned (it reads scripts and
   * head).
   */
  static PageMetadata read(Document doc) {
    JsonLd ld = JsonLd.read(doc);
    String outlet =
        firstNonBlank(meta(doc, "og:site_name"), ld.publisher, meta(doc, "application-name"));
    String canonical =
        absoluteUrl(
            firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(doc, "og:url"), ld.url));
    if (outlet == null && canonical != null) outlet = host(canonical);

    Element h1 = doc.selectFirst("body h1");
    String h1Text =
        h1 == null || h1.text().length() > 250
            ? null
            : h1.text(); // an unclosed h1 may hold the page
    String title =
        firstNonBlank(
            meta(doc, "og:title"), ld.headline, meta(doc, "twitter:title"), h1Text, doc.title());
    title = title == null ? null : stripSiteSuffix(title, outlet);

    String author =
        firstNonBlank(
            ld.author,
            metaAuthor(doc),
            text(doc, "[itemprop=author] [itemprop=name]"),
            text(doc, "[itemprop=author]"),
            text(doc, "a[rel=author]"));

    String date = isoDate(ld.datePublished);
    for (int i = 0; date == null && i < DATE_META.length; i++)
      date = isoDate(meta(doc, DATE_META[i]));
    if (date == null) date = isoDate(attr(doc, "[itemprop=datePublished]", "content"));
    if (date == null) date = isoDate(attr(doc, "[itemprop=datePublished]", "datetime"));
    if (date == null) date = isoDate(attr(doc, "time[datetime]", "datetime"));

    return new PageMetadata(title, outlet, author, date, canonical, ld.articleBody);
  }

  // ------------------------------------------------------------------ meta tags and markup

  private static String meta(Document doc, String key) {
    for (Element m : doc.getElementsByTag("meta")) {
      if (key.equalsIgnoreCase(m.attr("property"))
          || key.equalsIgnoreCase(m.attr("name"))
          || key.equalsIgnoreCase(m.attr("itemprop"))) {
        String v = clean(m.attr("content"));
        if (v != null) return v;
      }
    }
    return null;
  }

  private static String metaAuthor(Document doc) {
    for (String key :
        new String[] {
          "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator"
        }) {
      String v = meta(doc, key);
      if (v == null || v.startsWith("http")) continue;
      return v.replaceFirst("(?i)^by\\s+", "");
    }
    return null;
  }

  private static String attr(Document doc, String css, String attr) {
    Element e = doc.selectFirst(css);
    return e == null ? null : clean(e.attr(attr));
  }

  private static String text(Document doc, String css) {
    Element e = doc.selectFirst(css);
    if (e == null) return null;
    String t = clean(e.text());
    return t != null && t.length() <= 100 ? t.replaceFirst("(?i)^by\\s+", "") : null;
  }

  // ------------------------------------------------------------------ normalisation

  static String clean(String s) {
    if (s == null) return null;
    String t = s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    return t.isEmpty() ? null : t;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (clean(v) != null) return clean(v);
    return null;
  }

  /**
   * The day of {@code s} when the whole value is a date ({@link
   * passages.ingest.PublicationDates#day}), else the first yyyy-MM-dd (or yyyy/MM/dd, yyyyMMdd)
   * date in {@code s} that is a real calendar date.
   */
  static String isoDate(String s) {
    if (s == null) return null;
    String day =
        passages.ingest.PublicationDates.day(
            s); // the whole value a date: date-times, RFC 1123, words
    if (day != null) return day;
    Matcher m = ISO_DATE.matcher(s);
    while (m.find()) {
      try {
        int year = Integer.parseInt(m.group(1));
        if (year < 1900 || year > 2200) continue;
        return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
            .toString();
      } catch (DateTimeException e) {
        // not a date, e.g. a number in an id; look further
      }
    }
    return null;
  }

  private static String absoluteUrl(String url) {
    if (url == null) return null;
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return scheme != null
              && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
              && uri.getHost() != null
          ? url
          : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String host(String url) {
    String h = URI.create(url).getHost();
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  /**
   * Drops a trailing " | Site" (or " - Site", " :: Site") part when it names the outlet, or when it
   * is short and the rest is clearly a headline; e.g. "Storm hits coast | Daily News" gives "Storm
   * hits coast".
   */
  static String stripSiteSuffix(String title, String outlet) {
    Matcher m = TITLE_SEPARATOR.matcher(title);
    int lastStart = -1, lastEnd = -1;
    while (m.find()) {
      lastStart = m.start();
      lastEnd = m.end();
    }
    if (lastStart <= 0) return title;
    String head = title.substring(0, lastStart).strip();
    String tail = title.substring(lastEnd).strip();
    String key = tail.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    boolean namesOutlet =
        outlet != null
            && !key.isEmpty()
            && outlet.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "").contains(key);
    boolean looksLikeSite = tail.split(" ").length <= 3 && head.split(" ").length >= 4;
    return namesOutlet || looksLikeSite ? stripSiteSuffix(head, outlet) : title;
  }

  // ------------------------------------------------------------------ JSON-LD

  /**
   * The fields we use from the page's JSON-LD article object (the first one with a headline or
   * body).
   */
  private static final class JsonLd {
    String headline, author, publisher, datePublished, url, articleBody;

    static JsonLd read(Document doc) {
      JsonLd ld = new JsonLd();
      for (Element script : doc.select("script[type=application/ld+json]")) {
        try {
          JsonNode root = JSON.readTree(script.data().strip());
          if (root != null) ld.visit(root, 0);
        } catch (JsonProcessingException | RuntimeException e) {
          // broken JSON-LD is common; the other sources still apply
        }
      }
      return ld;
    }

    private void visit(JsonNode node, int depth) {
      if (depth > 6) return;
      if (node.isArray()) {
        for (JsonNode n : node) visit(n, depth + 1);
        return;
      }
      if (!node.isObject()) return;
      if (isArticle(node.get("@type"))) take(node);
      if (node.has("@graph")) visit(node.get("@graph"), depth + 1);
      if (node.has("mainEntity")) visit(node.get("mainEntity"), depth + 1);
    }

    private static boolean isArticle(JsonNode type) {
      if (type == null) return false;
      if (type.isArray()) {
        for (JsonNode t : type) if (isArticle(t)) return true;
        return false;
      }
      String t = type.asText();
      return t.endsWith("Article")
          || t.equals("BlogPosting")
          || t.equals("LiveBlogPosting")
          || t.equals("Report");
    }

    private void take(JsonNode a) {
      if (headline == null) headline = clean(a.path("headline").asText(null));
      if (datePublished == null) datePublished = clean(a.path("datePublished").asText(null));
      if (articleBody == null) articleBody = clean(a.path("articleBody").asText(null));
      if (publisher == null) publisher = clean(name(a.get("publisher")));
      if (author == null) author = clean(names(a.get("author")));
      if (url == null) {
        JsonNode main = a.get("mainEntityOfPage");
        url =
            clean(
                main != null && main.isObject()
                    ? main.path("@id").asText(null)
                    : a.path("url").asText(null));
      }
    }

    private static String name(JsonNode n) {
      if (n == null) return null;
      if (n.isArray()) return n.isEmpty() ? null : name(n.get(0));
      return n.isObject() ? n.path("name").asText(null) : n.isTextual() ? n.asText() : null;
    }

    private static String names(JsonNode n) {
      if (n == null) return null;
      List<JsonNode> all = new ArrayList<>();
      if (n.isArray()) n.forEach(all::add);
      else all.add(n);
      Set<String> out = new LinkedHashSet<>();
      for (JsonNode a : all) {
        String v = clean(name(a));
        if (v != null && !v.startsWith("http")) out.add(v);
      }
      return out.isEmpty() ? null : String.join(", ", out);
    }
  }
}
