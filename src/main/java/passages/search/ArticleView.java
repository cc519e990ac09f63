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
 */
public record ArticleView(String id, String title, String outlet, String url, String date, List<ParagraphView> paragraphs) {}
