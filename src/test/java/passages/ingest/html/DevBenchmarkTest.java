package passages.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the extractor over the 91 dev pages of the ScrapingHub article-extraction benchmark and
 * scores the {@link ExtractedPage#bodyText()} of each page with the benchmark's metric, as {@code
 * python3 ../shared/tools/extract-eval/eval.py ../shared/benchmarks/article-extraction/dev
 * --outputs DIR} does.
 */
class DevBenchmarkTest {
  static final Path DEV = Path.of("../shared/benchmarks/article-extraction/dev");

  /**
   * Measured 0.979 (2026-11-23); the floor leaves room for harmless changes, not for regressions.
   */
  static final double MIN_F1 = 0.97;

  @Test
  void devPages_f1AboveFloor() throws Exception {
    if (!Files.isDirectory(DEV.resolve("html"))
        || !Files.isRegularFile(DEV.resolve("ground-truth.json"))) {
      fail(
          "benchmark data missing: expected "
              + DEV.toAbsolutePath().normalize()
              + "/{html/,ground-truth.json} next to the repository (../shared, as on CI)");
    }
    JsonNode truth = new ObjectMapper().readTree(DEV.resolve("ground-truth.json").toFile());
    HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    ExtractionScore score = new ExtractionScore();
    int failed = 0;
    List<Path> pages;
    try (Stream<Path> files = Files.list(DEV.resolve("html"))) {
      pages = files.sorted().toList();
    }
    for (Path page : pages) {
      String name = page.getFileName().toString();
      JsonNode expected = truth.get(name.substring(0, name.indexOf('.')));
      if (expected == null) fail("no ground truth for " + name);
      String predicted;
      try {
        predicted = extractor.extract(Files.readAllBytes(page), name).bodyText();
      } catch (HtmlExtractionException e) {
        predicted = ""; // scored as an empty prediction, as eval.py does
        failed++;
      }
      score.add(expected.path("articleBody").asText(""), predicted);
    }

    String summary =
        String.format(
            Locale.ROOT,
            "F1 %.5f P %.5f R %.5f pages %d failed %d",
            score.f1(),
            score.precision(),
            score.recall(),
            score.size(),
            failed);
    System.out.println(summary);
    assertEquals(truth.size(), score.size(), "pages vs ground truth");
    assertTrue(score.f1() >= MIN_F1, summary + " is below the floor " + MIN_F1);
  }

  /** The cases of eval.py's self-test, so the port stays faithful. */
  @Test
  void metric_matchesEvalPySelfTest() {
    assertEquals(
        List.of("It", "s", "4", "30", "ünïcode_ok"),
        ExtractionScore.tokens("It's 4:30, ünïcode_ok!"));
    assertEquals(
        3,
        ExtractionScore.shingles(ExtractionScore.tokens("a b c d e f")).values().stream()
            .mapToInt(i -> i)
            .sum());

    ExtractionScore s = new ExtractionScore();
    s.add("w x y z", "w x y z");
    s.add("w x y z", "");
    assertEquals(1.0, s.precision(), 1e-9);
    assertEquals(0.5, s.recall(), 1e-9);
    assertEquals(2 / 3.0, s.f1(), 1e-9);

    ExtractionScore partial = new ExtractionScore();
    partial.add("p q r s", "p q r s t u"); // tp 1, fp 2: precision 1/3, recall 1
    assertEquals(1 / 3.0, partial.precision(), 1e-9);
    assertEquals(1.0, partial.recall(), 1e-9);
  }
}
