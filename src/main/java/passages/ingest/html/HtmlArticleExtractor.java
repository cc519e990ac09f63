package passages.ingest.html;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import passages.model.Paragraph;

/**
 * Extracts the article from a saved web page: decodes the bytes (gzip, BOM, declared charset, UTF-8
 * or windows-1252), reads the metadata, drops page chrome and boilerplate, finds the block of the
 * page that holds the article text, and splits it into paragraphs with their section headings.
 *
 * <p>Instances hold no state: one instance can be shared by any number of threads.
 */
public final class HtmlArticleExtractor {
  /** Below this many characters of body text the page is taken to have no article. */
  static final int MIN_ARTICLE_CHARS = 100;

  /** Creates an extractor; it has no settings. */
  public HtmlArticleExtractor() {}

  /**
   * Extracts the article from one page.
   *
   * @param raw the page's bytes as saved, possibly gzip-compressed; not null
   * @param sourceName a name for the page used only in exception messages (e.g. its file name); not
   *     null
   * @return the article; its paragraph list is never empty
   * @throws HtmlExtractionException when the page is empty, cannot be decoded, or has no article
   *     text; the message starts with {@code sourceName}. No other exception is thrown for any
   *     {@code raw} content.
   */
  public ExtractedPage extract(byte[] raw, String sourceName) throws HtmlExtractionException {
    if (raw == null) throw new IllegalArgumentException("raw must not be null");
    if (sourceName == null) throw new IllegalArgumentException("sourceName must not be null");
    try {
      return extractChecked(raw, sourceName);
    } catch (HtmlExtractionException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // a parser or heuristic bug must not kill a batch run: report it as this page's failure
      throw new HtmlExtractionException(sourceName, "cannot extract (" + e + ")", e);
    }
  }

  private ExtractedPage extractChecked(byte[] raw, String sourceName)
      throws HtmlExtractionException {
    String html = PageDecoder.decode(raw, sourceName);
    if (html.isBlank()) throw new HtmlExtractionException(sourceName, "empty page");
    Document doc = Parser.htmlParser().parseInput(html, "");
    PageMetadata meta = PageMetadata.read(doc);

    Element body = doc.body();
    if (body == null) throw new HtmlExtractionException(sourceName, "no article text found");
    PageCleaner.clean(body);
    List<Element> containers = ContentFinder.find(body);
    containers.forEach(PageCleaner::cleanInside);
    List<Paragraph> paragraphs = ParagraphWriter.write(containers);

    int chars = paragraphs.stream().mapToInt(p -> p.text().length()).sum();
    if (chars < MIN_ARTICLE_CHARS)
      throw new HtmlExtractionException(sourceName, "no article text found");
    return new ExtractedPage(
        meta.title(), meta.outlet(), meta.author(), meta.date(), meta.canonicalUrl(), paragraphs);
  }
}
