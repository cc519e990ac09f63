package passages.entities;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import passages.model.EntityType;

/**
 * Learns names from the corpus in one streaming pass, so names missing from the gazetteer still
 * surface. It counts people and orgs that {@link NameRules} types from context ("CEO Jane Roe",
 * "Acme Corp."), capitalised single words mid-sentence, and lower-case words. A person's surname
 * then becomes a form of that person ("Roe" → "Jane Roe") and an org's bare name a form of the org
 * ("Acme"), when the word recurs capitalised, is rarely written in lower case and points to one
 * name only. Untyped names are dropped. Memory is bounded: when a count table outgrows its cap,
 * entries seen once are evicted. Not thread-safe: each learning thread has its own, merged at the
 * end ({@link #merge}).
 */
final class NameLearner {
  private static final int CAP = 2_000_000;

  /**
   * Times a person named with no given name and ending in an English word must be typed to be
   * learned: typed once, it is as likely a slip ("World War", "Border Wall") as a name, and it is
   * tagged in its own article anyway (by the rules and the coreference). Orgs have no such floor:
   * in a sample of the corpus a well-known org ("Public Policy Polling", typed 9 times in allsides)
   * is often typed once.
   */
  private static final int MIN_TYPED = 2;

  private final NameTrie gazetteer;
  private final NameRules rules;
  private final Map<String, Integer> people = new HashMap<>();
  private final Map<String, Integer> orgs = new HashMap<>();
  private final Map<String, Integer> capitalised = new HashMap<>();
  private final WordCounts lower = new WordCounts();

  /**
   * Acronyms seen before a noun that only a law, programme, measure or thing takes ("TPS holders").
   */
  private final Map<String, Integer> notOrgAcronyms = new HashMap<>();

  /** What {@link #learned()} added, as "type TAB canonical TAB surface" lines (for inspection). */
  final java.util.List<String> report = new java.util.ArrayList<>();

  NameLearner(NameTrie gazetteer, NameRules rules) {
    this.gazetteer = gazetteer;
    this.rules = rules;
  }

  void accept(String paragraph) {
    if (paragraph == null || paragraph.isBlank()) return;
    Tokens t = Tokens.of(paragraph);
    boolean[] covered = new boolean[t.size];
    for (int i = 0; i < t.size; ) {
      NameTrie.Match m = t.isWord(i) ? gazetteer.longestAt(t, i) : null;
      if (m == null) {
        i++;
        continue;
      }
      for (int k = m.from(); k < m.to(); k++) covered[k] = true;
      if (m.name().type() == EntityType.PERSON && m.to() - m.from() > 1)
        bump(people, m.name().canonical());
      i = m.to();
    }
    for (int i = 0; i < t.size; i++) {
      String w = t.word[i];
      if (t.isWord(i) && Character.isLowerCase(w.charAt(0)) && w.length() > 2) {
        lower.add(w);
        if (lower.size() > CAP) lower.dropAtMost(1);
      }
    }
    for (int i = 0; i + 1 < t.size; i++) {
      String w = t.word[i];
      if (w.length() >= 3
          && w.length() <= 5
          && isUpperAscii(w)
          && t.spaceBefore[i + 1]
          && isNotOrgHead(t.word[i + 1])) bump(notOrgAcronyms, w);
    }
    if (NameRules.isTitleCase(t)) return;
    for (int i = 0; i < t.size; i++) {
      // a capitalised word standing alone mid-sentence ("shares of Zyxo fell")
      if (covered[i] || !rules.isNameWord(t, i) || t.sentenceInitial(i)) continue;
      boolean alone =
          (i == 0 || !t.spaceBefore[i] || !rules.isCapitalWord(t, i - 1))
              && (i + 1 >= t.size || !t.spaceBefore[i + 1] || !rules.isCapitalWord(t, i + 1));
      if (alone) bump(capitalised, t.word[i]);
    }
    for (int i = 0; i < t.size; ) {
      if (covered[i] || !rules.isNameWord(t, i)) {
        i++;
        continue;
      }
      int end = rules.sequenceEnd(t, i, covered);
      NameRules.Typed typed = rules.typeInContext(t, i, end, covered);
      // "Carmen Yulín" + known "Cruz": only the start of a longer name
      if (typed != null) {
        int next =
            typed.to() < t.size && t.word[typed.to()].equals(".") && !t.spaceBefore[typed.to()]
                ? typed.to() + 1
                : typed.to();
        if (next < t.size && covered[next] && t.spaceBefore[next]) typed = null;
      }
      if (typed != null && typed.type() == EntityType.PERSON && typed.canonical().indexOf(' ') > 0)
        bump(people, typed.canonical());
      if (typed != null && typed.type() == EntityType.ORG && standsAlone(t, typed, covered))
        bump(orgs, typed.canonical());
      i = end;
    }
  }

