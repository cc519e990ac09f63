package passages.entities;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * What one article tells about its own names, applied to all its paragraphs after each was read
 * alone:
 *
 * <ul>
 *   <li>a surname alone takes the person named in full elsewhere in the article ("Eric Holder" …
 *       "Holder said" → Eric Holder), also at the start of a sentence and before a possessive;
 *   <li>a name typed once, by the gazetteer or by its context, is typed the same way where it
 *       stands bare ("Marisol Quintanilla, a 34-year-old mother, said" … "Quintanilla's lawyer");
 *   <li>an org's last word after "the" ("The New York Times" … "the Times") and the acronym given
 *       in brackets after an org ("Council on American-Islamic Relations (CAIR)" … "CAIR") name
 *       that org.
 * </ul>
 *
 * A surname two people of the article share stands for the one mentioned most; any other form that
 * two different entities of the article claim is left as each paragraph found it. Only tokens no
 * mention covers are tagged, and never the part of a longer capitalised name ("Holder Foundation").
 * Immutable and thread-safe.
 */
final class ArticleCoreference {
  private static final Set<String> NAME_SUFFIXES = Set.of("Jr", "Sr", "II", "III", "IV");

  private final NameRules rules;

  ArticleCoreference(NameRules rules) {
    this.rules = rules;
  }

  /** Adds to each paragraph's mentions those its article tells, keeping them sorted by start. */
  void resolve(List<GazetteerExtractor.Found> article) {
    Forms forms = new Forms();
    Map<String, Map<String, Integer>> surnames = new HashMap<>();
    for (GazetteerExtractor.Found f : article) collectSurnames(f, surnames);
    surnames.forEach(
        (surname, people) -> {
          String best = null;
          for (var e : people.entrySet())
            if (best == null || e.getValue() > people.get(best)) best = e.getKey();
          forms.names.put(surname, new NameTrie.Name(EntityType.PERSON, best));
        });
    for (GazetteerExtractor.Found f : article) collect(f, forms);
    givenNames(article, forms, surnames.keySet());
    if (forms.names.isEmpty()) return;
    NameTrie trie = new NameTrie();
    NameTrie heads = new NameTrie();
    forms.names.forEach(
        (surface, name) -> {
          if (!forms.contested.contains(surface)) trie.add(surface, name);
        });
    forms.initials.forEach(
        (surface, name) -> {
          if (!forms.contested.contains(surface) && !forms.names.containsKey(surface))
            trie.add(surface, name);
        });
    forms.firsts.forEach(
        (surface, name) -> {
          if (!forms.contested.contains(surface)
              && !forms.names.containsKey(surface)
              && !inLowerCase(article, surface)) trie.add(surface, name);
        });
    forms.heads.forEach(
        (surface, name) -> {
          if (!forms.contested.contains(surface) && !forms.names.containsKey(surface))
            heads.add(surface, name);
        });
    for (GazetteerExtractor.Found f : article) {
      retypeSurnames(f, forms, surnames.keySet());
      tag(f, trie, heads);
    }
  }

  /**
   * A one-word product or org that is the surname of a person the article names in full becomes
   * that person when it reads like one ("Ken Blackwell" … "Blackwell said", "Bloomberg, who"), and
   * always for a product (a chip named Blackwell is rarely in an article about Ken Blackwell).
   */
  private void retypeSurnames(GazetteerExtractor.Found f, Forms forms, Set<String> surnames) {
    Tokens t = f.t;
    for (int k = 0; k < f.out.size(); k++) {
      Entity e = f.out.get(k);
      if (e.type() != EntityType.PRODUCT && e.type() != EntityType.ORG
          || !surnames.contains(e.text())) continue;
      NameTrie.Name person = forms.names.get(e.text());
      if (person == null || person.type() != EntityType.PERSON) continue;
      int from = tokenAt(t, e.start()), to = from + 1;
      if (to > t.size || t.end[from] != e.end()) continue; // one token only
      boolean personLike =
          e.type() == EntityType.PRODUCT
              || NameRules.beforeSayingVerb(t, to)
              || NameRules.ageOrWhoAfter(t, to)
              || from > 0
                  && (rules.titles.contains(t.word[from - 1])
                      || t.word[from - 1].equals(".")
                          && from > 1
                          && rules.titles.contains(t.word[from - 2]));
      if (personLike)
        f.out.set(
            k, new Entity(EntityType.PERSON, person.canonical(), e.text(), e.start(), e.end()));
    }
  }

