package passages.entities;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * Precision and recall per type on the hand-annotated sets (a mention counts only when its exact
 * span and its type match; the canonical value is not compared). Floors sit just under the measured
 * values, so a regression fails. The dev set was used to tune the rules and the gazetteer; the
 * held-out set was annotated afterwards and not tuned on.
 */
class EntityEvaluationTest {
  /** type -> {precision floor, recall floor} on the dev set. */
  private static final Map<EntityType, double[]> DEV_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.99, 0.97},
              EntityType.PERSON, new double[] {0.98, 0.91},
              EntityType.PLACE, new double[] {0.97, 0.96},
              EntityType.PRODUCT, new double[] {1.0, 0.98},
              EntityType.MONEY, new double[] {1.0, 1.0}));

  /**
   * type -> {precision floor, recall floor} on the held-out set (one product in it: a platform as a
   * service).
   */
  private static final Map<EntityType, double[]> HELDOUT_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {1.0, 0.89},
              EntityType.PERSON, new double[] {1.0, 0.94},
              EntityType.PLACE, new double[] {1.0, 0.96},
              EntityType.PRODUCT, new double[] {1.0, 1.0},
              EntityType.MONEY, new double[] {0.85, 1.0}));

  /**
   * The names of the blind sets: their totals are printed, their errors are not (so running the
   * test does not put them in the surefire report for anyone to read).
   */
  private static final java.util.List<String> BLIND = java.util.List.of("held-out 4", "held-out 5");

  record Facet(EntityType type, String value) {}

  /**
   * type -> {precision floor, recall floor} on the dev set, each paragraph read in its article (as
   * indexing does).
   */
  private static final Map<EntityType, double[]> DEV_ARTICLE_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.99, 0.97},
              EntityType.PERSON, new double[] {0.98, 0.94},
              EntityType.PLACE, new double[] {0.97, 0.96},
              EntityType.PRODUCT, new double[] {1.0, 0.98},
              EntityType.MONEY, new double[] {1.0, 1.0}));

  /**
   * type -> {precision floor, recall floor} on the held-out set, each paragraph read in its
   * article.
   */
  private static final Map<EntityType, double[]> HELDOUT_ARTICLE_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {1.0, 0.98},
              EntityType.PERSON, new double[] {1.0, 0.96},
              EntityType.PLACE, new double[] {1.0, 0.96},
              EntityType.PRODUCT, new double[] {1.0, 1.0},
              EntityType.MONEY, new double[] {0.85, 1.0}));

  @Test
  void devSet_precisionAndRecallPerType_meetFloors() {
    List<EvalSet.Doc> docs = EvalSet.gold();
    EntityExtractor extractor = EntityExtractors.create(EvalSet.corpus(docs));
    assertMeetsFloors("dev", alone(extractor, docs), docs, DEV_FLOORS);
    assertMeetsFloors(
        "dev in article",
        inArticle(extractor, EvalSet.articles("/entities/eval-context-ids.txt", docs)),
        docs,
        DEV_ARTICLE_FLOORS);
  }

  @Test
  void heldOutSet_precisionAndRecallPerType_meetFloors() {
    assertSetMeetsFloors(
        "held-out",
        "/entities/heldout-gold.jsonl",
        "/entities/heldout-context-ids.txt",
        HELDOUT_FLOORS,
        HELDOUT_ARTICLE_FLOORS);
  }

  /**
   * type -> {precision floor, recall floor} on held-out set 2 (annotated blind, see the README; its
   * errors were read for issue 15 on 2026-12-01, so it is no longer blind); set under the measured
   * values.
   */
  private static final Map<EntityType, double[]> HELDOUT2_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.94, 0.83},
              EntityType.PERSON, new double[] {0.97, 0.89},
              EntityType.PLACE, new double[] {0.93, 0.97},
              EntityType.PRODUCT, new double[] {0.98, 0.90},
              EntityType.MONEY, new double[] {1.0, 0.99}));

  /** The same, each paragraph read in its article (as indexing does). */
  private static final Map<EntityType, double[]> HELDOUT2_ARTICLE_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.93, 0.85},
              EntityType.PERSON, new double[] {0.97, 0.95},
              EntityType.PLACE, new double[] {0.93, 0.97},
              EntityType.PRODUCT, new double[] {0.98, 0.90},
              EntityType.MONEY, new double[] {1.0, 0.99}));

  @Test
  void heldOutSet2_precisionAndRecallPerType_meetFloors() {
    assertSetMeetsFloors(
        "held-out 2",
        "/entities/heldout-2-gold.jsonl",
        "/entities/heldout-2-context-ids.txt",
        HELDOUT2_FLOORS,
        HELDOUT2_ARTICLE_FLOORS);
  }

  /**
   * type -> {precision floor, recall floor} on held-out set 3 (250 allsides paragraphs annotated
   * blind by a helper on 2026-12-01 while the extractor's rules for issue 15 were written by
   * another, who never saw it; measured once, after those rules were done: org 0.864 / 0.769 in the
   * article). Its errors were then read for the third round of issue 15 (2026-12-01), so it is a
   * development set now; set just under the values after that round.
   */
  private static final Map<EntityType, double[]> HELDOUT3_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.91, 0.86},
              EntityType.PERSON, new double[] {0.96, 0.88},
              EntityType.PLACE, new double[] {0.97, 0.94},
              EntityType.PRODUCT, new double[] {0.93, 0.88},
              EntityType.MONEY, new double[] {0.98, 0.99}));

  /** The same, each paragraph read in its article (as indexing does). */
  private static final Map<EntityType, double[]> HELDOUT3_ARTICLE_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.91, 0.87},
              EntityType.PERSON, new double[] {0.95, 0.93},
              EntityType.PLACE, new double[] {0.97, 0.94},
              EntityType.PRODUCT, new double[] {0.93, 0.88},
              EntityType.MONEY, new double[] {0.98, 0.99}));

  @Test
  void heldOutSet3_precisionAndRecallPerType_meetFloors() {
    assertSetMeetsFloors(
        "held-out 3",
        "/entities/heldout-3-gold.jsonl",
        "/entities/heldout-3-context-ids.txt",
        HELDOUT3_FLOORS,
        HELDOUT3_ARTICLE_FLOORS);
  }

  /**
   * type -> {precision floor, recall floor} on held-out set 4 (250 allsides paragraphs annotated
   * blind by a helper on 2026-12-01 while another changed the extractor for issue 15's third round
   * without access to it; measured once by the lead after that round was merged, 2026-12-01: in the
   * article micro P 0.921 R 0.883, org 0.862 / 0.765; see docs/entities.md): set just under those
   * values. Its errors are not read, so it stays the blind measure.
   */
  private static final Map<EntityType, double[]> HELDOUT4_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.88, 0.75},
              EntityType.PERSON, new double[] {0.94, 0.84},
              EntityType.PLACE, new double[] {0.89, 0.94},
              EntityType.PRODUCT, new double[] {0.91, 0.87},
              EntityType.MONEY, new double[] {0.98, 0.96}));

  /** The same, each paragraph read in its article (as indexing does). */
  private static final Map<EntityType, double[]> HELDOUT4_ARTICLE_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.86, 0.76},
              EntityType.PERSON, new double[] {0.95, 0.90},
              EntityType.PLACE, new double[] {0.89, 0.94},
              EntityType.PRODUCT, new double[] {0.91, 0.87},
              EntityType.MONEY, new double[] {0.98, 0.96}));

  @Test
  void heldOutSet4_precisionAndRecallPerType_meetFloors() {
    assertSetMeetsFloors(
        "held-out 4",
        "/entities/heldout-4-gold.jsonl",
        "/entities/heldout-4-context-ids.txt",
        HELDOUT4_FLOORS,
        HELDOUT4_ARTICLE_FLOORS);
  }

  /**
   * type -> {precision floor, recall floor} on held-out set 5 (250 allsides paragraphs annotated
   * blind by a helper on 2026-12-01 from the paragraph text alone, before any extractor ran on
   * them; see docs/entities.md): set just under the values measured on it. Its errors are not read,
   * so it stays a blind measure.
   */
  private static final Map<EntityType, double[]> HELDOUT5_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.90, 0.78},
              EntityType.PERSON, new double[] {0.98, 0.87},
              EntityType.PLACE, new double[] {0.92, 0.93},
              EntityType.PRODUCT, new double[] {0.98, 0.90},
              EntityType.MONEY, new double[] {0.98, 0.97}));

  /** The same, each paragraph read in its article (as indexing does). */
  private static final Map<EntityType, double[]> HELDOUT5_ARTICLE_FLOORS =
      new EnumMap<>(
          Map.of(
              EntityType.ORG, new double[] {0.89, 0.78},
              EntityType.PERSON, new double[] {0.98, 0.93},
              EntityType.PLACE, new double[] {0.92, 0.94},
              EntityType.PRODUCT, new double[] {0.98, 0.90},
              EntityType.MONEY, new double[] {0.98, 0.97}));

  @Test
  void heldOutSet5_precisionAndRecallPerType_meetFloors() {
    assertSetMeetsFloors(
        "held-out 5",
        "/entities/heldout-5-gold.jsonl",
        "/entities/heldout-5-context-ids.txt",
        HELDOUT5_FLOORS,
        HELDOUT5_ARTICLE_FLOORS);
  }

  /**
   * The held-out set in {@code gold} (its articles listed in {@code contextIds}, the corpus the
   * extractor learns names from) meets {@code floors} paragraph by paragraph and {@code
   * articleFloors} with each paragraph read in its article.
   */
  private static void assertSetMeetsFloors(
      String name,
      String gold,
      String contextIds,
      Map<EntityType, double[]> floors,
      Map<EntityType, double[]> articleFloors) {
    List<EvalSet.Doc> docs = EvalSet.gold(gold);
    EntityExtractor extractor = EntityExtractors.create(EvalSet.corpus(contextIds, docs));
    assertMeetsFloors(name, alone(extractor, docs), docs, floors);
    assertMeetsFloors(
        name + " in article",
        inArticle(extractor, EvalSet.articles(contextIds, docs)),
        docs,
        articleFloors);
  }

  /** Each paragraph read alone ({@code entities --text}). */
  private static Map<EvalSet.Doc, List<Entity>> alone(
      EntityExtractor extractor, List<EvalSet.Doc> docs) {
    Map<EvalSet.Doc, List<Entity>> out = new java.util.HashMap<>();
    for (EvalSet.Doc d : docs) out.put(d, extractor.extract(d.text()));
    return out;
  }

  /** Each paragraph read with the rest of its article ({@code index}, {@code entities FILE}). */
  private static Map<EvalSet.Doc, List<Entity>> inArticle(
      EntityExtractor extractor, Map<EvalSet.Doc, List<String>> articles) {
    Map<EvalSet.Doc, List<Entity>> out = new java.util.HashMap<>();
    int found = 0;
    for (var e : articles.entrySet()) {
      List<String> article = e.getValue();
      int at = article.indexOf(e.getKey().text());
      if (article.size() > 1) found++;
      out.put(e.getKey(), extractor.extractArticle(article).get(at));
    }
    System.out.printf("%d of %d paragraphs found in their article%n", found, articles.size());
    return out;
  }

  /**
   * Every line of the seed files as scraped (byline, "Advertisment", promo block included): no junk
   * facet value.
   */
  @Test
  void seedFiles_everyFacetValueIsAGoldValue() {
    List<EvalSet.Doc> docs = EvalSet.gold();
    EntityExtractor extractor = EntityExtractors.create(EvalSet.corpus(docs));
    Set<Facet> allowed = new HashSet<>();
    for (EvalSet.Doc d : docs) {
      if (d.id().startsWith("seed-"))
        for (Entity e : d.gold()) allowed.add(new Facet(e.type(), e.value()));
    }
    StringBuilder junk = new StringBuilder();
    for (String name :
        List.of(
            "000_a5713e335d5c133d.txt",
            "001_ed1477a7c1dbfa86.txt",
            "002_812369ea3ecc10d9.txt",
            "003_a81f8ea9cd3eb1e2.txt",
            "004_0998a82aa1485130.txt")) {
      for (String line : EvalSet.lines("/entities/seeds/" + name, false)) {
        for (Entity e : extractor.extract(line.strip())) {
          if (!allowed.contains(new Facet(e.type(), e.value())))
            junk.append(name).append(": ").append(e).append('\n');
        }
      }
    }
    assertTrue(junk.isEmpty(), "junk facet values:\n" + junk);
  }

  /**
   * Scores {@code predicted} against {@code docs}, prints the totals (and the errors, unless the
   * set is blind: its errors must not be read), and fails when a type is under its floor.
   */
  private static void assertMeetsFloors(
      String name,
      Map<EvalSet.Doc, List<Entity>> predicted,
      List<EvalSet.Doc> docs,
      Map<EntityType, double[]> floors) {
    EntityScores scores = EntityScores.of(predicted, docs);
    if (BLIND.stream().noneMatch(name::startsWith)) System.out.print(scores.errors(name));
    scores.printTotals(name, System.out);
    StringBuilder failures = new StringBuilder();
    for (EntityType t : EntityType.values()) {
      double p = scores.precision(t);
      double r = scores.recall(t);
      double[] floor = floors.get(t);
      if (p < floor[0] || r < floor[1])
        failures.append(t.key()).append(String.format(" P=%.3f R=%.3f; ", p, r));
    }
    assertTrue(failures.isEmpty(), name + " below floor: " + failures);
  }
}
