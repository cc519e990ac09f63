package passages.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.model.Article;

/** Every source of a date, the authors and further string fields reach the article. */
class ArticleMetadataTest {
  @Test
  void jsonl_dateAuthorsAndFurtherStringFields(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.jsonl"),
        """
        {"id": "j1", "title": "T", "date": "2016-09-20T23:30:00-04:00", "topic": "terrorism", "bias": "left", "Authors": "x", "authors": "N. R. Kleinfield, \\"Cortney OBrien\\" and Ann Lee", "rank": 3, "tags": ["a"], "note": "  two   words ", "paragraphs": ["Body one.", "Body two."]}
        {"id": "j2", "title": "T", "date": "", "authors": "", "author": [{"name": "By Kim Ro"}], "outlet": "O", "kind": "x", "paragraphs": ["March 3, 2024", "Body."]}
        {"id": "j3", "title": "T", "date": "2016-02-30", "paragraphs": ["Body."]}
        """);
    Map<String, Article> articles = read(dir);

    Article j1 = articles.get("j1");
    assertEquals("2016-09-20", j1.date());
    assertEquals(List.of("N. R. Kleinfield", "Cortney OBrien", "Ann Lee"), j1.authors());
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("topic", "terrorism");
    meta.put("bias", "left");
    meta.put("note", "two words");
    assertEquals(
        meta,
        j1.metadata()); // "Authors" is the known field in another case; numbers and arrays are
    // not metadata
    assertEquals(List.of("topic", "bias", "note"), List.copyOf(j1.metadata().keySet()));

    Article j2 = articles.get("j2");
    assertNull(
        j2.date()); // a JSONL line's date is its date field: no date line in the paragraphs is
    // taken
    assertEquals(List.of("Kim Ro"), j2.authors());
    assertEquals(Map.of(), j2.metadata()); // "kind" is reserved
    assertNull(articles.get("j3").date());
  }

  @Test
  void authors_templateTextAndSiteNamesDropped_emailBylinesBecomeNames() {
    // shapes from allsides' author fields (127 "Backgroundurl Avatar_Large", 18 "Kristina.Peterson
    // Wsj.Com", 9 "Www.Facebook.Com Sfchronicle"); a real name with a period stays as it is
    assertEquals(
        List.of("Kristina Peterson", "Ann Lee", "N. R. Kleinfield"),
        MetadataFields.authors(
            "Kristina.Peterson Wsj.Com, Backgroundurl Avatar_Large, Ann Lee,"
                + " Www.Facebook.Com Sfchronicle, Showtags Popular_Tags, Dailymail.Com Reporter,"
                + " N. R. Kleinfield"));
  }

  @Test
  void textFile_sidecarFirst_thenTheHeadsDateLineAndByline(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.txt"),
        "Storm Hits the Coast\nBy Jane Doe | Reuters\nMarch 3, 2024\nThe storm hit the coast on Sunday.\n");
    Files.writeString(
        dir.resolve("b.txt"),
        "Storm Hits the Coast\nBy Jane Doe\nMarch 3, 2024\nThe storm hit the coast on Sunday.\n");
    Files.writeString(
        dir.resolve("c.txt"), "The storm hit the coast on March 3, 2024, they said.\n");
    Files.writeString(
        dir.resolve("sources.json"),
        """
        {"b.txt": {"date": "Tue, 20 Sep 2016 12:00:00 GMT", "authors": "Ann Lee", "bias": "center", "topic": "weather"}}
        """);
    Map<String, Article> articles = read(dir);

    assertEquals("2024-03-03", articles.get("a").date());
    assertEquals(List.of("Jane Doe"), articles.get("a").authors());
    assertEquals("2016-09-20", articles.get("b").date());
    assertEquals(List.of("Ann Lee"), articles.get("b").authors());
    assertEquals(Map.of("bias", "center", "topic", "weather"), articles.get("b").metadata());
    assertNull(articles.get("c").date());
    assertEquals(List.of(), articles.get("c").authors());
  }

  @Test
  void html_jsonLdDateTimeKeepsItsZonesDay_andItsAuthors(@TempDir Path dir) throws IOException {
    String body =
        "<p>"
            + "The storm hit the coast on Sunday and many homes lost power for days. ".repeat(4)
            + "</p>";
    Files.writeString(
        dir.resolve("ld.html"),
        """
        <html><head><title>Storm</title><script type="application/ld+json">
        {"@type": "NewsArticle", "headline": "Storm", "datePublished": "2016-09-20T23:30:00-04:00",
         "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Ann Lee"}]}
        </script></head><body><article><h1>Storm</h1>%s%s</article></body></html>"""
            .formatted(body, body));
    Files.writeString(
        dir.resolve("og.html"),
        """
        <html><head><title>Storm</title><meta property="article:published_time" content="Tue, 20 Sep 2016 23:30:00 -0400">
        </head><body><article><h1>Storm</h1>%s%s</article></body></html>"""
            .formatted(body, body));
    Files.writeString(
        dir.resolve("bad.html"),
        """
        <html><head><title>Storm</title><meta property="article:published_time" content="2016-02-30T10:00:00Z">
        </head><body><article><h1>Storm</h1>%s%s</article></body></html>"""
            .formatted(body, body));
    Map<String, Article> articles = read(dir);

    assertEquals("2016-09-20", articles.get("ld").date());
    assertEquals(List.of("Jane Doe", "Ann Lee"), articles.get("ld").authors());
    assertEquals("2016-09-20", articles.get("og").date());
    assertNull(articles.get("bad").date());
  }

  @Test
  void authors_splitOnCommasSemicolonsAndAnd() {
    assertEquals(
        List.of("Stephen Dinan", "S.A. Miller"),
        MetadataFields.authors("Stephen Dinan, S.A. Miller"));
    assertEquals(
        List.of("Ann Lee", "Bo Kim", "Cy Dee"),
        MetadataFields.authors("By Ann Lee; Bo Kim & Cy Dee"));
    assertEquals(List.of("Ann Lee"), MetadataFields.authors("Ann Lee, Ann Lee, ,"));
    assertEquals(List.of(), MetadataFields.authors("   "));
  }

  private static Map<String, Article> read(Path dir) throws IOException {
    Map<String, Article> out = new LinkedHashMap<>();
    new CorpusReader(dir)
        .read(
            item -> {
              if (item.load() instanceof IngestResult.Ingested in)
                out.put(in.article().id(), in.article());
            });
    return out;
  }
}