  private static int tokenAt(Tokens t, int offset) {
    int lo = 0, hi = t.size - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (t.start[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The forms an article's mentions give, and those two entities claim. */
  private static final class Forms {
    final Map<String, NameTrie.Name> names = new HashMap<>();

    /** Forms that name an org only after "the": "Times". */
    final Map<String, NameTrie.Name> heads = new HashMap<>();

    final Set<String> contested = new HashSet<>();

    /**
     * An org's distinctive first or last word: "Asiana" (Asiana Airlines), "Klan" (Ku Klux Klan);
     * where two orgs share it, the first met.
     */
    final Map<String, NameTrie.Name> firsts = new HashMap<>();

    /**
     * An org's initials: "VFW" (Veterans of Foreign Wars); where two orgs share them, the first.
     */
    final Map<String, NameTrie.Name> initials = new HashMap<>();

    void put(Map<String, NameTrie.Name> map, String surface, NameTrie.Name name) {
      NameTrie.Name had = map.putIfAbsent(surface, name);
      if (had != null && !had.equals(name)) contested.add(surface);
    }
  }

  /**
   * The surnames of the people the article names in full, each with how often each full name is
   * mentioned ("Holder" → {Eric Holder: 3}). Where two people share a surname, the surname stands
   * for the one mentioned most (the first met on a tie): it is a person either way, and the
   * article's main one is the likelier ("Trump" in an article about Donald and Melania Trump, two
   * spellings of one name in a report).
   */
  private void collectSurnames(
      GazetteerExtractor.Found f, Map<String, Map<String, Integer>> surnames) {
    for (Entity e : f.out) {
      String[] words = e.value().split(" ");
      if (e.type() != EntityType.PERSON || words.length < 2) continue;
      String last = words[words.length - 1].replace(".", "");
      if (NAME_SUFFIXES.contains(last) && words.length >= 3)
        last = words[words.length - 2].replace(",", "");
      if (isShortForm(last))
        surnames
            .computeIfAbsent(last, k -> new java.util.LinkedHashMap<>())
            .merge(e.value(), 1, Integer::sum);
    }
  }

  /**
   * Every surface the article's mentions have, and the org short forms; a person found by a surname
   * alone ("Johnson" typed from its context) takes the full name the article gives that surname.
   */
  private void collect(GazetteerExtractor.Found f, Forms forms) {
    Tokens t = f.t;
    for (int k = 0; k < f.out.size(); k++) {
      Entity e = f.out.get(k);
      if (e.type() == EntityType.MONEY) continue;
      String surface = normalise(e.text());
      NameTrie.Name full = forms.names.get(surface);
      if (e.type() == EntityType.ORG
          && e.value().equals(e.text())
          && full != null
          && full.type() == EntityType.ORG
          && !forms.contested.contains(surface)) { // "the DCCC" after "… Committee (DCCC)"
        e = new Entity(e.type(), full.canonical(), e.text(), e.start(), e.end());
        f.out.set(k, e);
      }
      if (e.type() == EntityType.PERSON
          && e.value().indexOf(' ') < 0
          && full != null
          && full.type() == EntityType.PERSON
          && !forms.contested.contains(surface)) {
        e = new Entity(e.type(), full.canonical(), e.text(), e.start(), e.end());
        f.out.set(k, e);
      }
      NameTrie.Name name = new NameTrie.Name(e.type(), e.value());
      forms.put(forms.names, surface, name);
      String[] words = e.value().split(" ");
      if (e.type() == EntityType.ORG && words.length >= 2) {
        if (isDistinctiveHead(words[0])
            && e.text().startsWith(words[0] + " ")
            && brandedFirm(words)) forms.firsts.putIfAbsent(words[0], name);
        String last = words[words.length - 1];
        if (isDistinctiveHead(last) && e.text().endsWith(" " + last) && plainName(words))
          forms.firsts.putIfAbsent(last, name); // "Ku Klux Klan" … "a Klan hood"
        if (isShortForm(last) || isHeadWord(last)) forms.put(forms.heads, last, name);
        String acronym = bracketedAcronym(e, t.text);
        if (acronym != null) forms.put(forms.names, acronym, name);
        String initials = initials(words);
        if (initials != null) forms.initials.putIfAbsent(initials, name);
      }
    }
  }

  /**
   * A word that may stand for a whole name: capitalised, not a stop word, a modifier or a title.
   */
  private boolean isShortForm(String w) {
    return w.length() > 1
        && Character.isUpperCase(w.charAt(0))
        && w.chars().anyMatch(Character::isLowerCase)
        && !rules.stopWords.contains(w)
        && !rules.modifiers.contains(w)
        && !rules.titles.contains(w)
        && !rules.orgSuffix.contains(w)
        && !rules.placeSuffix.contains(w);
  }

  /**
   * The first word of an org's name that stands for the org alone ("Asiana Airlines" … "Asiana
   * said", "Montefiore Medical Center" … "Montefiore did not respond"): a name word no list knows
   * as a common English word or a given name ("American Airlines", "Morgan Stanley" are not).
   */
  private boolean isDistinctiveHead(String w) {
    return isShortForm(w)
        && w.length() > 3
        && !ADJECTIVE_ENDING.matcher(w).find()
        && !rules.firstNames.contains(w)
        && !rules.isEnglishWord(w.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * A given name alone stands for the one person of the article named in full with it ("Rand Paul"
   * and "Ron Paul" … "Ron and Rand debating"); not a given name two people of the article share,
   * one that is a surname or another form there, nor one that is a common English word ("Will").
   */
  private void givenNames(
      List<GazetteerExtractor.Found> article, Forms forms, Set<String> surnames) {
    Map<String, String> owner = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (GazetteerExtractor.Found f : article) {
      for (Entity e : f.out) {
        if (e.type() != EntityType.PERSON) continue;
        String[] words = normalise(e.text()).split(" ");
        if (words.length < 2 || !rules.firstNames.contains(words[0])) continue;
        String had = owner.putIfAbsent(words[0], e.value());
        if (had != null && !had.equals(e.value())) shared.add(words[0]);
      }
    }
    owner.forEach(
        (given, person) -> {
          if (shared.contains(given)
              || surnames.contains(given)
              || forms.names.containsKey(given)
              || !isShortForm(given)
              || rules.englishWords.contains(given.toLowerCase(java.util.Locale.ROOT))) return;
          forms.names.put(given, new NameTrie.Name(EntityType.PERSON, person));
        });
  }

  /**
   * An org word that, capitalised after "the", stands for the org the article named in full with
   * it: "the Post" (The Washington Post), "the Court" (the Supreme Court), "the Monitor".
   */
  private boolean isHeadWord(String w) {
    return rules.orgSuffix.contains(w)
        && w.length() > 3
        && w.chars().anyMatch(Character::isLowerCase);
  }

  /**
   * Last words of a firm or an institution named by a brand of its own, so its first word alone is
   * the firm ("Bain Capital", "Getty Images", "Lehman Brothers", "Mayo Clinic"); not the heads of
   * institutions named after a place or an event ("Newtown Bible Church", "Columbine High School",
   * "Capitol Police", "Watergate Committee").
   */
  private static final Set<String> FIRM_HEADS =
      Set.of(
          "Capital",
          "Group",
          "Media",
          "Images",
          "Brothers",
          "Health",
          "Clinic",
          "Bank",
          "Corporation",
          "Airlines",
          "Airways",
          "Ventures",
          "Partners",
          "Holdings",
          "Management",
          "Foundation",
          "Hospital",
          "Energy",
          "Technologies",
          "Systems",
          "Pharmaceuticals",
          "Motors",
          "Industries",
          "Analytics",
          "Labs",
          "Enterprises",
          "Communications",
          "Entertainment",
          "Studios",
          "Insurance",
          "Financial",
          "Investments",
          "Grumman");

  /** The org's name ends in a firm's head, or "Medical Center" ("Montefiore Medical Center"). */
  private static boolean brandedFirm(String[] words) {
    String last = words[words.length - 1];
    return FIRM_HEADS.contains(last)
        || last.equals("Center") && words.length >= 3 && words[words.length - 2].equals("Medical");
  }

  /** Endings of adjectives and demonyms: "Belgian", "Taiwanese", "Swedish", "Islamist". */
  private static final java.util.regex.Pattern ADJECTIVE_ENDING =
      java.util.regex.Pattern.compile("(ian|ean|can|kan|ese|ish|ist|ic|al)$");

  /** A name of at most three words and no connector: "Ku Klux Klan", not "… Council on …". */
  private static boolean plainName(String[] words) {
    if (words.length > 3) return false;
    for (String w : words) if (!Character.isUpperCase(w.charAt(0))) return false;
    return !words[0].equals(words[words.length - 1]); // "Nakoula Basseley Nakoula": a person
  }

  /**
   * The word is written in lower case somewhere in the article ("Defense" … "missile defense"): a
   * common noun, not an org's own name.
   */
  private static boolean inLowerCase(List<GazetteerExtractor.Found> article, String w) {
    String lower = w.toLowerCase(java.util.Locale.ROOT);
    for (GazetteerExtractor.Found f : article) {
      Tokens t = f.t;
      for (int i = 0; i < t.size; i++) if (t.word[i].equals(lower)) return true;
    }
    return false;
  }

  /**
   * The initials of an org's capitalised words, 3 to 6 of them ("Veterans of Foreign Wars" → "VFW",
   * "Council on American-Islamic Relations" → "CAIR"), or null when a word is not capitalised.
   */
  private static String initials(String[] words) {
    switch (words[words.length - 1]) {
      case "Program", "Programme", "Act", "Initiative", "Authority" -> {
        return null; // "Paycheck Protection Program" is a programme: "PPP" stays what it was
      }
      default -> {}
    }
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (w.equals("of") || w.equals("on") || w.equals("for") || w.equals("and")) continue;
      for (String part : w.split("-")) {
        if (part.isEmpty() || !Character.isUpperCase(part.charAt(0))) return null;
        if (part.chars().allMatch(Character::isUpperCase)) return null; // "NRA Foundation"
        out.append(part.charAt(0));
      }
    }
    return out.length() >= 3 && out.length() <= 6 ? out.toString() : null;
  }

  /** "… Relations (CAIR)": the 2-6 capitals in brackets right after an org mention, or null. */
  private static String bracketedAcronym(Entity e, String text) {
    int open = e.end() + 1;
    if (open + 3 > text.length() || text.charAt(e.end()) != ' ' || text.charAt(open) != '(')
      return null;
    int close = text.indexOf(')', open);
    if (close < 0 || close - open - 1 < 2 || close - open - 1 > 6) return null;
    String inside = text.substring(open + 1, close);
    return inside.chars().allMatch(Character::isUpperCase) ? inside : null;
  }

  private void tag(GazetteerExtractor.Found f, NameTrie trie, NameTrie heads) {
    Tokens t = f.t;
    boolean added = false;
    for (int i = 0; i < t.size; i++) {
      if (f.covered[i]
          || !rules.isNameWord(t, i)
          || GazetteerExtractor.inHandle(t, i)
          || !startsAlone(t, i)) continue;
      NameTrie.Match m = trie.longestAt(t, i);
      if (m == null && i > 0 && (t.word[i - 1].equals("the") || t.word[i - 1].equals("The")))
        m = heads.longestAt(t, i);
      if (m == null || !f.free(m.from(), m.to()) || continuesName(t, m.to())) continue;
      f.add(m.from(), m.to(), m.name().type(), m.name().canonical());
      added = true;
      i = m.to() - 1;
    }
    if (added) f.out.sort(Comparator.comparingInt(Entity::start));
  }

  /**
   * Token {@code i} does not continue a capitalised name before it: it starts the text, follows a
   * space or an opening quote or bracket, and the word before it is not a capitalised name word (a
   * title is: "Sen. Cruz", "Attorney General Holder").
   */
  private boolean startsAlone(Tokens t, int i) {
    if (i == 0) return true;
    String prev = t.word[i - 1];
    if (!t.spaceBefore[i])
      return prev.equals("\"") || prev.equals("\u201c") || prev.equals("(") || prev.equals("'");
    if (!rules.isCapitalWord(t, i - 1) || t.sentenceInitial(i - 1)) return true;
    return rules.titles.contains(prev)
        || rules.lowerTitles.contains(prev.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * A capitalised word follows, spaced: the match is part of a longer name ("Holder Foundation").
   */
  private boolean continuesName(Tokens t, int to) {
    return to < t.size && t.spaceBefore[to] && rules.isCapitalWord(t, to);
  }

  private static String normalise(String surface) {
    return surface.replace('\u2019', '\'').replaceAll("\\s+", " ");
  }
}
