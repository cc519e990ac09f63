package passages.ingest;

import java.util.List;
import java.util.Map;

/**
 * Metadata for one article from its source (a JSONL line, or the sidecar {@code sources.json} entry
 * of a corpus file); every field may be {@code null} or empty.
 *
 * @param outlet the publication
 * @param url the original page
 * @param title overrides the title found in the text
 * @param date publication date as the source wrote it (normalised by {@link PublicationDates#day})
 * @param authors the byline's names (see {@link MetadataFields#authors}); empty when not known
 * @param extra further string fields ({@code topic}, {@code bias}, …) as {@link
 *     MetadataFields#extra} keeps them
 */
public record SourceMetadata(
    String outlet,
    String url,
    String title,
    String date,
    List<String> authors,
    Map<String, String> extra) {
  /** No metadata at all. */
  public static final SourceMetadata NONE = new SourceMetadata(null, null, null, null);

  public SourceMetadata {
    authors = List.copyOf(authors);
    extra =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(extra)); // the source's order
  }

  /** Metadata without authors or further fields. */
  public SourceMetadata(String outlet, String url, String title, String date) {
    this(outlet, url, title, date, List.of(), Map.of());
  }
}
