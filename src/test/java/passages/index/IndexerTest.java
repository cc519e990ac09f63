package passages.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.ingest.CorpusReader;
import passages.ingest.DropReason;
import passages.ingest.IngestResult;
import passages.ingest.Source;
import passages.search.Hit;
import passages.search.ParagraphSearcher;
import passages.search.SearchRequest;

class IndexerTest {
  private final Indexer indexer = new Indexer(text -> List.of(), "none", 2, p -> {});

  @Test
  void update_addChangeRemove_touchesOnlyWhatChanged(@TempDir Path corpus, @TempDir Path index)
      throws IOException {
    Files.writeString(
        corpus.resolve("one.txt"), "First article body, a sentence.\nIts second paragraph.\n");
    Files.writeString(corpus.resolve("two.txt"), "Second article body, a sentence.\n");
    Files.writeString(corpus.resolve("three.txt"), "Third article body, a sentence.\n");
    IndexReport first = indexer.update(new CorpusReader(corpus), index);

    Files.writeString(
        corpus.resolve("two.txt"), "Second article, rewritten.\nWith a new paragraph.\n");
    Files.delete(corpus.resolve("three.txt"));
    Files.writeString(corpus.resolve("four.txt"), "Fourth article body.\n");
    IndexReport second = indexer.update(new CorpusReader(corpus), index);

    assertEquals(List.of(3L, 0L, 0L, 4L, 4L), counts(first));
    assertEquals(List.of(2L, 1L, 1L, 3L, 5L), counts(second));
    try (ParagraphSearcher s = new ParagraphSearcher(index)) {
      assertEquals(List.of("four.p1", "one.p1", "one.p2", "two.p1", "two.p2"), allIds(s));
      assertEquals("Second article, rewritten.", s.findParagraph("two.p1").orElseThrow().text());
    }
  }

