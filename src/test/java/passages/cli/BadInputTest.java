package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.index.IndexReport;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.ingest.IngestResult;
import passages.ingest.Source;
import passages.search.ParagraphSearcher;
import passages.search.SearchRequest;

/**
 * Issue 8: bad input never takes anything else down. Each corpus holds one good article next to one
 * bad item; {@code passages index} must index the good one, name the bad one (file, or file:line)
 * with an exact message on stderr, count it in the report, and exit 3 ("partial").
 */
class BadInputTest {
  private static final String GOOD =
      "Amazon said its Trainium 3 chips will ship next year, according to a statement.\n";

  @TempDir Path corpus;
  @TempDir Path index;

  record Run(int code, String out, String err) {}

  private Run index() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"index", "--corpus", corpus.toString(), "--index", index.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /** Runs the indexer over good.txt plus the bad item(s) and checks the partial outcome. */
  private void assertPartial(String expectedErr, int articles, int failed) throws IOException {
    Files.writeString(corpus.resolve("good.txt"), GOOD);

    Run r = index();

    assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
    assertEquals(expectedErr, r.err());
    assertTrue(r.out().contains(": " + articles + " articles indexed ("), r.out());
    assertTrue(r.out().contains("; " + failed + " failed; "), r.out());
    try (ParagraphSearcher s = new ParagraphSearcher(index)) {
      assertEquals(
          1,
          s.search(SearchRequest.of("Trainium3")).total(),
          "the good article must be searchable");
    }
  }

  private String path(String name) {
    return corpus.resolve(name).toString();
  }

  private Source source(String name) {
    return Source.of(corpus.resolve(name));
  }

  @Test
  void emptyFile() throws Exception {
    Files.write(corpus.resolve("empty.txt"), new byte[0]);

    assertPartial(path("empty.txt") + ": empty file\n", 1, 1);
  }

  @Test
  void binaryFile() throws Exception {
    byte[] bytes = new byte[4096];
    new java.util.Random(8).nextBytes(bytes);
    bytes[100] = 0;
    Files.write(corpus.resolve("photo.txt"), bytes);

    assertPartial(path("photo.txt") + ": binary file, not text\n", 1, 1);
  }

  @Test
  void invalidUtf8() throws Exception {
    Files.write(
        corpus.resolve("latin1.txt"), "Le café est fermé.\n".getBytes(StandardCharsets.ISO_8859_1));

    assertPartial(path("latin1.txt") + ": not valid UTF-8 text\n", 1, 1);
  }

  @Test
  void fiftyMegabyteTextFile() throws Exception {
    byte[] line =
        "A very long article that keeps going and going, as if it would never end.\n"
            .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(corpus.resolve("huge.txt"))) {
      for (long written = 0; written < 50L << 20; written += line.length) out.write(line);
    }

