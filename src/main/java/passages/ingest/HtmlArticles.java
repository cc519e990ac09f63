package passages.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import passages.ingest.html.ExtractedPage;
import passages.ingest.html.HtmlArticleExtractor;
import passages.ingest.html.HtmlExtractionException;
import passages.model.Article;
import passages.model.ArticleIds;

/**
 * Turns one saved web page (or an {@code html} JSONL field) into an article with {@link
 * HtmlArticleExtractor}.
 */
final class HtmlArticles {
  /**
   * Larger files are refused before reading (the extractor itself keeps at most 5 MB of markup).
   */
  static final long MAX_FILE_BYTES = 64L << 20;

  private static final HtmlArticleExtractor EXTRACTOR = new HtmlArticleExtractor();

  private HtmlArticles() {}

  static IngestResult read(Path file, SourceMetadata meta) {
    Source source = Source.of(file);
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        return new IngestResult.Failed(
            source,
            "file too large: "
                + (size >> 20)
                + " MB (a page may be at most "
                + (MAX_FILE_BYTES >> 20)
                + " MB)");
      }
      return fromBytes(
          source,
          ArticleIds.fromFileName(file.getFileName().toString()),
          Files.readAllBytes(file),
          meta);
    } catch (NoSuchFileException e) {
      return new IngestResult.Failed(source, "file vanished before it could be read");
    } catch (IOException e) {
      return new IngestResult.Failed(source, "cannot read: " + e.getMessage());
    }
  }

  /** Extracts the article from page bytes; {@code meta} fields override what the page says. */
  static IngestResult fromBytes(Source source, String id, byte[] bytes, SourceMetadata meta) {
    ExtractedPage page;
    try {
      page = EXTRACTOR.extract(bytes, source.toString());
    } catch (HtmlExtractionException e) {
      String m = e.getMessage();
      return new IngestResult.Failed(
          source, m.startsWith(source + ": ") ? m.substring(source.toString().length() + 2) : m);
    }
    if (page.paragraphs().isEmpty())
      return new IngestResult.Failed(source, "no article text found");
    String title =
        TextArticles.first(
            meta.title(),
            page.title(),
            TextArticles.fallbackTitle(page.paragraphs().getFirst().text()));
    String date = PublicationDates.day(meta.date());
    if (date == null) date = PublicationDates.day(page.date());
    List<String> authors =
        meta.authors().isEmpty() ? MetadataFields.authors(page.author()) : meta.authors();
    Article article =
        new Article(
            id,
            title,
            TextArticles.first(meta.outlet(), page.outlet()),
            TextArticles.first(meta.url(), page.canonicalUrl()),
            date,
            page.paragraphs(),
            authors,
            meta.extra());
    String note = PublicationDates.unreadNote(meta.date());
    return new IngestResult.Ingested(
        source, article, List.of(), note == null ? List.of() : List.of(note));
  }
}
