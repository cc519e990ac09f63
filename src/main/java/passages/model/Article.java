package passages.model;

import java.util.List;
import java.util.Objects;

/**
 * A cleaned article: its metadata and its body as ordered paragraphs.
 *
 * @param id stable id derived from the file name (or url), never from position; {@code [A-Za-z0-9_-]+}
 * @param title display title, never blank
 * @param outlet the publication, or {@code null} when not known (never invented)
 * @param url the original page, or {@code null} when not known
 * @param date publication date as ISO {@code YYYY-MM-DD}, or {@code null} when not known
 * @param paragraphs body paragraphs in reading order; ordinals are 1..n
 */
public record Article(String id, String title, String outlet, String url, String date, List<Paragraph> paragraphs) {

  public Article {
    ArticleIds.requireValid(id);
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) throw new IllegalArgumentException("title of article '" + id + "' is blank");
    paragraphs = List.copyOf(paragraphs);
    for (int i = 0; i < paragraphs.size(); i++) {
      if (paragraphs.get(i).ordinal() != i + 1) {
        throw new IllegalArgumentException(
            "paragraph " + i + " of article '" + id + "' has ordinal " + paragraphs.get(i).ordinal() + ", expected " + (i + 1));
      }
    }
  }
}
