package passages.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * The extractor {@link EntityExtractors#create} builds. Per paragraph, in one left-to-right pass each:
 * (1) the longest known name (gazetteer, then names learned from the corpus) at each token;
 * (2) money amounts; (3) capitalised sequences that {@link NameRules} can type from context;
 * (4) bare surnames of people already named in the same paragraph. Earlier steps win overlaps.
 * Immutable and thread-safe.
 */
final class GazetteerExtractor implements EntityExtractor {
  private final NameTrie names;
  private final NameRules rules;

  GazetteerExtractor(NameTrie names, NameRules rules) {
    this.names = names;
    this.rules = rules;
  }

  @Override
  public List<Entity> extract(String paragraphText) {
    java.util.Objects.requireNonNull(paragraphText, "paragraphText");
    Tokens t = Tokens.of(paragraphText);
    boolean[] covered = new boolean[t.size];
    List<Entity> out = new ArrayList<>();

    // (1) known names
    for (int i = 0; i < t.size; ) {
      NameTrie.Match m = t.isWord(i) ? names.longestAt(t, i) : null;
      if (m == null) {
        i++;
        continue;
      }
      int from = m.from(), to = m.to();
      String canonical = m.name().canonical();
      EntityType type = m.name().type();
      boolean single = to - from == 1;
      if (single && (type == EntityType.PERSON || type == EntityType.PLACE) && from > 0 && t.spaceBefore[from]
          && !covered[from - 1] && rules.firstNames.contains(t.word[from - 1])) {
        from--; // "Melania Trump" is not "Trump", "Lloyd Austin" is not the city
        type = EntityType.PERSON;
        canonical = NameRules.text(t, from, to);
      } else if (single && type == EntityType.PERSON && to < t.size && t.spaceBefore[to] && rules.isNameWord(t, to)) {
        i++; // "Clinton Foundation": part of a longer name the later rules may type
        continue;
      }
      if (type == EntityType.ORG && to + 1 < t.size + 1 && to < t.size && t.spaceBefore[to]
          && isLegalSuffix(t.word[to])) {
        to++; // "Amazon Inc."
        if (to < t.size && t.word[to].equals(".") && !t.spaceBefore[to]) to++;
      }
      add(out, t, covered, from, to, type, canonical);
      i = to;
    }

    // (2) money
    for (Entity e : Money.find(paragraphText)) {
      int a = tokenAt(t, e.start()), b = tokenAt(t, e.end() - 1);
      boolean free = true;
      for (int k = a; k <= b; k++) free &= !covered[k];
      if (!free) continue;
      for (int k = a; k <= b; k++) covered[k] = true;
      out.add(e);
    }

    // (3) capitalised sequences typed by context; headings in title case are left to the gazetteer
    if (!NameRules.isTitleCase(t)) {
      for (int i = 0; i < t.size; ) {
        if (covered[i] || !rules.isNameWord(t, i)) {
          i++;
          continue;
        }
        int end = rules.sequenceEnd(t, i, covered);
        NameRules.Typed typed = rules.type(t, i, end);
        if (typed != null && free(covered, typed.from(), typed.to())) {
          add(out, t, covered, typed.from(), typed.to(), typed.type(), typed.canonical());
        }
        i = end;
      }
    }

    // (4) "Altman" after "Sam Altman" in the same paragraph
    List<Entity> people = out.stream().filter(e -> e.type() == EntityType.PERSON && e.text().indexOf(' ') > 0).toList();
    if (!people.isEmpty()) {
      for (int i = 0; i < t.size; i++) {
        if (covered[i] || !rules.isNameWord(t, i)) continue;
        for (Entity p : people) {
          if (p.value().endsWith(" " + t.word[i]) && (i + 1 >= t.size || !rules.isNameWord(t, i + 1) || !t.spaceBefore[i + 1])) {
            add(out, t, covered, i, i + 1, EntityType.PERSON, p.value());
            break;
          }
        }
      }
    }
    out.sort(Comparator.comparingInt(Entity::start));
    return out;
  }

  private static boolean isLegalSuffix(String w) {
    return switch (w) {
      case "Inc", "Corp", "Co", "Ltd", "LLC", "Plc", "PLC", "plc" -> true;
      default -> false;
    };
  }

  private static boolean free(boolean[] covered, int from, int to) {
    for (int k = from; k < to; k++) if (covered[k]) return false;
    return true;
  }

  private static void add(List<Entity> out, Tokens t, boolean[] covered, int from, int to, EntityType type, String canonical) {
    for (int k = from; k < to; k++) covered[k] = true;
    int s = t.start[from], e = t.end[to - 1];
    out.add(new Entity(type, canonical, t.text.substring(s, e), s, e));
  }

  /** The token containing char offset {@code off} (money spans start and end on token boundaries). */
  private static int tokenAt(Tokens t, int off) {
    int lo = 0, hi = t.size - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (t.start[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
