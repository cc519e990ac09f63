package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.index.Indexer;
import passages.ingest.CorpusReader;

/**
 * Permalinks keep pointing at their text when the paragraphs before it change, on the five seeds.
 */
class PermalinkTest {
  private static final String INSERTED =
      "This paragraph was added at the top of the article, so every paragraph after it moves down by one.";

  @TempDir Path corpus;
  @TempDir Path indexDir;

  @Test
  void everySeedPermalink_landsOnTheSameText_afterAParagraphIsInsertedAtTheTopAndTheIndexRebuilt()
      throws IOException {
    copySeeds();
    Map<String, ParagraphView> before = allParagraphs();
    assertEquals(97, before.size());

    for (Path f : txtFiles()) {
      List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
      lines.add(1, INSERTED); // after the title line: the first body paragraph
      Files.write(f, lines, StandardCharsets.UTF_8);
    }
    new Indexer(text -> List.of()).rebuild(new CorpusReader(corpus), indexDir);

    try (ParagraphSearcher searcher = new ParagraphSearcher(indexDir)) {
      int moved = 0;
      for (var e : before.entrySet()) {
        String[] parts = e.getKey().split("/");
        var found =
            searcher
                .findPermalink(parts[2], parts[3])
                .orElseThrow(() -> new AssertionError(e.getKey()));
        assertTrue(found.exact(), e.getKey());
        assertEquals(e.getValue().text(), found.paragraph().text(), e.getKey());
        assertEquals(e.getKey(), found.paragraph().permalink());
        int was = e.getValue().paragraph();
        int now = found.paragraph().paragraph();
        assertTrue(
            now == was + 1 || was == 1 && now == 1, e.getKey() + ": p" + was + " -> p" + now);
        if (now != was) moved++;
      }
      // three seeds have no title line: their first paragraph stays first, the inserted one comes
      // second
      assertEquals(97 - 3, moved);
    }
  }

  @Test
  void editedParagraph_findsTheClosestNotExact_removedOneIsGone() throws IOException {
    copySeeds();
    Map<String, ParagraphView> before = allParagraphs();
    Path seed = corpus.resolve("001_ed1477a7c1dbfa86.txt");
    String edited =
        "OpenAI is reportedly in early discussions with Amazon over a potential investment";
    String removed = "If finalized, the deal could push OpenAI";
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
      if (line.startsWith(removed)) continue;
      lines.add(
          line.startsWith(edited)
              ? line.replace("early discussions", "advanced discussions")
              : line);
    }
    Files.write(seed, lines, StandardCharsets.UTF_8);
    new Indexer(text -> List.of()).rebuild(new CorpusReader(corpus), indexDir);

    try (ParagraphSearcher searcher = new ParagraphSearcher(indexDir)) {
      String editedLink = linkStartingWith(before, edited);
      var found =
          searcher
              .findPermalink(
                  "001_ed1477a7c1dbfa86", editedLink.substring(editedLink.lastIndexOf('/') + 1))
              .orElseThrow();
      assertFalse(found.exact());
      assertTrue(
          found.paragraph().text().startsWith("OpenAI is reportedly in advanced discussions"),
          found.paragraph().text());

      String removedLink = linkStartingWith(before, removed);
      assertEquals(
          Optional.empty(),
          searcher.findPermalink(
              "001_ed1477a7c1dbfa86", removedLink.substring(removedLink.lastIndexOf('/') + 1)));
      assertEquals(Optional.empty(), searcher.findPermalink("001_ed1477a7c1dbfa86", "0123"));
      assertEquals(Optional.empty(), searcher.findPermalink("../etc", "0".repeat(24)));
      assertEquals(Optional.empty(), searcher.findPermalink("nosucharticle", "0".repeat(24)));
    }
  }

  @Test
  void fingerprint_sameWordsSameHash_oneWordChangedIsNear_otherTextFar() {
    String a =
        "AWS is set to provide roughly $38 billion worth of cloud capacity to OpenAI over seven years, primarily using Nvidia hardware.";
    String b =
        "AWS is set to provide roughly $38 billion worth of cloud capacity to OpenAI over eight years, primarily using Nvidia hardware.";
    String c =
        "Nvidia shares rose after the announcement, and analysts expect little change in the market this quarter.";
    assertEquals(
        Permalinks.simHash(a),
        Permalinks.simHash(
            "aws IS set to provide roughly $38 billion worth of cloud capacity to "
                + "OpenAI over seven years — primarily using Nvidia hardware"));
    assertTrue(
        Long.bitCount(Permalinks.simHash(a) ^ Permalinks.simHash(b)) <= Permalinks.MAX_DISTANCE);
    assertTrue(
        Long.bitCount(Permalinks.simHash(a) ^ Permalinks.simHash(c)) > Permalinks.MAX_DISTANCE);
    assertEquals(24, Permalinks.fingerprint(a).length());
  }

  private static String linkStartingWith(Map<String, ParagraphView> paragraphs, String start) {
    return paragraphs.entrySet().stream()
        .filter(e -> e.getValue().text().startsWith(start))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private void copySeeds() throws IOException {
    try (var files = Files.list(Path.of("corpus"))) {
      for (Path f : files.toList()) Files.copy(f, corpus.resolve(f.getFileName()));
    }
    new Indexer(text -> List.of()).rebuild(new CorpusReader(corpus), indexDir);
  }

  private List<Path> txtFiles() throws IOException {
    try (var files = Files.list(corpus)) {
      return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
  }

  /** Permalink → paragraph, for every paragraph of every article in the index. */
  private Map<String, ParagraphView> allParagraphs() throws IOException {
    Map<String, ParagraphView> out = new LinkedHashMap<>();
    try (ParagraphSearcher searcher = new ParagraphSearcher(indexDir)) {
      for (Path f : txtFiles()) {
        String id = f.getFileName().toString().replace(".txt", "");
        for (ParagraphView p : searcher.findArticle(id).orElseThrow().paragraphs())
          out.put(p.permalink(), p);
      }
    }
    return out;
  }
}
