package passages.ingest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import passages.model.Article;
import passages.model.ArticleIds;

/** Turns one plain-text corpus file (UTF-8, one block per line) into an article. */
final class TextArticles {
  /**
   * Larger files are refused: an article is never this big, and the whole file is held in memory.
   */
  static final long MAX_FILE_BYTES = 16L << 20;

  private static final int TITLE_FALLBACK_CHARS = 90;

  private TextArticles() {}

  static IngestResult read(Path file, SourceMetadata meta) {
    Source source = Source.of(file);
    try {
      long size = Files.size(file);
      if (size == 0) return new IngestResult.Failed(source, "empty file");
      if (size > MAX_FILE_BYTES) {
        return new IngestResult.Failed(
            source,
            "file too large: "
                + (size >> 20)
                + " MB (an article file may be at most "
                + (MAX_FILE_BYTES >> 20)
                + " MB)");
      }
      byte[] bytes = Files.readAllBytes(file);
      if (looksBinary(bytes)) return new IngestResult.Failed(source, "binary file, not text");
      return fromText(
          source,
          ArticleIds.fromFileName(file.getFileName().toString()),
          TextDecoding.decodeUtf8(bytes),
          meta);
    } catch (CharacterCodingException e) {
      return new IngestResult.Failed(source, "not valid UTF-8 text");
    } catch (NoSuchFileException e) {
      return new IngestResult.Failed(source, "file vanished before it could be read");
    } catch (IOException e) {
      return new IngestResult.Failed(source, "cannot read: " + e.getMessage());
    }
  }

  /**
   * Cleans {@code text} and builds the article with id {@code id}; metadata fields override what
   * the text says.
   */
  static IngestResult fromText(Source source, String id, String text, SourceMetadata meta) {
    CleanedText cleaned = TextCleaner.clean(text);
    List<String> head = head(text);
    return toArticle(source, id, cleaned, meta, head, PublicationDates.fromHead(head));
  }

  /**
   * The article of {@code cleaned}: {@code meta} fields first; the date from {@code meta.date()},
   * else {@code headDate}; the authors from {@code meta.authors()}, else from a byline among the
   * {@code head} lines of the raw text (cleaning drops bylines from the body).
   *
   * @param headDate the day of a date line in the raw text's head, or {@code null} (JSONL articles:
   *     the {@code date} field is the date)
   */
  static IngestResult toArticle(
      Source source,
      String id,
      CleanedText cleaned,
      SourceMetadata meta,
      List<String> head,
      String headDate) {
    if (cleaned.paragraphs().isEmpty())
      return new IngestResult.Failed(source, "no body text after cleaning");
    String title =
        first(meta.title(), cleaned.title(), fallbackTitle(cleaned.paragraphs().get(0).text()));
    String date = PublicationDates.day(meta.date());
    if (date == null) date = headDate;
    List<String> authors =
        meta.authors().isEmpty() ? MetadataFields.bylineFromHead(head) : meta.authors();
    Article article =
        new Article(
            id,
            title,
            meta.outlet(),
            meta.url(),
            date,
            cleaned.paragraphs(),
            authors,
            meta.extra());
    String note = PublicationDates.unreadNote(meta.date());
    return new IngestResult.Ingested(
        source, article, cleaned.dropped(), note == null ? List.of() : List.of(note));
  }

  /**
   * The first lines of {@code text} (enough for {@link PublicationDates#fromHead} and a byline).
   */
  static List<String> head(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\r\\n|\\r|\\n", 40)) {
      if (!line.isBlank()) lines.add(line);
      if (lines.size() == PublicationDates.HEAD_LINES) break;
    }
    return lines;
  }

  /** NUL bytes never occur in text files; a few of them mean binary data. */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) if (bytes[i] == 0) return true;
    return false;
  }

  /**
   * A display title made from the first sentence of the first paragraph, cut at a word boundary.
   */
  static String fallbackTitle(String firstParagraph) {
    String s = firstParagraph.replace('\n', ' ');
    int end = s.indexOf(". ");
    if (end > 0) s = s.substring(0, end);
    if (s.length() <= TITLE_FALLBACK_CHARS) return s;
    int cut = s.lastIndexOf(' ', TITLE_FALLBACK_CHARS);
    return s.substring(0, cut > 0 ? cut : TITLE_FALLBACK_CHARS) + "…";
  }

  /**
   * The first of {@code values} that is not null or blank, stripped; {@code null} when there is
   * none.
   */
  static String first(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v.strip();
    return null;
  }
}
