package passages.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * The extractor {@link EntityExtractors#create} builds. Per paragraph, each step one left-to-right
 * pass over the tokens: (1) money amounts; facilities covered so no part of them is tagged; site
 * names ("FoxNews.com"); (2) the longest known name at each token, from the gazetteer or learned
 * from the corpus, widened when a suffix follows ("Jordan" + "River", "Amazon" + "Inc."); (3)
 * products by shape ({@link ProductShapes}: "Boeing 737-800", "B-21"); (4) capitalised sequences
 * that {@link NameRules} types from context, and "X, Ohio" places; ordinals and slash partners
 * ("the 4th Circuit …", "CNN/ORC"); (5) bare surnames of people named earlier in the same
 * paragraph; (6) a social platform is a product unless it is named as the company ({@link
 * Platforms}). Earlier steps win overlaps. {@link #extractArticle} then adds what the article tells
 * ({@link ArticleCoreference}). Immutable and thread-safe.
 */
final class GazetteerExtractor implements EntityExtractor {
  private final NameTrie names;
  private final NameTrie learned;

  /** Names from the open data: they lose ties to the hand lists and to the learned names. */
  private final NameTrie openData;

  private final NameRules rules;
  private final Platforms platforms;
  private final ProductShapes productShapes;
  private final List<String> learnedReport;
  private final ArticleCoreference coreference;

  /**
   * Acronyms the corpus writes as laws, programmes or things ("TPS holders"): no org after "the".
   */
  private final java.util.Set<String> learnedNotOrgAcronyms;

  GazetteerExtractor(
      NameTrie names,
      NameTrie learned,
      NameTrie openData,
      NameRules rules,
      List<String> learnedReport,
      java.util.Set<String> learnedNotOrgAcronyms) {
    this.learnedNotOrgAcronyms = java.util.Set.copyOf(learnedNotOrgAcronyms);
    this.names = names;
    this.learned = learned;
    this.openData = openData;
    this.rules = rules;
    this.platforms = new Platforms(rules.platforms);
    this.productShapes = new ProductShapes(rules);
    this.learnedReport = List.copyOf(learnedReport);
    this.coreference = new ArticleCoreference(rules);
  }

  /** The names learned from the corpus, as "type TAB canonical TAB surface" lines. */
  List<String> learnedReport() {
    return learnedReport;
  }

  /**
   * Mutable per-call state: a paragraph's tokens, which of them a mention covers, and the mentions.
   */
  static final class Found {
    final Tokens t;
    final boolean[] covered;
    final EntityType[] typeAt; // type of the mention that starts at a token
    final int[] endAt;
    final List<Entity> out = new ArrayList<>();

    Found(Tokens t) {
      this.t = t;
      covered = new boolean[t.size];
      typeAt = new EntityType[t.size];
      endAt = new int[t.size];
    }

    boolean free(int from, int to) {
      for (int k = from; k < to; k++) if (covered[k]) return false;
      return true;
    }

    void add(int from, int to, EntityType type, String canonical) {
      for (int k = from; k < to; k++) covered[k] = true;
      typeAt[from] = type;
      endAt[from] = to;
      int s = t.start[from], e = t.end[to - 1];
      out.add(new Entity(type, canonical, t.text.substring(s, e), s, e));
    }

    /** Removes the mention that starts at token {@code i} and returns it. */
    Entity remove(int i) {
      int s = t.start[i];
      for (int k = 0; k < out.size(); k++) {
        if (out.get(k).start() == s) {
          for (int j = i; j < endAt[i]; j++) covered[j] = false;
          typeAt[i] = null;
          return out.remove(k);
        }
      }
      throw new IllegalStateException("no mention at token " + i);
    }
  }

  @Override
  public List<Entity> extract(String paragraphText) {
    return find(paragraphText).out;
  }

  /**
   * Each paragraph as {@link #extract} finds it, then what the article as a whole tells ({@link
   * ArticleCoreference}): a surname alone after the full name, a name typed once and bare
   * elsewhere.
   */
  @Override
  public List<List<Entity>> extractArticle(List<String> paragraphTexts) {
    List<Found> found = new ArrayList<>(paragraphTexts.size());
    for (String p : paragraphTexts) found.add(find(p));
    coreference.resolve(found);
    for (Found f : found) if (has(f, EntityType.PERSON)) arabicArticles(f);
    List<List<Entity>> out = new ArrayList<>(found.size());
    for (Found f : found) out.add(f.out);
    return out;
  }

  private Found find(String paragraphText) {
    Objects.requireNonNull(paragraphText, "paragraphText");
    Tokens t = Tokens.of(paragraphText);
    Found f = new Found(t);
    money(f, paragraphText);
    facilities(f);
    siteNames(f);
    knownNames(f);
    productShapes.makersAndModels(f);
    productShapes.modelCodes(f);
    if (!NameRules.isTitleCase(t)) {
      typedSequences(f);
      theAcronyms(f);
    }
    ordinals(f);
    if (has(f, EntityType.ORG)) {
      campuses(f);
      orgLists(f);
      joins(f);
    }
    bracketedAcronyms(f);
    slashPartners(f);
    surnames(f);
    f.out.sort(Comparator.comparingInt(Entity::start));
    if (has(f, EntityType.PERSON)) {
      hyphenatedSurnames(f);
      initialsBefore(f);
      arabicArticles(f);
      juniors(f);
    }
    platforms.retype(f);
    return f;
  }

  /** Whether some mention found so far has the type (most paragraphs have few mentions). */
  private static boolean has(Found f, EntityType type) {
    for (Entity e : f.out) if (e.type() == type) return true;
    return false;
  }

  /**
   * Words that, capitalised and followed by "of", open a name of that type: "Embassy of Sweden",
   * "Sea of Azov".
   */
  private static EntityType ofPrefix(String w) {
    return switch (w) {
      case "Embassy", "Consulate", "Bank", "University", "Ministry" -> EntityType.ORG;
      case "Gulf", "Strait", "Straits", "Sea", "Bay", "Isle", "Cape" -> EntityType.PLACE;
      default -> null;
    };
  }

  /**
   * "Embassy of Sweden": the prefix, "of", an optional "the" and a capitalised sequence; the end,
   * or -1.
   */
  private int ofNameEnd(Found f, int i) {
    Tokens t = f.t;
    if (ofPrefix(t.word[i]) == null || i + 2 >= t.size || !t.word[i + 1].equals("of")) return -1;
    if (i > 0 && t.spaceBefore[i] && rules.isCapitalWord(t, i - 1) && !t.sentenceInitial(i - 1))
      return -1; // "U.S. Embassy of …"
    int k = i + 2;
    if (t.word[k].equals("the") && k + 1 < t.size) k++;
    if (!rules.isCapitalWord(t, k) || f.covered[k]) return -1;
    int end = rules.sequenceEnd(t, k, f.covered);
    while (end - 1 > k && rules.titles.contains(t.word[end - 1]))
      end--; // "a University of California President's Fellow"
    return end;
  }

  /** Token {@code i} follows a party letter and a hyphen, glued: "D-Mass.", "R-Ill.". */
  private static boolean partyLabel(Tokens t, int i) {
    if (i < 2 || t.spaceBefore[i] || t.spaceBefore[i - 1] || !t.word[i - 1].equals("-"))
      return false;
    String party = t.word[i - 2];
    return party.equals("D") || party.equals("R") || party.equals("I");
  }

  /**
   * An outlet or group written as its site's name is an org: "told FoxNews.com", "a Change.org
   * petition" (a capitalised name, then ".com", ".org" or ".net"; not inside a longer address).
   */
  private void siteNames(Found f) {
    Tokens t = f.t;
    for (int i = 0; i + 2 < t.size; i++) {
      if (f.covered[i] || !t.isWord(i) || !Character.isUpperCase(t.word[i].charAt(0))) continue;
      if (!t.word[i + 1].equals(".") || t.spaceBefore[i + 1] || t.spaceBefore[i + 2]) continue;
      String tld = t.word[i + 2];
      if (!tld.equals("com") && !tld.equals("org") && !tld.equals("net")) continue;
      if (i > 0 && !t.spaceBefore[i] && (t.isWord(i - 1) || ".@/#".contains(t.word[i - 1])))
        continue; // "www.FoxNews.com", "@Vox.com"
      if (i + 3 < t.size
          && !t.spaceBefore[i + 3]
          && (t.isWord(i + 3) || t.word[i + 3].equals("/") || t.word[i + 3].equals("."))
          && !(t.word[i + 3].equals(".") && (i + 4 == t.size || t.spaceBefore[i + 4])))
        continue; // "FoxNews.com/politics", "Vox.com.au"
      if (knownAsLong(t, i, i + 3)) continue; // "Amazon.com" is Amazon
      f.add(i, i + 3, EntityType.ORG, NameRules.text(t, i, i + 3));
      i += 2;
    }
  }

  /** A known name at {@code i} at least as long as {@code [i, end)}: "Bank of America". */
  private boolean knownAsLong(Tokens t, int i, int end) {
    NameTrie.Match m = longest(t, i);
    return m != null && m.to() >= end;
  }

  /**
   * Buildings and facilities are not entities (the annotation guidelines): a capitalised name that
   * ends in "Base", "Airport", "Prison", "Jail", "Penitentiary" or "Correctional / Detention /
   * Processing / Space Center / Centre / Facility" is covered, so no part of it is tagged ("Tyndall
   * Air Force Base" is not the Air Force).
   */
  private void facilities(Found f) {
    Tokens t = f.t;
    for (int j = 1; j < t.size; j++) {
      boolean facility =
          switch (t.word[j]) {
            case "Base", "Airport", "Prison", "Jail", "Penitentiary" -> true;
            case "Center", "Centre", "Facility" ->
                switch (t.word[j - 1]) {
                  case "Correctional", "Detention", "Processing", "Space" -> true;
                  default -> false;
                };
            default -> false;
          };
      if (!facility) continue;
      int start = j;
      while (start > 0 && t.spaceBefore[start] && rules.isCapitalWord(t, start - 1)) start--;
      if (start < j) for (int k = start; k <= j; k++) f.covered[k] = true;
    }
  }

  private void knownNames(Found f) {
    Tokens t = f.t;
    for (int i = 0; i < t.size; ) {
      int ofEnd = f.covered[i] ? -1 : ofNameEnd(f, i);
      if (ofEnd > 0 && f.free(i, ofEnd) && !knownAsLong(t, i, ofEnd)) {
        f.add(i, ofEnd, ofPrefix(t.word[i]), NameRules.text(t, i, ofEnd));
        i = ofEnd;
        continue;
      }
      NameTrie.Match m = t.isWord(i) && !f.covered[i] && startsFreely(t, i) ? longest(t, i) : null;
      if (m == null || !f.free(m.from(), m.to())) {
        i++;
        continue;
      }
      int from = m.from(), to = m.to();
      if (m.name().type() == EntityType.PLACE && partyLabel(t, from)) {
        i = to; // "D-Mass.", "R-Ill.": a party-state label, not a place
        continue;
      }
      String canonical = m.name().canonical();
      EntityType type = m.name().type();
      if (type == EntityType.PERSON && to - from >= 2 && rules.titles.contains(t.word[from])) {
        int k = from + 1; // "Pope Francis", "Queen Elizabeth II": the title is not the name
        if (t.word[k].equals(".") && k + 1 < to) k++;
        if (t.spaceBefore[k] && rules.isCapitalWord(t, k)) from = k;
      }
      boolean single = to - from == 1;
      int first =
          !single
              ? -1
              : type != EntityType.PRODUCT
                  ? firstNameBefore(f, from)
                  : commonFirstNameBefore(f, from);
      if (first >= 0) {
        from =
            first; // "Melania Trump" is not "Trump", "Lloyd Austin" not the city, "Don Fox" not the
        // network
        type = EntityType.PERSON;
        canonical = NameRules.text(t, from, to);
      } else if (single && type == EntityType.PERSON && ampersandAfter(t, to)) {
        int end = rules.sequenceEnd(t, from, f.covered); // "Muzinich & Co.": a firm
        NameRules.Typed firm = rules.type(t, from, end);
        if (firm != null && firm.type() == EntityType.ORG) {
          f.add(firm.from(), firm.to(), firm.type(), firm.canonical());
          i = firm.to();
          continue;
        }
      } else if (to < t.size && t.spaceBefore[to] && rules.isCapitalWord(t, to)) {
        int end = rules.sequenceEnd(t, to, f.covered);
        boolean nextKnown = names.longestAt(t, to) != null;
        NameRules.Typed wider = nextKnown ? null : rules.type(t, from, end);
        if (wider == null && !nextKnown && type != EntityType.PERSON)
          wider = rules.byKindNoun(t, from, end); // "Texas Impact, a civil group,"
        if (wider != null && type == EntityType.PERSON && !namedAfter(t, to, end)) wider = null;
        if (wider != null && wider.type() != EntityType.PERSON) {
          f.add(
              wider.from(),
              wider.to(),
              wider.type(),
              wider.canonical()); // "Jordan River", "U.S. Maritime Administration"
          i = wider.to();
          continue;
        }
        String last = t.word[end - 1];
        boolean personBeforeOrg =
            type == EntityType.PERSON && rules.orgSuffix.contains(last); // "Obama Administration"
        if (type == EntityType.PERSON && !personBeforeOrg && rules.notPersonLast.contains(last)) {
          i = end; // "Laura Ingraham Show" is not the person
          continue;
        }
        boolean placeBeforeTitle = // "Virginia Gov. Ralph Northam"
            type == EntityType.PLACE && rules.titles.contains(t.word[to]);
        if (single
            && !personBeforeOrg
            && !placeBeforeTitle
            && (type == EntityType.PERSON || rules.firstNames.contains(t.word[from]))) {
          i++; // part of a longer name ("Clinton Kelly") the later rules may type
          continue;
        }
      }
      if (type == EntityType.ORG && to < t.size && t.spaceBefore[to] && isLegalSuffix(t.word[to])) {
        to++; // "Amazon Inc."
        if (to < t.size && t.word[to].equals(".") && !t.spaceBefore[to]) to++;
      }
      if (type == EntityType.PRODUCT && to - from > 1 && isKindWord(t.word[to - 1]))
        to--; // "Patriot missile" is "Patriot": the kind of thing is not its name
      f.add(from, to, type, canonical);
      i = to;
    }
  }

  /**
   * A kind word after an unknown capitalised name that makes it a product: "a Shahed drone", "an
   * Izhmash rifle" (not "fighters", "jet": "Islamist fighters", "jet ski"; not "app": the article
   * would then call "Infowars" a product wherever it stands bare).
   */
  private static boolean isNamingKindWord(String w) {
    return switch (w) {
      case "missile",
          "missiles",
          "drone",
          "drones",
          "rifle",
          "rifles",
          "smartphone",
          "smartphones",
          "browser",
          "chatbot" ->
          true;
      default -> false;
    };
  }

  /** A noun after a kind word that makes a compound about something else: "missile base". */
  private static boolean isCompoundTail(String w) {
    return switch (w) {
      case "base",
          "bases",
          "site",
          "sites",
          "defense",
          "defence",
          "test",
          "tests",
          "program",
          "programs",
          "programme",
          "attack",
          "attacks",
          "strike",
          "strikes",
          "range",
          "crisis",
          "store",
          "stores",
          "maker",
          "makers",
          "company",
          "companies",
          "developer",
          "developers" ->
          true;
      default -> false;
    };
  }

  /** A word that says what kind of thing a product is: "missile", "rifle", "app". */
  static boolean isKindWord(String w) {
    return switch (w) {
      case "missile",
          "missiles",
          "drone",
          "drones",
          "rifle",
          "rifles",
          "jet",
          "jets",
          "fighter",
          "fighters",
          "bomber",
          "bombers",
          "helicopter",
          "helicopters",
          "tank",
          "tanks",
          "app",
          "apps",
          "smartphone",
          "smartphones",
          "browser",
          "chatbot" ->
          true;
      default -> false;
    };
  }

  /**
   * Whether {@code [from, to)} holds an org word that institutions named after people use
   * ("Center").
   */
  /** A spaced "&" and a capitalised word follow {@code to}: "Muzinich & Co.". */
  private boolean ampersandAfter(Tokens t, int to) {
    return to + 1 < t.size
        && t.word[to].equals("&")
        && t.spaceBefore[to]
        && t.spaceBefore[to + 1]
        && rules.isCapitalWord(t, to + 1);
  }

  private static boolean namedAfter(Tokens t, int from, int to) {
    for (int k = from; k < to; k++) if (NameRules.isNamedAfterSuffix(t.word[k])) return true;
    return false;
  }

  /**
   * Where a person's name starts when the name words right before token {@code i} begin with a
   * first name ("Carmen Yulín" + "Cruz", "George W" + "Bush"); -1 when they do not.
   */
  private int firstNameBefore(Found f, int i) {
    Tokens t = f.t;
    int k = i;
    for (int n = 0; n < 2 && k > 0 && t.spaceBefore[k] && !f.covered[k - 1]; n++) {
      int prev = k - 1;
      if (t.word[prev].equals(".")
          && prev > 0
          && !t.spaceBefore[prev]
          && t.word[prev - 1].length() == 1
          && Character.isUpperCase(t.word[prev - 1].charAt(0))) {
        prev--; // an initial "J."
      } else if (!rules.isCapitalWord(t, prev)) {
        break;
      }
      k = prev;
      if (rules.firstNames.contains(t.word[k])) return k;
    }
    return -1;
  }

  /**
   * The longest of the gazetteer's, the learned and the open-data names' matches at {@code i}; ties
   * in that order.
   */
  private NameTrie.Match longest(Tokens t, int i) {
    NameTrie.Match best = handOrLearned(t, i);
    NameTrie.Match c = openData.longestAt(t, i);
    if (c != null && c.to() - c.from() == 1 && partOfLongerName(t, i))
      c = null; // "Ben Ray Luján" is not the town
    if (c == null) return best;
    return best == null || c.to() > best.to() ? c : best;
  }

  /**
   * "Ken" + "Blackwell", "Simone" + "Alexa": a given name right before a one-word product makes a
   * person (a common one, or one that is no English word before a product that is no platform); -1
   * if none.
   */
  private int commonFirstNameBefore(Found f, int i) {
    int k = firstNameBefore(f, i);
    if (k < 0 || k != i - 1) return -1;
    String given = f.t.word[k];
    return rules.commonFirstNames.contains(given)
            || !rules.englishWords.contains(given.toLowerCase(java.util.Locale.ROOT))
                && !rules.platforms.contains(f.t.word[i]) // "Simone Alexa", not "Buzz Twitter"
        ? k
        : -1;
  }

  /**
   * The longer of the gazetteer's and the learned names' matches at {@code i} (the gazetteer on
   * ties).
   */
  private NameTrie.Match handOrLearned(Tokens t, int i) {
    NameTrie.Match a = names.longestAt(t, i);
    NameTrie.Match b = learned.longestAt(t, i);
    if (b != null && b.to() - b.from() == 1 && partOfLongerName(t, i))
      b = null; // "Manisha Sharma" is not "Sharma"
    if (b != null && b.to() - b.from() > 1 && b.name().type() == EntityType.ORG && endOfName(t, i))
      b = null; // "AAPI Victory Fund" is not "Victory Fund": the rules type the whole
    if (b != null && hyphenatedOn(t, b.to()))
      b = null; // "Guzman-Lopez" is not "Guzman", "Koch-backed" is
    if (b == null) return a;
    if (a == null) return learnedInContext(t, b);
    return b.to() > a.to() ? learnedInContext(t, b) : a;
  }

  /**
   * The word at {@code i} continues a name begun before it: a capitalised word right before it
   * (spaced, not at a sentence start), or a possessive ("America's Health …", "Students' News …").
   */
  private boolean endOfName(Tokens t, int i) {
    if (i == 0 || !t.spaceBefore[i]) return false;
    String before = t.word[i - 1];
    if (rules.isCapitalWord(t, i - 1)) return !t.sentenceInitial(i - 1);
    if (before.equals("'")) return !t.spaceBefore[i - 1];
    return before.equals("s") && i >= 3 && t.word[i - 2].equals("'") && !t.spaceBefore[i - 2];
  }

  /** A hyphen and a capitalised word follow at {@code k}, glued: a longer, hyphenated name. */
  private boolean hyphenatedOn(Tokens t, int k) {
    return k + 1 < t.size
        && t.word[k].equals("-")
        && !t.spaceBefore[k]
        && !t.spaceBefore[k + 1]
        && rules.isCapitalWord(t, k + 1);
  }

  /** The word at {@code i} has a capitalised word right before or after it (spaced). */
  private boolean partOfLongerName(Tokens t, int i) {
    return i > 0 && t.spaceBefore[i] && rules.isCapitalWord(t, i - 1) && !t.sentenceInitial(i - 1)
        || i > 0 && t.spaceBefore[i] && rules.isNameWord(t, i - 1)
        || i + 1 < t.size && t.spaceBefore[i + 1] && rules.isCapitalWord(t, i + 1);
  }

  /**
   * A learned single word followed by ", <known place>" is a place ("Reno, Nev."), not the learned
   * name.
   */
  private NameTrie.Match learnedInContext(Tokens t, NameTrie.Match m) {
    int k = m.to();
    if (k + 1 < t.size && t.word[k].equals(",")) {
      NameTrie.Match p = names.longestAt(t, k + 1);
      if (p != null && p.name().type() == EntityType.PLACE) {
        return new NameTrie.Match(
            m.from(),
            m.to(),
            new NameTrie.Name(EntityType.PLACE, NameRules.text(t, m.from(), m.to())));
      }
    }
    return m;
  }

  /**
   * Not in a handle or hashtag ("@CNN", "@Jane_Roe"), nor the tail of an abbreviation ("R.N.C.").
   */
  private static boolean startsFreely(Tokens t, int i) {
    if (inHandle(t, i)) return false;
    if (i == 0 || t.spaceBefore[i]) return true;
    String p = t.word[i - 1];
    return !(p.equals(".")
        && i >= 2
        && !t.spaceBefore[i - 1]
        && t.isWord(i - 2)
        && t.word[i - 2].length() == 1);
  }

  /** Whether token {@code i} is glued, without spaces, to a preceding "@" or "#". */
  static boolean inHandle(Tokens t, int i) {
    for (int k = i; k > 0 && !t.spaceBefore[k]; k--) {
      String p = t.word[k - 1];
      if (p.equals("@") || p.equals("#")) return true;
    }
    return false;
  }

  private static void money(Found f, String text) {
    Tokens t = f.t;
    for (Entity e : Money.find(text)) {
      int a = tokenAt(t, e.start()), b = tokenAt(t, e.end() - 1);
      if (!f.free(a, b + 1)) continue;
      for (int k = a; k <= b; k++) f.covered[k] = true;
      f.out.add(e);
    }
  }

  private void typedSequences(Found f) {
    Tokens t = f.t;
    for (int i = 0; i < t.size; ) {
      if (f.covered[i] || !rules.isNameWord(t, i) || inHandle(t, i)) {
        i++;
        continue;
      }
      if (i > 1
          && !t.spaceBefore[i]
          && t.word[i - 1].equals("-")
          && !t.spaceBefore[i - 1]
          && t.isWord(i - 2)) {
        i++; // the tail of a compound: "Government-Wide Initiative" is no "Wide Initiative"
        continue;
      }
      int end = rules.sequenceEnd(t, i, f.covered);
      if (i == 0 && end == t.size)
        break; // a paragraph that is one name alone is a byline or a heading
      NameRules.Typed typed = possessiveOrg(f, i, end);
      if (typed == null) typed = rules.typeInContext(t, i, end, f.covered);
      if (typed == null && end - i >= 3 && t.sentenceInitial(i) && rules.isOrdinaryWord(t, i)) {
        NameRules.Typed rest = rules.typeInContext(t, i + 1, end, f.covered);
        if (rest != null
            && rest.type() == EntityType.PERSON
            && !rules.isOrdinaryWord(t, rest.to() - 1)) // not "Catch Chris Live"
        typed = rest; // "Follow Julia Cohen on Twitter": the verb is not part of the name
      }
      if (typed == null) typed = cityBeforePlace(f, i, end);
      if (typed == null
          && end < t.size
          && t.spaceBefore[end]
          && isNamingKindWord(t.word[end])
          && !(end + 1 < t.size && t.spaceBefore[end + 1] && isCompoundTail(t.word[end + 1]))
          && end - i <= 3
          && !t.sentenceInitial(i)) {
        typed = new NameRules.Typed(i, end, EntityType.PRODUCT, NameRules.text(t, i, end));
      } // "a Shahed drone"
      if (typed != null && f.free(typed.from(), typed.to()))
        f.add(typed.from(), typed.to(), typed.type(), typed.canonical());
      i =
          typed != null && typed.to() > i && typed.to() < end
              ? typed.to()
              : end; // the rest may be another name
    }
  }

  /**
   * An acronym of three to five capitals no list knows, after "the", is an org: "the NRCC has",
   * "the N.R.A. spent", "the DGSE" (not one of the common acronyms of roles, laws, programmes and
   * measures in {@code not-org-acronyms.txt}: "the CEO", "the GDP", "the ACA", nor one the corpus
   * writes before "program", "holders", "bill" and the like: "the TPS"; not before a capitalised
   * word or a hyphen: "the COVID-19", "the ACLU Foundation").
   */
  private void theAcronyms(Found f) {
    Tokens t = f.t;
    boolean added = false;
    for (int i = 1; i < t.size; i++) {
      char first = t.word[i].charAt(0);
      if (first < 'A' || first > 'Z' || f.covered[i] || !t.spaceBefore[i]) continue;
      String before = t.word[i - 1];
      if (!before.equals("the") && !before.equals("The")) continue;
      int end = i + 1;
      String letters = t.word[i];
      if (letters.length() == 1) { // "N.R.A.": letters and glued dots
        StringBuilder sb = new StringBuilder();
        int k = i;
        while (k + 1 < t.size
            && t.word[k].length() == 1
            && Character.isUpperCase(t.word[k].charAt(0))
            && t.word[k + 1].equals(".")
            && (k == i || !t.spaceBefore[k])
            && !t.spaceBefore[k + 1]
            && !f.covered[k]) {
          sb.append(t.word[k]);
          k += 2;
        }
        letters = sb.toString();
        end = k;
      }
      if (letters.length() < 3
          || letters.length() > 5
          || !letters.chars().allMatch(c -> c >= 'A' && c <= 'Z')
          || rules.notOrgAcronyms.contains(letters)
          || learnedNotOrgAcronyms.contains(letters)
          || rules.englishWords.contains(letters.toLowerCase(java.util.Locale.ROOT)) // "the WALL"
          || rules.stopWords.contains(letters)
          || inHandle(t, i)
          || !f.free(i, end)) continue;
      if (end < t.size
          && (!t.spaceBefore[end] && t.isWord(end)
              || !t.spaceBefore[end] && t.word[end].equals("-")
              || t.spaceBefore[end] && rules.isCapitalWord(t, end))) continue;
      f.add(i, end, EntityType.ORG, NameRules.text(t, i, end));
      i = end - 1;
      added = true;
    }
    if (added) f.out.sort(Comparator.comparingInt(Entity::start));
  }

  /**
   * A person named in full takes the rest of a hyphenated surname ("Cindy Hyde" + "-Smith"); not a
   * surname alone, which may be a pair of people ("Trump-Pence").
   */
  private void hyphenatedSurnames(Found f) {
    Tokens t = f.t;
    for (int i = 0; i < t.size; i++) {
      if (f.typeAt[i] != EntityType.PERSON) continue;
      int e = f.endAt[i];
      if (e - i < 2
          || e + 1 >= t.size
          || !t.word[e].equals("-")
          || t.spaceBefore[e]
          || t.spaceBefore[e + 1]
          || f.covered[e + 1]
          || !rules.isCapitalWord(t, e + 1)
          || e + 2 < t.size && !t.spaceBefore[e + 2] && t.isWord(e + 2)) continue;
      Entity p = f.remove(i);
      f.add(i, e + 2, EntityType.PERSON, p.value() + "-" + t.word[e + 1]);
      f.out.sort(Comparator.comparingInt(Entity::start));
    }
  }

  /**
   * The Arabic article glued to a surname is part of it ("al-Baghdadi", "Al-Baghdadi", "el-Sisi"),
   * and a person named right before it is the same person ("Abu Omar" + "al-Baghdadi").
   */
  static void arabicArticles(Found f) {
    Tokens t = f.t;
    for (int i = 2; i < t.size; i++) {
      if (f.typeAt[i] != EntityType.PERSON
          || t.spaceBefore[i]
          || !t.word[i - 1].equals("-")
          || t.spaceBefore[i - 1]
          || f.covered[i - 2]
          || !isArabicArticle(t.word[i - 2])
          || i - 2 > 0 && !t.spaceBefore[i - 2]) continue;
      int from = i - 2, to = f.endAt[i];
      Entity p = f.remove(i);
      String value = p.value().indexOf(' ') > 0 ? p.value() : t.word[from] + "-" + p.value();
      for (int k = from - 1; k >= 0; k--) {
        if (f.typeAt[k] == null) continue;
        if (f.typeAt[k] == EntityType.PERSON && f.endAt[k] == from && t.spaceBefore[from]) {
          f.remove(k);
          from = k;
          value = NameRules.text(t, from, to);
        }
        break;
      }
      f.add(from, to, EntityType.PERSON, value);
      f.out.sort(Comparator.comparingInt(Entity::start));
    }
  }

  private static boolean isArabicArticle(String w) {
    return switch (w) {
      case "al", "Al", "el", "El" -> true;
      default -> false;
    };
  }

  /** Glued initials before a person are part of the name: "J." + "D. Gordon" is "J.D. Gordon". */
  private static void initialsBefore(Found f) {
    Tokens t = f.t;
    for (int i = 2; i < t.size; i++) {
      if (f.typeAt[i] != EntityType.PERSON || t.spaceBefore[i] || !t.word[i - 1].equals("."))
        continue;
      int from = i;
      while (from >= 2
          && !t.spaceBefore[from]
          && t.word[from - 1].equals(".")
          && !t.spaceBefore[from - 1]
          && t.word[from - 2].length() == 1
          && Character.isUpperCase(t.word[from - 2].charAt(0))
          && !f.covered[from - 2]) from -= 2;
      if (from == i || from > 0 && !t.spaceBefore[from] && t.isWord(from - 1)) continue;
      int to = f.endAt[i];
      f.remove(i);
      f.add(from, to, EntityType.PERSON, NameRules.text(t, from, to));
      f.out.sort(Comparator.comparingInt(Entity::start));
    }
  }

  /** "Jr." and "Sr." keep their period in a person's span: "Marvin Roe Jr." */
  private static void juniors(Found f) {
    String text = f.t.text;
    for (int k = 0; k < f.out.size(); k++) {
      Entity e = f.out.get(k);
      if (e.type() != EntityType.PERSON
          || !(e.text().endsWith(" Jr") || e.text().endsWith(" Sr"))
          || e.end() >= text.length()
          || text.charAt(e.end()) != '.') continue;
      f.out.set(k, new Entity(e.type(), e.value(), e.text() + ".", e.start(), e.end() + 1));
    }
  }

  /**
   * The partner written after an org and a slash is an org: "a CNN/ORC poll", "Reuters/Ipsos",
   * "POLITICO/Morning Consult" (not a person: "REUTERS/Kevin Lamarque"; not the other way round:
   * "Applewhite/AP" credits a photographer).
   */
  private void slashPartners(Found f) {
    Tokens t = f.t;
    for (int i = 0; i < t.size; i++) {
      if (f.typeAt[i] != EntityType.ORG) continue;
      int s = f.endAt[i];
      if (s + 1 >= t.size
          || !t.word[s].equals("/")
          || t.spaceBefore[s]
          || t.spaceBefore[s + 1]
          || f.covered[s + 1]
          || !rules.isNameWord(t, s + 1)
          || rules.firstNames.contains(t.word[s + 1])) continue;
      int end = rules.sequenceEnd(t, s + 1, f.covered);
      if (end - s - 1 > 3) continue;
      f.add(s + 1, end, EntityType.ORG, NameRules.text(t, s + 1, end));
    }
  }

  /**
   * Mentions found apart that are one org: a place right before an org ("U.S." + "Department of
   * Health and Human Services", "California" + "Democratic Party"; not a platform: "Iowa Facebook
   * users"), an org that an org word ends, "of" and a place ("Producers Guild" of "America"), and
   * "State" before a legislature ("State Senate").
   */
  private void joins(Found f) {
    Tokens t = f.t;
    for (int i = 0; i < t.size; i++) {
      EntityType type = f.typeAt[i];
      if (type == null) continue;
      int e = f.endAt[i];
      if (type == EntityType.PLACE
          && e < t.size
          && t.spaceBefore[e]
          && f.typeAt[e] == EntityType.ORG
          && (isInstitutionWord(t.word[e])
              || f.endAt[e] == e + 1 && rules.orgSuffix.contains(t.word[e])) // "Denver Guardian"
          && !partyLabel(t, i)) {
        int to = f.endAt[e];
        Entity org = f.remove(e);
        Entity place = f.remove(i);
        // "U.S. Department of Agriculture" is the Department of Agriculture; "Texas GOP" its own
        String value =
            place.value().equals("United States") ? org.value() : NameRules.text(t, i, to);
        f.add(i, to, EntityType.ORG, value);
        i--; // the joined org may take "of" and a place
      } else if (type == EntityType.ORG
          && e + 1 < t.size
          && t.word[e].equals("of")
          && t.spaceBefore[e + 1]
          && f.typeAt[e + 1] == EntityType.PLACE
          && rules.orgSuffix.contains(t.word[e - 1])
          && !continuesName(t, f.endAt[e + 1])) {
        int to = f.endAt[e + 1];
        f.remove(e + 1);
        f.remove(i);
        f.add(i, to, EntityType.ORG, NameRules.text(t, i, to));
      } else if (type == EntityType.ORG
          && i > 0
          && t.spaceBefore[i]
          && !f.covered[i - 1]
          && t.word[i - 1].equals("State")
          && switch (t.word[i]) {
            case "Senate", "Assembly", "Legislature", "House" -> true;
            default -> false;
          }) {
        f.remove(i);
        f.add(i - 1, e, EntityType.ORG, NameRules.text(t, i - 1, e));
      }
    }
  }

  /**
   * A list of three or more names ("the New York Times, Cosmopolitan, and Hustler") whose typed
   * members are all orgs, at least one of them: the untyped members (capitalised, up to four words,
   * not starting with a common first name or at a sentence start) are orgs too. Not after a plural
   * noun and "of" ("the departments of Defense, Labor, and Health and Human Services").
   */
  private void orgLists(Found f) {
    Tokens t = f.t;
    boolean listed = false; // most paragraphs: no org next to a comma, "and" or "or"
    for (int i = 0; i < t.size && !listed; i++) {
      if (f.typeAt[i] != EntityType.ORG) continue;
      int e = f.endAt[i];
      listed =
          e < t.size && isListWord(t.word[e])
              || i > 0 && isListWord(t.word[i - 1])
              || i > 1 && t.word[i - 1].equals("the") && isListWord(t.word[i - 2]);
    }
    if (!listed) return;
    List<int[]> items = new ArrayList<>(); // {from, to, typed 0/1}
    int i = 0;
    while (i < t.size) {
      items.clear();
      int k = i;
      boolean orgs = false, others = false;
      while (k < t.size) {
        int from = k;
        if (t.word[k].equals("the") && k + 1 < t.size) from = k + 1;
        int to;
        boolean typed = f.typeAt[from] != null;
        if (typed) {
          to = f.endAt[from];
          if (f.typeAt[from] == EntityType.ORG) orgs = true;
          else others = true;
        } else if (!f.covered[from] && rules.isNameWord(t, from) && !inHandle(t, from)) {
          to = rules.sequenceEnd(t, from, f.covered);
          if (to - from > 4 * 2
              || to == from + 1 && !rules.hasUncommonWord(t, from, to)
              || rules.commonFirstNames.contains(t.word[from])
              || t.sentenceInitial(from)
              || to < t.size && f.covered[to] && !t.spaceBefore[to]
              || to < t.size && t.word[to].equals("-") && !t.spaceBefore[to] // "Citymeals-on-…"
              || from > 0 && t.spaceBefore[from] && f.covered[from - 1] && t.isWord(from - 1))
            others = true; // "Army" + "Emergency Relief": the rest of a longer name
        } else break;
        items.add(new int[] {from, to, typed ? 1 : 0});
        int next = to; // ", ", ", and ", " and ", ", or ", " or "
        if (next < t.size && t.word[next].equals(",")) next++;
        if (next < t.size && (t.word[next].equals("and") || t.word[next].equals("or"))) {
          next++;
        } else if (next == to) break;
        if (next >= t.size || next == to) break;
        k = next;
      }
      int first = items.isEmpty() ? i : items.getFirst()[0];
      if (first >= 2
          && t.word[first - 1].equals("of")
          && t.isWord(first - 2)
          && Character.isLowerCase(t.word[first - 2].charAt(0)))
        others = true; // "the departments of Defense, Labor, and …" name no org
      if (items.size() >= 3 && orgs && !others) {
        for (int[] item : items)
          if (item[2] == 0 && f.free(item[0], item[1]))
            f.add(item[0], item[1], EntityType.ORG, NameRules.text(t, item[0], item[1]));
      }
      i = items.isEmpty() ? i + 1 : Math.max(i + 1, items.getLast()[1]);
    }
  }

  /**
   * A word an institution's name starts with that a place before it belongs to ("Texas" + "Senate",
   * "U.S." + "Department of …"); not a brand or an outlet ("Ukraine NATO", "Puerto Rico Reuters"
   * are two names).
   */
  private static boolean isInstitutionWord(String w) {
    return switch (w) {
      case "Senate",
          "House",
          "Assembly",
          "Legislature",
          "GOP",
          "Democratic",
          "Republican",
          "Supreme",
          "Court",
          "District",
          "Department",
          "Dept",
          "Bureau",
          "Board",
          "Agency",
          "Office",
          "Commission",
          "Council",
          "Census",
          "Border",
          "Immigration",
          "Centers",
          "Holocaust",
          "Maritime",
          "Treasury",
          "Marines",
          "Army",
          "Navy",
          "Air",
          "Coast",
          "National",
          "State",
          "Federal",
          "Chamber" ->
          true;
      default -> false;
    };
  }

  private static boolean isListWord(String w) {
    return w.equals(",") || w.equals("and") || w.equals("or");
  }

  /** A capitalised word or an apostrophe follows, spaced or glued: the name goes on. */
  private boolean continuesName(Tokens t, int to) {
    return to < t.size
        && (t.word[to].equals("'") || t.spaceBefore[to] && rules.isCapitalWord(t, to));
  }

  /**
   * "The Committee for a Responsible Federal Budget (CRFB)": a capitalised name with an org word
   * whose initials the capitals in brackets right after it spell is an org, and so are the capitals
   * (not "Paycheck Protection Program (PPP)"); an org followed by its acronym in brackets gives the
   * acronym too.
   */
  private void bracketedAcronyms(Found f) {
    Tokens t = f.t;
    for (int k = 1; k + 2 < t.size; k++) {
      if (t.word[k].charAt(0) != '(' || !t.word[k + 2].equals(")") || !t.spaceBefore[k]) continue;
      String acro = t.word[k + 1];
      if (acro.length() < 2
          || acro.length() > 6
          || !acro.chars().allMatch(c -> c >= 'A' && c <= 'Z')
          || f.covered[k + 1]) continue;
      int end = k; // the name ends right before the bracket
      int from = -1;
      for (int i = end - 1; i >= 0; i--) {
        if (f.typeAt[i] != null && f.endAt[i] == end) {
          from = i;
          break;
        }
      }
      if (from >= 0) {
        if (f.typeAt[from] == EntityType.ORG)
          f.add(k + 1, k + 2, EntityType.ORG, f.out.get(indexOf(f, from)).value());
        continue;
      }
      if (f.covered[end - 1]) continue;
      StringBuilder initials = new StringBuilder();
      int start = -1;
      for (int i = end - 1; i >= 0 && !f.covered[i] && initials.length() <= acro.length(); i--) {
        String w = t.word[i];
        if (rules.isCapitalWord(t, i)) {
          initials.insert(0, w.charAt(0));
          start = i;
          if (initials.toString().equals(acro)) break;
        } else if (!(w.equals("for")
            || w.equals("of")
            || w.equals("on")
            || w.equals("and")
            || w.equals("the")
            || w.equals("a")
            || w.equals("-")
            || w.equals("&"))) break;
      }
      if (start < 0 || !initials.toString().equals(acro) || !hasOrgWord(t, start, end))
        continue; // not "Paycheck Protection Program (PPP)", a programme
      f.add(start, end, EntityType.ORG, NameRules.text(t, start, end));
      f.add(k + 1, k + 2, EntityType.ORG, NameRules.text(t, start, end));
    }
  }

  /** Some word of {@code [from, to)} is an org word: "Committee", "Institute", "Council". */
  private boolean hasOrgWord(Tokens t, int from, int to) {
    for (int k = from; k < to; k++) if (rules.orgSuffix.contains(t.word[k])) return true;
    return false;
  }

  private static int indexOf(Found f, int token) {
    int s = f.t.start[token];
    for (int k = 0; k < f.out.size(); k++) if (f.out.get(k).start() == s) return k;
    throw new IllegalStateException("no mention at token " + token);
  }

  /** An ordinal before an org is part of its name: "the 4th Circuit Court of Appeals". */
  private static void ordinals(Found f) {
    Tokens t = f.t;
    for (int i = 1; i < t.size; i++) {
      if (f.typeAt[i] != EntityType.ORG
          || !t.spaceBefore[i]
          || f.covered[i - 1]
          || !isOrdinal(t.word[i - 1])) continue;
      int to = f.endAt[i];
      f.remove(i);
      f.add(i - 1, to, EntityType.ORG, NameRules.text(t, i - 1, to));
    }
  }

  /**
   * A university's campus after a comma is part of its name: "University of California, Irvine",
   * "University of Nevada, Las Vegas" (a place, then no capitalised word: not "University of
   * Michigan, Ohio State", "University of Louisville, Mitch McConnell").
   */
  private void campuses(Found f) {
    Tokens t = f.t;
    for (int i = 0; i + 5 < t.size; i++) {
      if (f.typeAt[i] != EntityType.ORG
          || !t.word[i].equals("University")
          || !t.word[i + 1].equals("of")) continue;
      int comma = f.endAt[i];
      if (comma + 1 >= t.size || !t.word[comma].equals(",") || t.spaceBefore[comma]) continue;
      int place = comma + 1;
      if (f.typeAt[place] != EntityType.PLACE) continue;
      int to = f.endAt[place];
      if (to < t.size && t.spaceBefore[to] && rules.isCapitalWord(t, to)) continue;
      f.remove(place);
      f.remove(i);
      f.add(i, to, EntityType.ORG, NameRules.text(t, i, to));
    }
  }

  /**
   * "Children's Aid Society", "People's Liberation Army": a name, a glued "'s" and a name that an
   * org word ends make one org; null otherwise.
   */
  private NameRules.Typed possessiveOrg(Found f, int from, int end) {
    Tokens t = f.t;
    if (end + 2 >= t.size
        || !t.word[end].equals("'")
        || t.spaceBefore[end]
        || !t.word[end + 1].equals("s")
        || t.spaceBefore[end + 1]
        || !t.spaceBefore[end + 2]
        || f.covered[end + 2]
        || !rules.isCapitalWord(t, end + 2)
        || rules.firstNames.contains(t.word[from])) return null;
    int tail = rules.sequenceEnd(t, end + 2, f.covered);
    NameRules.Typed typed = rules.type(t, end + 2, tail);
    boolean org =
        typed != null && typed.type() == EntityType.ORG && typed.to() == tail
            || tail == end + 3
                && rules.orgSuffix.contains(t.word[end + 2]); // "Colt's Manufacturing"
    if (!org) return null;
    return new NameRules.Typed(from, tail, EntityType.ORG, NameRules.text(t, from, tail));
  }

  /** "4th", "21st", "2nd": an ordinal written in digits. */
  private static boolean isOrdinal(String w) {
    int n = w.length();
    if (n < 3 || !Character.isDigit(w.charAt(0))) return false;
    String tail = w.substring(n - 2);
    return (tail.equals("st") || tail.equals("nd") || tail.equals("rd") || tail.equals("th"))
        && w.substring(0, n - 2).chars().allMatch(Character::isDigit);
  }

  /**
   * "Monticello, Mississippi": an untyped name of 1-3 words followed by a comma and a known place.
   */
  private NameRules.Typed cityBeforePlace(Found f, int from, int to) {
    Tokens t = f.t;
    if (to - from > 5
        || to + 1 >= t.size
        || !t.word[to].equals(",")
        || f.typeAt[to + 1] != EntityType.PLACE) return null;
    int after = f.endAt[to + 1];
    if (after < t.size
        && (t.word[after].equals("'") || rules.isCapitalWord(t, after) && t.spaceBefore[after]))
      return null;
    return new NameRules.Typed(from, to, EntityType.PLACE, NameRules.text(t, from, to));
  }

  private void surnames(Found f) {
    List<Entity> people =
        f.out.stream()
            .filter(e -> e.type() == EntityType.PERSON && e.value().indexOf(' ') > 0)
            .toList();
    if (people.isEmpty()) return;
    Tokens t = f.t;
    for (int i = 0; i < t.size; i++) {
      if (f.covered[i] || !rules.isNameWord(t, i) || inHandle(t, i)) continue;
      if (i + 1 < t.size && rules.isCapitalWord(t, i + 1) && t.spaceBefore[i + 1]) continue;
      for (Entity p : people) {
        if (p.value().endsWith(" " + t.word[i])) {
          f.add(i, i + 1, EntityType.PERSON, p.value());
          break;
        }
      }
    }
  }

  private static boolean isLegalSuffix(String w) {
    return switch (w) {
      case "Inc", "Corp", "Co", "Ltd", "LLC", "Plc", "PLC", "plc" -> true;
      default -> false;
    };
  }

  /**
   * The token containing char offset {@code off} (money spans start and end on token boundaries).
   */
  static int tokenAt(Tokens t, int off) {
    int lo = 0, hi = t.size - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (t.start[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
