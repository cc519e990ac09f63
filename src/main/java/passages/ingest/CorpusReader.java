package passages.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import passages.model.ArticleIds;

/**
 * Reads a corpus: a directory of article files (or one file) plus the optional sidecar {@value
 * #SIDECAR} that maps file names to {@link SourceMetadata}.
 *
 * <p>Plain-text {@code .txt} files are cleaned by {@link TextCleaner}; saved web pages ({@code
 * .html}, {@code .htm}, optionally {@code .gz}) go through the HTML extractor; JSONL files ({@code
 * .jsonl}, {@code .jsonl.gz}) hold one article per line. Every file (or line) yields exactly one
 * {@link CorpusItem}; a bad one loads as an {@link IngestResult.Failed} naming it, and the rest
 * goes on.
 */
public final class CorpusReader {
  /** File name of the sidecar metadata in a corpus directory. */
  public static final String SIDECAR = "sources.json";

  /** The file types a corpus may hold. */
  public static final String SUPPORTED = ".txt, .html, .htm, .html.gz, .htm.gz, .jsonl, .jsonl.gz";

  private final Path corpus;
  private final AtomicLong bytesRead = new AtomicLong();

  /** A reader for {@code corpus}, a directory or a single file. */
  public CorpusReader(Path corpus) {
    this.corpus = corpus;
  }

  /** The corpus path this reader reads. */
  public Path path() {
    return corpus;
  }

  /**
   * Reads the corpus in name order, handing each item to {@code sink} as soon as it is found (JSONL
   * files are streamed line by line); the caller decides where {@link CorpusItem#load()} runs.
   *
   * @throws NoSuchFileException when the corpus path does not exist
   * @throws IOException when a JSONL file cannot be read to its end (items before that were handed
   *     out)
   */
  public void read(Consumer<CorpusItem> sink) throws IOException {
    if (!Files.exists(corpus))
      throw new NoSuchFileException(corpus.toString(), null, "corpus not found");
    Map<String, SourceMetadata> metadata = new HashMap<>();
    Path sidecar =
        Files.isDirectory(corpus) ? corpus.resolve(SIDECAR) : corpus.resolveSibling(SIDECAR);
    if (Files.isRegularFile(sidecar)) {
      try {
        metadata = readSidecar(sidecar);
      } catch (IOException | RuntimeException e) {
        String message = "metadata ignored: " + e.getMessage();
        sink.accept(
            new CorpusItem(
                Source.of(sidecar),
                null,
                () -> new IngestResult.Failed(Source.of(sidecar), message)));
      }
    }
    for (Path file : files()) {
      String name = file.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      SourceMetadata meta = metadata.getOrDefault(name, SourceMetadata.NONE);
      if (lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz") || lower.endsWith(".ndjson")) {
        try {
          JsonlReader.read(file, bytesRead, sink);
        } catch (IOException e) {
          String message = "stopped reading: " + e.getMessage();
          sink.accept(
              new CorpusItem(
                  Source.of(file), null, () -> new IngestResult.Failed(Source.of(file), message)));
        }
        continue;
      }
      long size = Files.isRegularFile(file) ? Files.size(file) : 0;
      if (lower.endsWith(".txt")) {
        sink.accept(
            new CorpusItem(
                Source.of(file),
                ArticleIds.fromFileName(name),
                () -> TextArticles.read(file, meta)));
      } else if (lower.matches(".*\\.html?(\\.gz)?")) {
        sink.accept(
            new CorpusItem(
                Source.of(file),
                ArticleIds.fromFileName(name),
                () -> HtmlArticles.read(file, meta)));
      } else {
        sink.accept(
            new CorpusItem(
                Source.of(file),
                null,
                () ->
                    new IngestResult.Failed(
                        Source.of(file),
                        "skipped: unsupported file type (supported: " + SUPPORTED + ")")));
      }
      bytesRead.addAndGet(size);
    }
  }

  /** Bytes of the corpus consumed so far by {@link #read} (compressed bytes for {@code .gz}). */
  public long bytesRead() {
    return bytesRead.get();
  }

  /** Total bytes of the corpus files, the denominator of {@link #bytesRead()}. */
  public long totalBytes() throws IOException {
    long total = 0;
    for (Path f : files()) total += Files.isRegularFile(f) ? Files.size(f) : 0;
    return total;
  }

  /**
   * A fingerprint of the corpus: changes when a file is added, removed or modified (name, size,
   * mtime). Cheap enough to compute at every start.
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
      String entry =
          f.getFileName()
              + "\0"
              + Files.size(f)
              + "\0"
              + Files.getLastModifiedTime(f).toMillis()
              + "\n";
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

  private static Map<String, SourceMetadata> readSidecar(Path sidecar) throws IOException {
    JsonNode root = new ObjectMapper().readTree(sidecar.toFile());
    if (root == null || !root.isObject())
      throw new IOException(sidecar + ": expected a JSON object keyed by file name");
    Map<String, SourceMetadata> map = new HashMap<>();
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().startsWith("_") || !e.getValue().isObject()) continue;
      JsonNode v = e.getValue();
      map.put(
          e.getKey(),
          new SourceMetadata(
              text(v, "outlet"),
              text(v, "url"),
              text(v, "title"),
              text(v, "date"),
              MetadataFields.authors(v),
              MetadataFields.extra(v, JsonlArticles.KNOWN)));
    }
    return map;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
  }
}
