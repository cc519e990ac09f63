package passages.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import passages.model.EntityType;

/**
 * Rules that type a capitalised word sequence from its own words and its neighbours, without a
 * dictionary of the name itself: a known first name or a title before it makes a person ("CEO Sam
 * Altman"), a corporate suffix an org ("Acme Corp."), "X, Ohio" or "X County" a place. Sequences no
 * rule types are not entities. Word lists are data files next to the gazetteer. Immutable.
 */
final class NameRules {
  /** A typed sequence {@code tokens [from, to)} and its canonical value. */
  record Typed(int from, int to, EntityType type, String canonical) {}

  private static final Set<String> CONNECTORS = Set.of("of", "de", "del", "da", "van", "von", "der", "bin", "al", "&", "la", "le", "du");
  private static final Set<String> LEGAL_SUFFIX = Set.of("Inc", "Corp", "Co", "Ltd", "LLC", "Plc", "PLC", "plc", "LP", "LLP", "AG", "SA", "NV", "GmbH");
  private static final Set<String> ORG_PREFIX = Set.of("University", "Bank", "Department", "Ministry", "Institute", "Museum", "Church", "Federation", "League");

  final Set<String> firstNames;
  final Set<String> stopWords;
  final Set<String> titles;
  final Set<String> lowerTitles;
  final Set<String> orgSuffix;
  final Set<String> placeSuffix;

  NameRules() {
    firstNames = read("first-names.txt");
    stopWords = read("stop-capitalized.txt");
    titles = read("person-titles.txt");
    lowerTitles = read("person-context.txt");
    for (String t : titles) lowerTitles.add(t.toLowerCase(Locale.ROOT));
    orgSuffix = read("org-suffixes.txt");
    placeSuffix = read("place-suffixes.txt");
  }

  private static Set<String> read(String file) {
    Set<String> out = new HashSet<>();
    try (InputStream in = NameRules.class.getResourceAsStream("/passages/entities/" + file)) {
      if (in == null) throw new IllegalStateException("missing resource /passages/entities/" + file);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A word that may be part of a name: capitalised (or "iPhone"-like), not a stop word. */
  boolean isNameWord(Tokens t, int i) {
    if (!t.isWord(i)) return false;
    String w = t.word[i];
    char c = w.charAt(0);
    boolean cap = Character.isUpperCase(c) || (w.length() > 1 && Character.isLowerCase(c) && Character.isUpperCase(w.charAt(1)));
    return cap && !Character.isDigit(c) && !stopWords.contains(w);
  }

  /** Whether the paragraph reads like a title-case heading (most words capitalised). */
  static boolean isTitleCase(Tokens t) {
    int words = 0, caps = 0;
    for (int i = 0; i < t.size; i++) {
      if (!t.isWord(i) || Character.isDigit(t.word[i].charAt(0))) continue;
      words++;
      if (t.isCapitalized(i)) caps++;
    }
    return words >= 3 && caps * 10 >= words * 6;
  }

  /**
   * End (exclusive) of the capitalised sequence starting at {@code i} (a name word), joining
   * connectors ("Bank of America"), initials ("J. Smith") and unspaced hyphens ("Ocasio-Cortez").
   * Stops before any token with {@code covered[k]}.
   */
  int sequenceEnd(Tokens t, int i, boolean[] covered) {
    int end = i + 1;
    int k = i + 1;
    while (k < t.size && !covered[k]) {
      String w = t.word[k];
      if (isNameWord(t, k) && t.spaceBefore[k]) {
        end = ++k;
      } else if (w.equals(".") && !t.spaceBefore[k] && t.word[k - 1].length() == 1 && k + 1 < t.size
          && t.spaceBefore[k + 1] && isNameWord(t, k + 1) && !covered[k + 1]) {
        k++; // initial: "J." followed by a name word
      } else if ((w.equals("-") || w.equals("'")) && !t.spaceBefore[k] && k + 1 < t.size && !t.spaceBefore[k + 1]
          && isNameWord(t, k + 1) && !covered[k + 1]) {
        k++;
      } else if (CONNECTORS.contains(w) && t.spaceBefore[k] && k + 1 < t.size && t.spaceBefore[k + 1]
          && isNameWord(t, k + 1) && !covered[k + 1] && k > i) {
        k++;
      } else {
        break;
      }
    }
    return end;
  }

  /** Types the sequence {@code [from, to)}, or returns null when no rule applies. */
  Typed type(Tokens t, int from, int to) {
    // titles inside the sequence: "President Donald Trump", "Secretary of State Mike Pompeo"
    int f = from;
    boolean titled = false;
    for (int k = from; k < to; k++) {
      if (!titles.contains(t.word[k])) continue;
      titled = true;
      f = k + 1;
      if (f < to && t.word[f].equals(".")) f++;
      if (f + 1 < to && t.word[f].equals("of")) f += 2;
      k = f - 1;
    }
    if (f >= to) return null;
    if (!titled && from > 0) titled = precededByTitle(t, from);
    int words = countWords(t, f, to);
    String last = t.word[to - 1];
    if (titled && words >= 1 && words <= 4 && t.word[f].length() > 1 && isNameWord(t, f)
        && !orgSuffix.contains(last) && !placeSuffix.contains(last)) {
      return new Typed(f, to, EntityType.PERSON, text(t, f, to));
    }
    if (words < 2) return null;
    String first = t.word[f];
    if (firstNames.contains(first) && words <= 4 && allCapitalizedWords(t, f, to)
        && !orgSuffix.contains(last) && !placeSuffix.contains(last) && !isAcronym(last)) {
      return new Typed(f, to, EntityType.PERSON, text(t, f, to));
    }
    // "Acme Inc.": the legal suffix belongs to the surface, not to the canonical value
    if (LEGAL_SUFFIX.contains(last) && words >= 2) {
      int end = to;
      if (end < t.size && t.word[end].equals(".") && !t.spaceBefore[end]) end++;
      return new Typed(from, end, EntityType.ORG, text(t, from, to - 1));
    }
    if (orgSuffix.contains(last) || ORG_PREFIX.contains(t.word[from]) && to - from >= 3 && t.word[from + 1].equals("of")) {
      return new Typed(from, to, EntityType.ORG, text(t, from, to));
    }
    if (placeSuffix.contains(last)) return new Typed(from, to, EntityType.PLACE, text(t, from, to));
    return null;
  }

  private boolean precededByTitle(Tokens t, int from) {
    int k = from - 1;
    if (k >= 0 && t.word[k].equals(".") && k > 0 && t.isAbbreviation(k - 1)) return titles.contains(t.word[k - 1]);
    if (k >= 0 && !t.spaceBefore[from]) return false;
    if (k >= 0 && t.word[k].equals(",")) k--; // "its chief executive, Sam Altman"
    return k >= 0 && t.isWord(k) && lowerTitles.contains(t.word[k]) && Character.isLowerCase(t.word[k].charAt(0));
  }

  private boolean allCapitalizedWords(Tokens t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (t.isWord(i) && !CONNECTORS.contains(t.word[i]) && !Character.isUpperCase(t.word[i].charAt(0))) return false;
    }
    return true;
  }

  private static boolean isAcronym(String w) {
    return w.length() > 1 && w.chars().allMatch(Character::isUpperCase);
  }

  static int countWords(Tokens t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) if (t.isWord(i) && !CONNECTORS.contains(t.word[i])) n++;
    return n;
  }

  static String text(Tokens t, int from, int to) {
    return t.text.substring(t.start[from], t.end[to - 1]).replace('\u2019', '\'').replaceAll("\\s+", " ");
  }
}
