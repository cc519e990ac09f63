package passages.ingest.html;

/**
 * A page could not be turned into an article: it is empty, unreadable, or has no article text. The
 * message always starts with the source name, e.g. {@code "page.html: no article text found"}.
 */
public final class HtmlExtractionException extends Exception {

  /**
   * @param sourceName the page's name as given to the extractor
   * @param reason why the page failed, in a few words
   */
  public HtmlExtractionException(String sourceName, String reason) {
    super(sourceName + ": " + reason);
  }

  /**
   * @param sourceName the page's name as given to the extractor
   * @param reason why the page failed, in a few words
   * @param cause the underlying failure
   */
  public HtmlExtractionException(String sourceName, String reason, Throwable cause) {
    super(sourceName + ": " + reason, cause);
  }
}
