package passages.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import passages.model.Paragraph;

class HtmlArticleExtractorTest {
  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  // ------------------------------------------------------------------ golden pages

  @ParameterizedTest
  @ValueSource(strings = {"nasty-article", "broken-markup", "windows-1252-no-charset"})
  void extract_goldenPage_givesExpectedArticle(String name) throws Exception {
    ExtractedPage expected =
        parseExpected(new String(resource(name + ".expected"), StandardCharsets.UTF_8));

    ExtractedPage actual = extractor.extract(resource(name + ".html"), name + ".html");

    assertEquals(expected, actual);
  }

  @Test
  void extract_gzippedPage_sameAsPlain() throws Exception {
    byte[] html = resource("nasty-article.html");

    ExtractedPage page = extractor.extract(gzip(html), "nasty-article.html.gz");

    assertEquals(extractor.extract(html, "nasty-article.html"), page);
  }

  @Test
  void bodyText_sectionsOnOwnLine_paragraphsSeparatedByBlankLine() throws Exception {
    ExtractedPage page = extractor.extract(resource("nasty-article.html"), "nasty-article.html");

    String text = page.bodyText();

    assertEquals(
        "The harbour bridge reopened to traffic on Thursday morning, four months after inspectors found"
            + " corrosion in two of its main cables.\n\nEngineers replaced both cables and strengthened the deck, a job the"
            + " city says cost 12 million euros, slightly less than first estimated.\n\nWhat changes for drivers\n\nThe"
            + " speed limit on the bridge stays at 50 km/h, and trucks over 30 tonnes must still use the ring road until"
            + " the summer.\n\nCyclists get a separated lane on the north side.\n\nThe bus lane is open again from 6 a.m."
            + " to 8 p.m.\n\nTraffic counts\n\nMonth | Vehicles per day\n\nOctober | 41,200\n\nFebruary | 18,900\n\n“We"
            + " expect traffic to return to normal within a week,” said Ines Duarte, who heads the city's roads"
            + " department.\n",
        text);
  }

  // ------------------------------------------------------------------ failures

  @Test
  void extract_emptyPage_throwsNamingSource() {
    var e =
        assertThrows(
            HtmlExtractionException.class,
            () -> extractor.extract(resource("empty.html"), "empty.html"));
    assertEquals("empty.html: empty page", e.getMessage());
  }

  @Test
  void extract_whitespaceOnly_throwsEmptyPage() {
    var e =
        assertThrows(
            HtmlExtractionException.class,
            () -> extractor.extract(" \n\t ".getBytes(), "blank.html"));
    assertEquals("blank.html: empty page", e.getMessage());
  }

  @Test
  void extract_pageWithoutArticle_throwsNoArticle() {
    var e =
        assertThrows(
            HtmlExtractionException.class,
            () -> extractor.extract(resource("no-article.html"), "no-article.html"));
    assertEquals("no-article.html: no article text found", e.getMessage());
  }

  @Test
  void extract_brokenGzip_throwsNamingSource() {
    byte[] bad = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
    var e =
        assertThrows(HtmlExtractionException.class, () -> extractor.extract(bad, "bad.html.gz"));
    assertEquals("bad.html.gz: broken gzip data (truncated)", e.getMessage());
  }

