package passages.ingest;

/**
 * Metadata for one corpus file from the sidecar {@code sources.json}; every field may be {@code null}.
 *
 * @param outlet the publication
 * @param url the original page
 * @param title overrides the title found in the text
 * @param date publication date, ISO {@code YYYY-MM-DD}
 */
public record SourceMetadata(String outlet, String url, String title, String date) {
  /** No metadata at all. */
  public static final SourceMetadata NONE = new SourceMetadata(null, null, null, null);
}
