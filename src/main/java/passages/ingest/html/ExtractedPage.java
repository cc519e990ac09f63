package passages.ingest.html;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import passages.model.Paragraph;

/**
 * The article found in one web page: metadata and body paragraphs. Every metadata field is {@code
 * null} when the page does not say (nothing is invented).
 *
 * @param title the headline, without a trailing " | Site" suffix; nullable
 * @param outlet the publication (site name, JSON-LD publisher, or the canonical url's host);
 *     nullable
 * @param author the byline name(s), comma separated; nullable
 * @param date publication date as ISO {@code yyyy-MM-dd}; nullable
 * @param canonicalUrl the page's canonical absolute http(s) url; nullable
 * @param paragraphs body paragraphs in reading order, ordinals 1..n, never empty
 */
public record ExtractedPage(
    String title,
    String outlet,
    String author,
    String date,
    String canonicalUrl,
    List<Paragraph> paragraphs) {

  public ExtractedPage {
    paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
  }

  /**
   * The body as plain text: each section heading on its own line where the section changes, then
   * the paragraphs, all separated by a blank line.
   */
  public String bodyText() {
    StringBuilder out = new StringBuilder();
    String section = null;
    for (Paragraph p : paragraphs) {
      if (p.section() != null && !p.section().equals(section)) {
        out.append(p.section()).append("\n\n");
      }
      section = p.section();
      out.append(p.text()).append("\n\n");
    }
    return out.toString().stripTrailing() + "\n";
  }

  /** The paragraph texts alone, separated by a blank line (no headings). */
  public String paragraphText() {
    return paragraphs.stream().map(Paragraph::text).collect(Collectors.joining("\n\n")) + "\n";
  }
}