  /**
   * A typed org whose edges are those of a whole name, so it is learned: not the tail of a longer
   * one ("America's Health Insurance Plans", "Committee for a Responsible Federal Budget", "Iranian
   * Students' News Agency") nor its head ("National Institute on Money in Politics", "McKinsey &
   * Co."). A fragment learned would be tagged wherever it stands, and would cut the whole name
   * there.
   */
  private boolean standsAlone(Tokens t, NameRules.Typed typed, boolean[] covered) {
    int from = typed.from(), to = typed.to();
    if (from > 0 && t.spaceBefore[from]) {
      String before = t.word[from - 1];
      if (before.equals("&")) return false;
      if (from >= 3 && before.equals("s") && t.word[from - 2].equals("'")) return false;
      if (before.equals("'") && !t.spaceBefore[from - 1]) return false; // "Students' News Agency"
      if (from >= 2 && isInnerWord(before)) {
        int k = from - 2;
        if (k > 0 && isInnerWord(t.word[k])) k--; // "Committee for a …"
        if (rules.isCapitalWord(t, k) && !t.sentenceInitial(k)) return false;
      }
    }
    // "Status of Forces Agreement": the head of a longer name
    if (to < t.size && t.spaceBefore[to] && rules.isCapitalWord(t, to)) return false;
    if (to + 1 < t.size && t.spaceBefore[to]) {
      String after = t.word[to];
      if (after.equals("&")) return false;
      if ((isInnerWord(after) || after.equals("in") || after.equals("at"))
          && t.spaceBefore[to + 1]
          && !covered[to + 1]
          && rules.isCapitalWord(t, to + 1)) return false;
    }
    return true;
  }

  private static boolean isUpperAscii(String w) {
    for (int k = 0; k < w.length(); k++) {
      char c = w.charAt(k);
      if (c < 'A' || c > 'Z') return false;
    }
    return true;
  }

  /** A lower-case word inside an org's name: "of", "for", "a", "the" ("Bank of the West"). */
  private static boolean isInnerWord(String w) {
    return switch (w) {
      case "of", "on", "for", "a", "an", "the", "de" -> true;
      default -> false;
    };
  }

  /** Adds the counts of {@code other} (which learned from other paragraphs) to this learner's. */
  void merge(NameLearner other) {
    other.people.forEach((k, v) -> people.merge(k, v, Integer::sum));
    other.orgs.forEach((k, v) -> orgs.merge(k, v, Integer::sum));
    other.capitalised.forEach((k, v) -> capitalised.merge(k, v, Integer::sum));
    lower.merge(other.lower);
    other.notOrgAcronyms.forEach((k, v) -> notOrgAcronyms.merge(k, v, Integer::sum));
  }

  /**
   * The acronyms the corpus writes before a noun that no org takes: "the TPS program", "TPS
   * holders", "the AHCA bill", "a SALT deduction" (so "the TPS" is no org).
   */
  java.util.Set<String> notOrgAcronyms() {
    return java.util.Set.copyOf(notOrgAcronyms.keySet());
  }

  /** A noun after an acronym that makes it a law, programme, measure or thing, not an org. */
  private static boolean isNotOrgHead(String w) {
    return switch (w) {
      case "act",
          "acts",
          "law",
          "laws",
          "bill",
          "bills",
          "program",
          "programs",
          "programme",
          "status",
          "deduction",
          "deductions",
          "credit",
          "credits",
          "account",
          "accounts",
          "holders",
          "recipients",
          "beneficiaries",
          "plan",
          "plans",
          "rule",
          "rules",
          "regulation",
          "regulations",
          "test",
          "tests",
          "testing",
          "scores",
          "standards",
          "treaty",
          "deal",
          "agreement",
          "zone",
          "bomb",
          "bombs",
          "missile",
          "missiles",
          "virus",
          "vaccine",
          "vaccines",
          "drug",
          "drugs",
          "disease",
          "cases",
          "infections",
          "patients",
          "repeal",
          "exam",
          "exams",
          "mandate",
          "waiver",
          "waivers",
          "protections",
          "amendment",
          "provision",
          "provisions",
          "framework",
          "policy",
          "reform",
          "tax",
          "taxes",
          "cap",
          "rate",
          "rates",
          "score",
          "index",
          "levels",
          "funding",
          "benefits",
          "payments",
          "loans",
          "loan",
          "fund",
          "funds",
          "legislation",
          "authorization",
          "resolution",
          "negotiations",
          "talks",
          "summit",
          "certification",
          "format",
          "file",
          "files",
          "code",
          "chip",
          "chips",
          "device",
          "devices",
          "data" ->
          true;
      default -> false;
    };
  }