  @Test
  void update_fileThatFailsToRead_keepsItsIndexedParagraphs(
      @TempDir Path corpus, @TempDir Path index) throws IOException {
    Files.writeString(corpus.resolve("one.txt"), "First article body, a sentence.\n");
    indexer.update(new CorpusReader(corpus), index);

    Files.write(corpus.resolve("one.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'x'});
    IndexReport r = indexer.update(new CorpusReader(corpus), index);

    assertEquals(
        List.of(
            new IngestResult.Failed(Source.of(corpus.resolve("one.txt")), "not valid UTF-8 text")),
        r.failures());
    assertEquals(0, r.deleted());
    assertEquals(1, r.totalParagraphs());
  }

  @Test
  void rebuild_jsonl_indexesGoodLinesAndNamesBadOnesByLine(@TempDir Path index) throws IOException {
    Path jsonl = Path.of("src/test/resources/jsonl/articles.jsonl");

    IndexReport r = indexer.rebuild(new CorpusReader(jsonl), index);

    assertEquals(3, r.indexed());
    assertEquals(
        List.of(
            new IngestResult.Failed(
                Source.of(jsonl, 3),
                "not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
            new IngestResult.Failed(Source.of(jsonl, 4), "missing field 'id' (or 'url')"),
            new IngestResult.Failed(
                Source.of(jsonl, 5), "missing field 'paragraphs', 'text' or 'html'"),
            new IngestResult.Failed(Source.of(jsonl, 7), "no body text after cleaning")),
        r.failures());
    assertEquals(Map.of(DropReason.AD_LABEL, 2L), r.dropped());
    try (ParagraphSearcher s = new ParagraphSearcher(index)) {
      assertEquals(List.of("a1.p1", "a1.p2", "a2.p1", "u8adbc572a0a97daa.p1"), allIds(s));
      var a2 = s.findArticle("a2").orElseThrow();
      assertEquals("Budget heads to House", a2.title());
      assertEquals("Wire Two", a2.outlet());
      assertEquals("2020-01-02", s.findArticle("a1").orElseThrow().date());
    }
  }

  @Test
  void rebuild_duplicateArticleIds_firstWinsSecondReported(
      @TempDir Path corpus, @TempDir Path index) throws IOException {
    Files.writeString(corpus.resolve("same.txt"), "From the text file.\n");
    Files.writeString(
        corpus.resolve("z.jsonl"),
        "{\"id\": \"same\", \"title\": \"T\", \"paragraphs\": [\"From the JSONL file.\"]}\n");

    IndexReport r = indexer.rebuild(new CorpusReader(corpus), index);

    assertEquals(1, r.indexed());
    assertEquals(
        List.of(
            new IngestResult.Failed(
                Source.of(corpus.resolve("z.jsonl"), 1),
                "duplicate article id 'same' (already read from "
                    + corpus.resolve("same.txt")
                    + "); skipped")),
        r.failures());
  }

  @Test
  void rebuild_manyDuplicatesOnTwoWorkers_corpusOrderDecidesEveryTime(
      @TempDir Path corpus, @TempDir Path index) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 300; i++) {
      lines
          .append("{\"id\": \"same\", \"title\": \"T\", \"paragraphs\": [\"Copy number ")
          .append(i)
          .append(" of the text.\"]}\n");
    }
    Files.writeString(corpus.resolve("dups.jsonl"), lines);

    IndexReport r = indexer.rebuild(new CorpusReader(corpus), index);

    assertEquals(List.of(1L, 0L, 0L, 1L, 1L), counts(r));
    assertEquals(299, r.failureCount());
    assertEquals(
        new IngestResult.Failed(
            Source.of(corpus.resolve("dups.jsonl"), 2),
            "duplicate article id 'same' (already read from "
                + corpus.resolve("dups.jsonl")
                + ":1); skipped"),
        r.failures().getFirst());
    try (ParagraphSearcher s = new ParagraphSearcher(index)) {
      assertEquals("Copy number 1 of the text.", s.findParagraph("same.p1").orElseThrow().text());
    }
  }

  @Test
  void rebuild_htmlPageBesideText_metadataFromPageAndSidecar(
      @TempDir Path corpus, @TempDir Path index) throws IOException {
    Files.copy(
        Path.of("src/test/resources/html/nasty-article.html"), corpus.resolve("bridge.html"));
    Files.copy(
        Path.of("src/test/resources/html/nasty-article.html"), corpus.resolve("bridge-copy.htm"));
    Files.writeString(
        corpus.resolve("sources.json"), "{\"bridge-copy.htm\": {\"outlet\": \"Courier Mirror\"}}");
    Files.write(corpus.resolve("empty.html"), new byte[0]);

    IndexReport r = indexer.rebuild(new CorpusReader(corpus), index);

    assertEquals(2, r.indexed());
    assertEquals(1, r.failureCount());
    assertEquals(Source.of(corpus.resolve("empty.html")), r.failures().getFirst().source());
    try (ParagraphSearcher s = new ParagraphSearcher(index)) {
      var bridge = s.findArticle("bridge").orElseThrow();
      assertEquals("Harbour bridge reopens after repairs", bridge.title());
      assertEquals("The Coastal Courier", bridge.outlet());
      assertEquals("https://www.coastalcourier.example/news/harbour-bridge-reopens", bridge.url());
      assertEquals("2024-03-07", bridge.date());
      assertEquals(
          "What changes for drivers", s.findParagraph("bridge.p3").orElseThrow().section());
      assertEquals("Courier Mirror", s.findArticle("bridge-copy").orElseThrow().outlet());
    }
  }

  private static List<Long> counts(IndexReport r) {
    return List.of(r.indexed(), r.unchanged(), r.deleted(), r.paragraphs(), r.totalParagraphs());
  }

  private static List<String> allIds(ParagraphSearcher s) throws IOException {
    return s.search(SearchRequest.of("").withLimit(100)).hits().stream().map(Hit::id).toList();
  }
}
