package passages.search;

import java.util.List;

/**
 * A whole indexed article.
 *
 * @param id article id
 * @param title title
 * @param outlet outlet, or {@code null}
 * @param url original url, or {@code null}
 * @param date publication date, or {@code null}
 * @param paragraphs its paragraphs in order
 * @param authors its authors (empty when unknown)
 * @param meta its further metadata ({@code topic}, {@code bias}, …), in the source's order
 */
public record ArticleView(
    String id,
    String title,
    String outlet,
    String url,
    String date,
    List<ParagraphView> paragraphs,
    List<String> authors,
    java.util.Map<String, String> meta) {
  /**
   * The article {@code id} made of {@code paragraphs} (in order, at least one): title, outlet, url,
   * date, authors and metadata are the article's, so the first paragraph's.
   */
  public static ArticleView of(String id, List<ParagraphView> paragraphs) {
    ParagraphView first = paragraphs.getFirst();
    return new ArticleView(
        id,
        first.title(),
        first.outlet(),
        first.url(),
        first.date(),
        List.copyOf(paragraphs),
        first.authors(),
        first.meta());
  }
}