  /**
   * A person's name that may be no name: it has no given name and ends in an English word ("World
   * War", "Border Wall", "Avalere Health"; not "Abdirahman Warsame").
   */
  private boolean slip(String name) {
    String last = name.substring(name.lastIndexOf(' ') + 1);
    return !rules.firstNames.contains(name.substring(0, name.indexOf(' ')))
        && rules.englishWords.contains(last.toLowerCase(Locale.ROOT));
  }

  /** The names learned; forms the gazetteer already knows are left out. */
  NameTrie learned() {
    NameTrie trie = new NameTrie();
    Map<String, String> surnameOwner = new HashMap<>();
    Map<String, Integer> surnameBest = new HashMap<>();
    Map<String, Boolean> contested = new HashMap<>();
    people.forEach(
        (name, n) -> {
          String surname = name.substring(name.lastIndexOf(' ') + 1);
          int best = surnameBest.getOrDefault(surname, 0);
          if (n > best) {
            contested.put(surname, best * 2 > n);
            surnameBest.put(surname, n);
            surnameOwner.put(surname, name);
          } else if (n * 2 > best) {
            contested.put(surname, true);
          }
        });
    people.forEach(
        (name, n) -> {
          if (gazetteer.get(name) != null) return;
          // "World War", "Border Wall": a name typed once with no given name may be a slip
          if (n < MIN_TYPED && slip(name)) return;
          add(trie, name, EntityType.PERSON, name);
        });
    surnameOwner.forEach(
        (surname, name) -> {
          if (contested.getOrDefault(surname, false) || !recurs(surname, people.get(name))) return;
          if (rules.commonFirstNames.contains(surname)
              || rules.titles.contains(surname)
              || gazetteer.get(surname) != null) return;
          // "Brandon Northrop" seen once does not make "Northrop" (Northrop Grumman) a person
          if (people.get(name) < 2 && gazetteer.startsLongerName(surname)) return;
          add(trie, surname, EntityType.PERSON, name);
        });
    orgs.forEach(
        (name, n) -> {
          if (gazetteer.get(name) != null || trie.get(name) != null) return;
          String[] words = name.split(" ");
          if (rules.commonFirstNames.contains(words[0])
              && java.util.Arrays.stream(words).noneMatch(rules.orgSuffix::contains))
            return; // "Bill Moyers & Co.", "Heidi & Co.": a person's firm, named as the person
          if (name.indexOf(' ') < 0 && !recurs(name, n)) return;
          add(trie, name, EntityType.ORG, name);
        });
    return trie;
  }

  private void add(NameTrie trie, String surface, EntityType type, String canonical) {
    if (trie.add(surface, new NameTrie.Name(type, canonical)))
      report.add(type.key() + "\t" + canonical + "\t" + surface);
  }

  /**
   * A short form worth learning: seen alone and capitalised mid-sentence at least twice, at most 20
   * times as often as the full name it stands for ({@code typedCount}: else it mostly means
   * something else, like "Williams"), in lower case at most a tenth as often, and not an acronym.
   */
  private boolean recurs(String word, int typedCount) {
    int caps = capitalised.getOrDefault(word, 0);
    int low = lower.get(word.toLowerCase(Locale.ROOT));
    return word.length() > 2
        && caps >= 2
        && caps <= 20 * typedCount
        && low * 10 <= caps
        && word.chars().anyMatch(Character::isLowerCase)
        && !rules.stopWords.contains(word);
  }

  private static void bump(Map<String, Integer> counts, String key) {
    counts.merge(key, 1, Integer::sum);
    if (counts.size() > CAP) counts.values().removeIf(v -> v <= 1);
  }
}
