package passages.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import passages.model.Article;
import passages.model.ArticleIds;

/**
 * Reads a corpus: a directory of article files (or one file) plus the optional sidecar {@value #SIDECAR}
 * that maps file names to {@link SourceMetadata}.
 *
 * <p>Plain-text {@code .txt} files are cleaned by {@link TextCleaner}. Every file yields exactly one
 * {@link IngestResult}; a bad file is a {@link IngestResult.Failed} naming it, and the rest goes on.
 */
public final class CorpusReader {
  /** File name of the sidecar metadata in a corpus directory. */
  public static final String SIDECAR = "sources.json";

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int TITLE_FALLBACK_CHARS = 90;

  private final Path corpus;

  /** A reader for {@code corpus}, a directory or a single file. */
  public CorpusReader(Path corpus) {
    this.corpus = corpus;
  }

  /** The corpus path this reader reads. */
  public Path path() {
    return corpus;
  }

  /**
   * Reads every article file in name order and hands each outcome to {@code sink}.
   *
   * @throws NoSuchFileException when the corpus path does not exist
   */
  public void read(Consumer<IngestResult> sink) throws IOException {
    if (!Files.exists(corpus)) throw new NoSuchFileException(corpus.toString(), null, "corpus not found");
    Map<String, SourceMetadata> metadata = new HashMap<>();
    Path sidecar = Files.isDirectory(corpus) ? corpus.resolve(SIDECAR) : corpus.resolveSibling(SIDECAR);
    if (Files.isRegularFile(sidecar)) {
      try {
        metadata = readSidecar(sidecar);
      } catch (IOException | RuntimeException e) {
        sink.accept(new IngestResult.Failed(sidecar.toString(), "metadata ignored: " + e.getMessage()));
      }
    }
    for (Path file : files()) {
      sink.accept(readFile(file, metadata.getOrDefault(file.getFileName().toString(), SourceMetadata.NONE)));
    }
  }

  /**
   * A fingerprint of the corpus: changes when a file is added, removed or modified (name, size, mtime).
   * Cheap enough to compute at every start.
   */
  public String fingerprint() throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<Path> all = Files.isDirectory(corpus) ? listSorted() : List.of(corpus);
    for (Path f : all) {
      if (!Files.isRegularFile(f)) continue;
      String entry = f.getFileName() + "\0" + Files.size(f) + "\0" + Files.getLastModifiedTime(f).toMillis() + "\n";
      digest.update(entry.getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private List<Path> files() throws IOException {
    if (!Files.isDirectory(corpus)) return List.of(corpus);
    return listSorted().stream()
        .filter(Files::isRegularFile)
        .filter(f -> !f.getFileName().toString().equals(SIDECAR))
        .filter(f -> !f.getFileName().toString().startsWith("."))
        .toList();
  }

  private List<Path> listSorted() throws IOException {
    try (Stream<Path> s = Files.list(corpus)) {
      return s.sorted().toList();
    }
  }

  private static IngestResult readFile(Path file, SourceMetadata meta) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".txt")) {
      return new IngestResult.Failed(file.toString(), "skipped: unsupported file type (supported: .txt)");
    }
    try {
      String text = TextDecoding.decodeUtf8(Files.readAllBytes(file));
      CleanedText cleaned = TextCleaner.clean(text);
      if (cleaned.paragraphs().isEmpty()) {
        return new IngestResult.Failed(file.toString(), "no body text after cleaning");
      }
      String title = firstNonBlank(meta.title(), cleaned.title(), fallbackTitle(cleaned.paragraphs().get(0).text()));
      String date = meta.date() != null && ISO_DATE.matcher(meta.date()).matches() ? meta.date() : null;
      Article article = new Article(ArticleIds.fromFileName(name), title, meta.outlet(), meta.url(), date, cleaned.paragraphs());
      return new IngestResult.Ingested(file.toString(), article, cleaned.dropped());
    } catch (CharacterCodingException e) {
      return new IngestResult.Failed(file.toString(), "not valid UTF-8 text");
    } catch (IOException e) {
      return new IngestResult.Failed(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  /** A display title made from the first sentence of the first paragraph, cut at a word boundary. */
  static String fallbackTitle(String firstParagraph) {
    String s = firstParagraph;
    int end = s.indexOf(". ");
    if (end > 0) s = s.substring(0, end);
    if (s.length() <= TITLE_FALLBACK_CHARS) return s;
    int cut = s.lastIndexOf(' ', TITLE_FALLBACK_CHARS);
    return s.substring(0, cut > 0 ? cut : TITLE_FALLBACK_CHARS) + "…";
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    throw new IllegalArgumentException("no title");
  }

  private static Map<String, SourceMetadata> readSidecar(Path sidecar) throws IOException {
    JsonNode root = new ObjectMapper().readTree(sidecar.toFile());
    if (root == null || !root.isObject()) throw new IOException(sidecar + ": expected a JSON object keyed by file name");
    Map<String, SourceMetadata> map = new HashMap<>();
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().startsWith("_") || !e.getValue().isObject()) continue;
      JsonNode v = e.getValue();
      map.put(e.getKey(), new SourceMetadata(text(v, "outlet"), text(v, "url"), text(v, "title"), text(v, "date")));
    }
    return map;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
  }
}
