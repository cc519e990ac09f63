package passages.ingest.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import passages.model.Paragraph;

/**
 * Turns the article's container elements into paragraphs. Every block element ends a paragraph; two
 * {@code <br>} in a row do too. Headings h2-h6 are not paragraphs: their text becomes the {@code
 * section} of the paragraphs that follow ({@code <h1>} is the title and is skipped). Each list item
 * is a paragraph. A data table (one without nested blocks) gives one paragraph per row, cells
 * joined by {@code " | "}; a layout table is read like nested blocks. Blocks that are mostly link
 * text (link lists, "Read more" lines) and short stock phrases ("Advertisement", "Share this
 * article") are dropped.
 */
final class ParagraphWriter implements NodeVisitor {
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Pattern STOCK =
      Pattern.compile(
          "(?i)(advertisement|advert|ad|sponsored( content)?|share( this)?( article| story| post)?|share on \\w+|"
              + "click here.*|read more.*|continue reading.*|related( stories| articles| content)?:?|more:?|"
              + "(sign up|subscribe)( to| for)? .{0,80}|follow us.*|image:.*|photo:.*|credit:.*|getty images|"
              + "\\(?ap photo.*|copyright .*|© .*|all rights reserved.*|this story has been shared.*|sharing is caring!?|.{0,40} requires javascript\\.?|comments?)[.!:]?");

  private final List<Paragraph> out = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder heading = new StringBuilder();
  private final Deque<Boolean> dataTables = new ArrayDeque<>();
  private String section;
  private int linked, inLink, inHeading, breaks;

  private ParagraphWriter() {}

  /** The paragraphs of {@code containers}, in order, numbered from 1. */
  static List<Paragraph> write(List<Element> containers) {
    ParagraphWriter w = new ParagraphWriter();
    for (Element c : containers) {
      NodeTraversor.traverse(w, c);
      w.flush();
    }
    return w.out;
  }

  @Override
  public void head(Node node, int depth) {
    if (node instanceof TextNode t) {
      String s = t.text();
      if (s.isBlank() || (t.parent() instanceof Element p && p.normalName().equals("h1")))
        return; // h1 is the title
      if (inHeading > 0) {
        heading.append(s);
        return;
      }
      if (breaks >= 2) flush();
      breaks = 0;
      text.append(s);
      if (inLink > 0) linked += s.strip().length();
      return;
    }
    if (!(node instanceof Element e)) return;
    String tag = e.normalName();
    switch (tag) {
      case "a" -> inLink++;
      case "br" -> {
        breaks++;
        text.append(' ');
      }
      case "table" ->
          dataTables.push(e.select("p, div, table, ul, ol, h2, h3, h4, blockquote").size() <= 1);
      case "td", "th" -> {
        if (Boolean.TRUE.equals(dataTables.peek())) {
          if (!text.isEmpty() && !text.toString().isBlank()) text.append(" | ");
          return;
        }
      }
      default -> {}
    }
    if (isHeading(e)) {
      flush();
      inHeading++;
      heading.setLength(0);
    } else if (ContentFinder.isBlock(tag)) {
      flush();
    }
  }

  @Override
  public void tail(Node node, int depth) {
    if (!(node instanceof Element e)) return;
    String tag = e.normalName();
    if (tag.equals("a")) inLink--;
    if (tag.equals("table") && !dataTables.isEmpty()) dataTables.pop();
    if ((tag.equals("td") || tag.equals("th")) && Boolean.TRUE.equals(dataTables.peek())) return;
    if (isHeading(e)) {
      inHeading--;
      String h = PageMetadata.clean(heading.toString());
      if (!tag.equals("h1") && h != null && h.length() < 200) section = h;
      heading.setLength(0);
    } else if (ContentFinder.isBlock(tag)) {
      flush();
    }
  }

  /**
   * A real heading; an unclosed {@code <h1>} that swallowed the page's blocks is read as a plain
   * block.
   */
  private static boolean isHeading(Element e) {
    if (!HEADINGS.contains(e.normalName())) return false;
    for (Element d : e.getAllElements())
      if (d != e && ContentFinder.isBlock(d.normalName())) return false;
    return true;
  }

  private void flush() {
    String t = PageMetadata.clean(text.toString().replaceAll("[\\u200B-\\u200D\\uFEFF]", ""));
    int linkedChars = linked;
    text.setLength(0);
    linked = 0;
    breaks = 0;
    if (t == null || !hasWord(t)) return;
    if (linkedChars > 0.5 * t.length()) return;
    if (t.length() < 120 && STOCK.matcher(t).matches()) return;
    out.add(new Paragraph(out.size() + 1, section, t));
  }

  private static boolean hasWord(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isLetterOrDigit(s.charAt(i))) return true;
    return false;
  }
}