  /**
   * Any bytes give an article or the checked exception, never anything else (cf. jsoup's
   * FuzzFixesTest).
   */
  @Test
  void extract_garbageAndTruncatedInput_onlyCheckedException() throws Exception {
    List<byte[]> inputs = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < 30; i++) {
      byte[] b = new byte[random.nextInt(5000)];
      random.nextBytes(b);
      inputs.add(b);
    }
    byte[] page = resource("nasty-article.html");
    for (int cut = 0; cut < page.length; cut += 97) inputs.add(Arrays.copyOf(page, cut));
    inputs.add(Arrays.copyOf(gzip(page), 40));
    inputs.add("<".repeat(10_000).getBytes());
    inputs.add("<div>".repeat(50_000).getBytes());
    inputs.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    inputs.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0});

    for (byte[] input : inputs) {
      try {
        extractor.extract(input, "fuzz.html");
      } catch (HtmlExtractionException expected) {
        // fine: the checked failure is part of the contract
      }
    }
    assertEquals(30 + (page.length + 96) / 97 + 5, inputs.size());
  }

  // ------------------------------------------------------------------ charsets

  private static final String ARTICLE =
      "<p>Zoë’s café in Malmö serves crème brûlée, and the queue on Saturdays goes"
          + " round the block — twice, say the neighbours, who are not amused.</p>";
  private static final String EXPECTED_TEXT =
      "Zoë’s café in Malmö serves crème brûlée, and the queue on Saturdays"
          + " goes round the block — twice, say the neighbours, who are not amused.";

  @Test
  void extract_declaredWindows1252_decodesAsDeclared() throws Exception {
    String html =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>"
            + "<body>"
            + ARTICLE
            + "</body></html>";

    assertEquals(EXPECTED_TEXT, onlyParagraph(html.getBytes(Charset.forName("windows-1252"))));
  }

  @Test
  void extract_declaredLatin1ButUtf8Bytes_decodesAsUtf8() throws Exception {
    String html =
        "<html><head><meta charset=\"iso-8859-1\"></head><body>" + ARTICLE + "</body></html>";

    assertEquals(EXPECTED_TEXT, onlyParagraph(html.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void extract_declaredUtf8ButWindows1252Bytes_fallsBackToWindows1252() throws Exception {
    String html = "<html><head><meta charset=\"utf-8\"></head><body>" + ARTICLE + "</body></html>";

    assertEquals(EXPECTED_TEXT, onlyParagraph(html.getBytes(Charset.forName("windows-1252"))));
  }

  @Test
  void extract_utf16WithBom_decodes() throws Exception {
    byte[] body = ("<html><body>" + ARTICLE + "</body></html>").getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withBom, 2, body.length);

    assertEquals(EXPECTED_TEXT, onlyParagraph(withBom));
  }

  @Test
  void extract_utf8BomAndUnknownDeclaredCharset_decodesAsUtf8() throws Exception {
    byte[] body =
        ("<meta charset=\"x-no-such-charset\"><body>" + ARTICLE).getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    assertEquals(EXPECTED_TEXT, onlyParagraph(withBom));
  }

  // ------------------------------------------------------------------ metadata helpers

  @Test
  void stripSiteSuffix_examples() {
    assertEquals(
        "Storm hits the coast overnight",
        PageMetadata.stripSiteSuffix("Storm hits the coast overnight | Daily News", null));
    assertEquals(
        "Storm hits coast",
        PageMetadata.stripSiteSuffix(
            "Storm hits coast - The Daily News of Springfield", "The Daily News of Springfield"));
    assertEquals(
        "Storm hits the coast overnight",
        PageMetadata.stripSiteSuffix("Storm hits the coast overnight | World | Daily News", null));
    assertEquals(
        "Brexit: what happens next",
        PageMetadata.stripSiteSuffix("Brexit: what happens next", null));
    assertEquals("Left - right", PageMetadata.stripSiteSuffix("Left - right", null));
  }

  @Test
  void isoDate_examples() {
    assertEquals("2019-11-20", PageMetadata.isoDate("2019-11-20T10:00:00Z"));
    assertEquals("2019-11-20", PageMetadata.isoDate("/news/2019/11/20/story"));
    assertEquals("2019-11-20", PageMetadata.isoDate("20191120"));
    assertEquals(
        "2019-11-20",
        PageMetadata.isoDate("Wed, 20 Nov 2019")); // RFC 1123 dates are read since the time axis
    assertNull(PageMetadata.isoDate("2019-13-45"));
  }

  // ------------------------------------------------------------------ helpers

  private String onlyParagraph(byte[] raw) throws HtmlExtractionException {
    List<Paragraph> paragraphs = extractor.extract(raw, "test.html").paragraphs();
    assertEquals(1, paragraphs.size(), paragraphs.toString());
    return paragraphs.get(0).text();
  }

  /** Parses the golden format described in src/test/resources/html/README.md. */
  static ExtractedPage parseExpected(String text) {
    String[] parts = text.split("\n\n", 2);
    java.util.Map<String, String> meta = new java.util.HashMap<>();
    for (String line : parts[0].split("\n")) {
      int colon = line.indexOf(": ");
      String value = line.substring(colon + 2);
      meta.put(line.substring(0, colon), value.equals("null") ? null : value);
    }
    List<Paragraph> paragraphs = new ArrayList<>();
    String section = null;
    for (String line : parts[1].split("\n")) {
      if (line.isBlank()) continue;
      if (line.startsWith("## ")) section = line.substring(3);
      else paragraphs.add(new Paragraph(paragraphs.size() + 1, section, line));
    }
    return new ExtractedPage(
        meta.get("title"),
        meta.get("outlet"),
        meta.get("author"),
        meta.get("date"),
        meta.get("canonicalUrl"),
        paragraphs);
  }

  static byte[] resource(String name) {
    try (InputStream in = HtmlArticleExtractorTest.class.getResourceAsStream("/html/" + name)) {
      if (in == null) throw new IllegalStateException("missing test resource /html/" + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