    assertPartial(
        path("huge.txt") + ": file too large: 50 MB (an article file may be at most 16 MB)\n",
        1,
        1);
  }

  @Test
  void jsonlLineThatIsNotJson() throws Exception {
    Files.writeString(
        corpus.resolve("wire.jsonl"),
        "{\"id\": \"w1\", \"paragraphs\": [\"A wire story about chips and clouds, with enough words.\"]}\n"
            + "{\"id\": \"w2\", \"paragraphs\": [\"unterminated\n"
            + "not json at all\n"
            + "{\"id\": \"w4\", \"paragraphs\": [\"Another wire story, still fine after two bad lines.\"]}\n");

    assertPartial(
        path("wire.jsonl")
            + ":2: not JSON: Unexpected end-of-input: was expecting closing quote for a string value\n"
            + path("wire.jsonl")
            + ":3: not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or "
            + "token 'null', 'true' or 'false')\n",
        3,
        2);
  }

  @Test
  void jsonlBodyOfTheWrongShape_isNamedWithWhatItIs() throws Exception {
    Files.writeString(
        corpus.resolve("wire.jsonl"),
        "{\"id\": \"w1\", \"text\": 123}\n"
            + "{\"id\": \"w2\", \"paragraphs\": \"One paragraph given as a string.\"}\n"
            + "{\"id\": \"w3\", \"text\": \"   \"}\n"
            + "{\"id\": \"w4\", \"html\": {\"body\": \"x\"}}\n"
            + "{\"id\": \"w5\", \"paragraphs\": [\"A fine story after four bad lines, about chips.\"]}\n");

    // each of these said "missing field 'paragraphs', 'text' or 'html'"
    assertPartial(
        path("wire.jsonl")
            + ":1: field 'text' must be a string, got a number\n"
            + path("wire.jsonl")
            + ":2: field 'paragraphs' must be an array of strings, got a string\n"
            + path("wire.jsonl")
            + ":3: field 'text' is empty\n"
            + path("wire.jsonl")
            + ":4: field 'html' must be a string, got an object\n",
        2,
        4);
  }

  @Test
  void jsonlLinesLackingRequiredFields() throws Exception {
    Files.writeString(
        corpus.resolve("wire.jsonl"),
        "{\"outlet\": \"Wire\", \"paragraphs\": [\"A story with no id and no url.\"]}\n"
            + "{\"id\": \"w2\", \"outlet\": \"Wire\", \"title\": \"No body at all\"}\n"
            + "[\"an\", \"array\"]\n"
            + "{\"id\": \"w4\", \"paragraphs\": [\"Advertisement\"]}\n"
            + "{\"id\": \"w5\", \"paragraphs\": [\"A fine story after four bad lines, about chips.\"]}\n");

    assertPartial(
        path("wire.jsonl")
            + ":1: missing field 'id' (or 'url')\n"
            + path("wire.jsonl")
            + ":2: missing field 'paragraphs', 'text' or 'html'\n"
            + path("wire.jsonl")
            + ":3: not a JSON object\n"
            + path("wire.jsonl")
            + ":4: no body text after cleaning\n",
        2,
        4);
  }

  @Test
  void jsonlLineWithInvalidUtf8() throws Exception {
    byte[] good =
        "{\"id\": \"w1\", \"paragraphs\": [\"A wire story about chips and clouds.\"]}\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] bad =
        "{\"id\": \"w2\", \"paragraphs\": [\"caf\u00e9\"]}\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(corpus.resolve("wire.jsonl"), concat(bad, good));

    assertPartial(path("wire.jsonl") + ":1: not valid UTF-8\n", 2, 1);
  }

  @Test
  void jsonlLineLongerThan16MB() throws Exception {
    try (OutputStream out = Files.newOutputStream(corpus.resolve("wire.jsonl"))) {
      out.write("{\"id\": \"big\", \"text\": \"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "word ".repeat(1000).getBytes(StandardCharsets.UTF_8);
      for (long n = 0; n < 17L << 20; n += chunk.length) out.write(chunk);
      out.write(
          "\"}\n{\"id\": \"w2\", \"paragraphs\": [\"The line after the long one is read.\"]}\n"
              .getBytes(StandardCharsets.UTF_8));
    }

    assertPartial(path("wire.jsonl") + ":1: line longer than 16 MB, skipped\n", 2, 1);
  }

  @Test
  void truncatedGzipJsonl_keepsTheLinesBeforeTheBreak() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      lines
          .append("{\"id\": \"w")
          .append(i)
          .append("\", \"paragraphs\": [\"Wire story number ")
          .append(i)
          .append(
              " about a chip, with some words to make it longer than a line or two of print.\"]}\n");
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = gz.toByteArray();
    Files.write(corpus.resolve("wire.jsonl.gz"), Arrays.copyOf(all, all.length * 2 / 3));
    Files.writeString(
        corpus.resolve("zz.txt"),
        "A text file listed after the broken archive is still indexed, says the report.\n");

    Files.writeString(corpus.resolve("good.txt"), GOOD);
    Run r = index();

    assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
    assertEquals(
        path("wire.jsonl.gz") + ": stopped reading: Unexpected end of ZLIB input stream\n",
        r.err());
    assertTrue(r.out().contains("; 1 failed; "), r.out());
    try (ParagraphSearcher s = new ParagraphSearcher(index)) {
      long wire = s.search(SearchRequest.of("wire")).total();
      assertTrue(wire > 0 && wire < 200, "lines before the break are indexed: " + wire);
      assertEquals(1, s.search(SearchRequest.of("\"broken archive\"")).total());
    }
  }

  @Test
  void gzippedJsonlWithoutTheGzName_isOneFailureSayingSo() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(
          "{\"id\": \"w\", \"paragraphs\": [\"A paragraph about chips in a wire story.\"]}\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    Files.write(corpus.resolve("wire.jsonl"), gz.toByteArray());
    Files.writeString(corpus.resolve("good.txt"), GOOD);

    Run r = index();

    assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
    assertEquals(
        path("wire.jsonl")
            + ": stopped reading: the file is gzip-compressed; name it wire.jsonl.gz to read it\n",
        r.err());
  }

  @Test
  void htmlDeclaringUtf8ButWindows1252_isIndexedAsWindows1252() throws Exception {
    String html =
        "<html><head><meta charset=\"utf-8\"><title>Café society</title></head><body><article>"
            + "<p>Zoë’s café in Malmö serves crème brûlée, and the queue on Saturdays goes round the block — twice, "
            + "say the neighbours.</p></article></body></html>";
    Files.write(corpus.resolve("cafe.html"), html.getBytes(Charset.forName("windows-1252")));
    Files.writeString(corpus.resolve("good.txt"), GOOD);

    Run r = index();

    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    try (ParagraphSearcher s = new ParagraphSearcher(index)) {
      var hit = s.search(SearchRequest.of("brulee")).hits();
      assertEquals(1, hit.size());
      assertEquals(
          "Zoë’s café in Malmö serves crème <mark>brûlée</mark>, and the queue on Saturdays goes "
              + "round the block — twice, say the neighbours.",
          hit.getFirst().passage());
      assertEquals("Café society", hit.getFirst().title());
    }
  }

  @Test
  void htmlWithNoArticleAndBrokenGzip() throws Exception {
    Files.writeString(
        corpus.resolve("menu.html"), "<html><body><nav><a href=/>Home</a></nav></body></html>");
    Files.write(corpus.resolve("page.html.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});

    assertPartial(
        path("menu.html")
            + ": no article text found\n"
            + path("page.html.gz")
            + ": broken gzip data (truncated)\n",
        1,
        2);
  }

  @Test
  void brokenSidecar_isReportedAndArticlesStillIndexed() throws Exception {
    Files.writeString(corpus.resolve(CorpusReader.SIDECAR), "{\"good.txt\": {\"outlet\": ");

    Files.writeString(corpus.resolve("good.txt"), GOOD);
    Run r = index();

    assertEquals(Main.EXIT_PARTIAL, r.code(), r.err());
    assertTrue(
        r.err()
            .startsWith(path(CorpusReader.SIDECAR) + ": metadata ignored: Unexpected end-of-input"),
        r.err());
    assertTrue(r.out().contains(": 1 articles indexed (1 paragraphs), "), r.out());
  }

  // ------------------------------------------------------------------ files that vanish mid-run

  @Test
  void corpusReader_fileDeletedBetweenListingAndLoading_failsAloneNamingIt() throws Exception {
    Files.writeString(corpus.resolve("a.txt"), GOOD);
    Files.writeString(corpus.resolve("b.txt"), GOOD);
    Files.writeString(corpus.resolve("c.html"), "<p>x</p>");
    Files.writeString(corpus.resolve("d.txt"), GOOD);
    List<IngestResult> results = new ArrayList<>();

    new CorpusReader(corpus)
        .read(
            item -> {
              if (item.source().file().endsWith("a.txt")) {
                deleteQuietly(corpus.resolve("b.txt"));
                deleteQuietly(corpus.resolve("c.html"));
              }
              results.add(item.load());
            });

    assertEquals(
        List.of(
            IngestResult.Ingested.class,
            IngestResult.Failed.class,
            IngestResult.Failed.class,
            IngestResult.Ingested.class),
        results.stream().map(Object::getClass).toList());
    assertEquals(
        new IngestResult.Failed(source("b.txt"), "file vanished before it could be read"),
        results.get(1));
    assertEquals(
        new IngestResult.Failed(source("c.html"), "file vanished before it could be read"),
        results.get(2));
  }

  @Test
  void corpusReader_jsonlDeletedBetweenListingAndReading_failsAloneNamingIt() throws Exception {
    Files.writeString(corpus.resolve("a.txt"), GOOD);
    Files.writeString(
        corpus.resolve("b.jsonl"), "{\"id\": \"j1\", \"paragraphs\": [\"A line.\"]}\n");
    Files.writeString(corpus.resolve("c.txt"), GOOD);
    List<IngestResult> results = new ArrayList<>();

    new CorpusReader(corpus)
        .read(
            item -> {
              if (item.source().file().endsWith("a.txt")) deleteQuietly(corpus.resolve("b.jsonl"));
              results.add(item.load());
            });

    assertEquals(3, results.size(), results.toString());
    assertEquals(
        new IngestResult.Failed(source("b.jsonl"), "stopped reading: " + path("b.jsonl")),
        results.get(1));
    assertEquals(IngestResult.Ingested.class, results.get(2).getClass());
  }

  @Test
  void indexer_fileVanishesMidRun_isCountedAndItsIndexedArticleKept() throws Exception {
    for (String n : List.of("a", "b", "c"))
      Files.writeString(corpus.resolve(n + ".txt"), "Article " + n + " says " + GOOD);
    new Indexer(text -> List.of()).update(new CorpusReader(corpus), index);
    Files.writeString(corpus.resolve("a.txt"), "Article a was edited and " + GOOD);

    // the progress callback runs on the reading thread after each item: b.txt is listed but gone
    // when loaded
    Indexer vanishing =
        new Indexer(text -> List.of(), "none", 1, p -> deleteQuietly(corpus.resolve("b.txt")));
    IndexReport r = vanishing.update(new CorpusReader(corpus), index);

    assertEquals(1, r.failureCount());
    assertEquals(
        List.of(new IngestResult.Failed(source("b.txt"), "file vanished before it could be read")),
        r.failures());
    assertEquals(1, r.indexed());
    assertEquals(1, r.unchanged());
    assertEquals(0, r.deleted(), "an article whose file failed this time stays in the index");
    assertEquals(3, r.totalParagraphs());

    IndexReport next = new Indexer(text -> List.of()).update(new CorpusReader(corpus), index);
    assertEquals(0, next.failureCount());
    assertEquals(
        1, next.deleted(), "once the file is really gone, the next run deletes its article");
    assertEquals(2, next.totalParagraphs());
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
