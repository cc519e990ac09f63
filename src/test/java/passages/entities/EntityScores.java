package passages.entities;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * Precision and recall per type of predicted mentions against a gold set: a mention counts only
 * when its exact span and its type match (the canonical value is not compared). Shared by {@link
 * EntityEvaluationTest} (the extractor run on the sampled articles) and {@link IndexedEntityEval}
 * (the tags read from a built index).
 */
final class EntityScores {
  private record Key(EntityType type, int start, int end) {}

  /** type -> {true positives, false positives, false negatives}. */
  private final Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);

  /** One line per false positive and miss: {@code FP|FN id type 'text' start}. */
  private final StringBuilder errors = new StringBuilder();

  private final int paragraphs;

  private EntityScores(int paragraphs) {
    this.paragraphs = paragraphs;
    for (EntityType t : EntityType.values()) counts.put(t, new int[3]);
  }

  /**
   * Scores {@code predicted} (a doc with no entry counts as tagged with nothing) against the gold
   * mentions of {@code docs}.
   */
  static EntityScores of(Map<EvalSet.Doc, List<Entity>> predicted, List<EvalSet.Doc> docs) {
    EntityScores s = new EntityScores(docs.size());
    for (EvalSet.Doc d : docs) {
      Set<Key> gold = new HashSet<>();
      for (Entity e : d.gold()) gold.add(new Key(e.type(), e.start(), e.end()));
      Set<Key> got = new HashSet<>();
      for (Entity e : predicted.getOrDefault(d, List.of())) {
        Key k = new Key(e.type(), e.start(), e.end());
        got.add(k);
        boolean ok = gold.contains(k);
        s.counts.get(e.type())[ok ? 0 : 1]++;
        if (!ok) s.error("FP", d, e);
      }
      for (Entity e : d.gold()) {
        if (got.contains(new Key(e.type(), e.start(), e.end()))) continue;
        s.counts.get(e.type())[2]++;
        s.error("FN", d, e);
      }
    }
    return s;
  }

  private void error(String kind, EvalSet.Doc d, Entity e) {
    errors
        .append(kind)
        .append(' ')
        .append(d.id())
        .append(' ')
        .append(e.type().key())
        .append(" '")
        .append(e.text())
        .append("' ")
        .append(e.start())
        .append('\n');
  }

  /** Precision of {@code type} (1 when nothing was predicted). */
  double precision(EntityType type) {
    int[] c = counts.get(type);
    return c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
  }

  /** Recall of {@code type} (1 when the gold has none). */
  double recall(EntityType type) {
    int[] c = counts.get(type);
    return c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
  }

  /** The error lines, each prefixed with {@code name}. */
  String errors(String name) {
    return errors.toString().lines().map(l -> name + " " + l + "\n").reduce("", String::concat);
  }

  /** Prints the table of counts, precision and recall per type and micro-averaged. */
  void printTotals(String name, PrintStream out) {
    out.printf(
        "%s set: %d paragraphs%n%-8s %5s %5s %5s %6s %6s%n",
        name, paragraphs, "type", "tp", "fp", "fn", "P", "R");
    int[] micro = new int[3];
    for (EntityType t : EntityType.values()) {
      int[] c = counts.get(t);
      out.printf(
          "%-8s %5d %5d %5d %6.3f %6.3f%n", t.key(), c[0], c[1], c[2], precision(t), recall(t));
      for (int i = 0; i < 3; i++) micro[i] += c[i];
    }
    out.printf(
        "%-8s %5d %5d %5d %6.3f %6.3f%n",
        "micro",
        micro[0],
        micro[1],
        micro[2],
        (double) micro[0] / Math.max(1, micro[0] + micro[1]),
        (double) micro[0] / Math.max(1, micro[0] + micro[2]));
  }
}
