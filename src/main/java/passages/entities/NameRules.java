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
 * Altman"), a corporate suffix an org ("Acme Corp.", "National Urban League"), "X County" a place.
 * Sequences no rule types are not entities. The word lists are data files next to the gazetteer.
 * Immutable, thread-safe.
 */
final class NameRules {
  /** A typed sequence {@code tokens [from, to)} and its canonical value. */
  record Typed(int from, int to, EntityType type, String canonical) {}

  /** Particles inside people's names ("Ludwig van Beethoven"). */
  private static final Set<String> PARTICLES =
      Set.of("de", "del", "da", "van", "von", "der", "bin", "al", "la", "le", "du", "dos");

  /**
   * Lower-case words inside org and place names ("Bank of America", "Council on Foreign
   * Relations").
   */
  private static final Set<String> ORG_CONNECTORS = Set.of("of", "on", "for", "and", "&");

  private static final Set<String> LEGAL_SUFFIX =
      Set.of(
          "Inc", "Corp", "Co", "Ltd", "LLC", "Plc", "PLC", "plc", "LP", "LLP", "AG", "SA", "NV",
          "GmbH");
  private static final Set<String> ORG_PREFIX =
      Set.of(
          "University",
          "Bank",
          "Department",
          "Ministry",
          "Institute",
          "Museum",
          "Church",
          "Office",
          "Bureau",
          "Board");

  /** Every data file the extractor reads, gazetteer included. */
  static final java.util.List<String> DATA_FILES =
      java.util.List.of(
          "orgs.tsv",
          "people.tsv",
          "places.tsv",
          "products.tsv",
          "first-names.txt",
          "stop-capitalized.txt",
          "name-modifiers.txt",
          "person-titles.txt",
          "person-context.txt",
          "org-suffixes.txt",
          "place-suffixes.txt",
          "not-person-last.txt",
          "open-orgs.tsv",
          "open-places.tsv",
          "open-first-names.txt",
          "open-person-roles.txt",
          "open-english-words.txt",
          "platforms.txt",
          "not-org-acronyms.txt");

  /** Given names of every language the open data knows, and the hand-kept common ones. */
  final Set<String> firstNames;

  /** The hand-kept common given names (English-language news): never learned as a surname. */
  final Set<String> commonFirstNames;

  final Set<String> stopWords;
  final Set<String> modifiers;
  final Set<String> titles;
  final Set<String> lowerTitles;

  /**
   * Common English words, lower-case: a name made only of others may be a foreign person's
   * ("Abdirahman Warsame").
   */
  final Set<String> englishWords;

  /** Social platforms: orgs, or products by context ("posted on Facebook"). */
  final Set<String> platforms;

  /**
   * Lower-case role nouns of the open data ("activist", "plumber"): a person word next to a name,
   * never a title inside one.
   */
  final Set<String> roles;

  final Set<String> orgSuffix;
  final Set<String> placeSuffix;

  /** Common acronyms that are not orgs ("CEO", "GDP", "DACA"): "the" does not make them one. */
  final Set<String> notOrgAcronyms;

  final Set<String> notPersonLast;

  NameRules() {
    commonFirstNames = read("first-names.txt");
    firstNames = new HashSet<>(commonFirstNames);
    firstNames.addAll(read("open-first-names.txt"));
    roles = read("open-person-roles.txt");
    englishWords = read("open-english-words.txt");
    platforms = read("platforms.txt");
    stopWords = read("stop-capitalized.txt");
    modifiers = read("name-modifiers.txt");
    titles = read("person-titles.txt");
    lowerTitles = read("person-context.txt");
    for (String t : titles) lowerTitles.add(t.toLowerCase(Locale.ROOT));
    orgSuffix = read("org-suffixes.txt");
    placeSuffix = read("place-suffixes.txt");
    notOrgAcronyms = read("not-org-acronyms.txt");
    notPersonLast = read("not-person-last.txt");
    notPersonLast.addAll(orgSuffix);
    notPersonLast.addAll(placeSuffix);
  }

  private static Set<String> read(String file) {
    Set<String> out = new HashSet<>();
    try (InputStream in = NameRules.class.getResourceAsStream("/passages/entities/" + file)) {
      if (in == null)
        throw new IllegalStateException("missing resource /passages/entities/" + file);
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

  /**
   * A word that may start a name: capitalised (or "iPhone"-like), neither a stop word nor a
   * modifier.
   */
  boolean isNameWord(Tokens t, int i) {
    return isCapitalWord(t, i) && !modifiers.contains(t.word[i]);
  }

  /**
   * A word that may continue a name: as {@link #isNameWord}, modifiers allowed ("David French").
   */
  boolean isCapitalWord(Tokens t, int i) {
    if (!t.isWord(i)) return false;
    String w = t.word[i];
    char c = w.charAt(0);
    boolean cap =
        Character.isUpperCase(c)
            || (w.length() > 1 && Character.isLowerCase(c) && Character.isUpperCase(w.charAt(1)));
    if (!cap || stopWords.contains(w) || isGlued(w)) return false;
    // "MUST WATCH": shouted stop words are stop words too
    return !(w.length() > 1
        && isAllCaps(w)
        && stopWords.contains(w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT)));
  }

  /**
   * Two words run together by a scraper ("BloombergBiden", "MillerWatchdog"): 4 lower, upper,
   * lower.
   */
  private static boolean isGlued(String w) {
    int lower = 0;
    for (int i = 0; i + 1 < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLowerCase(c)) lower++;
      else if (Character.isUpperCase(c) && lower >= 4 && Character.isLowerCase(w.charAt(i + 1)))
        return true;
      else lower = 0;
    }
    return false;
  }

  private static boolean isAllCaps(String w) {
    for (int i = 0; i < w.length(); i++) if (Character.isLowerCase(w.charAt(i))) return false;
    return true;
  }

  /**
   * Whether the paragraph reads like a title-case heading: most words capitalised (60%), or nearly
   * all (85%) when it ends like a sentence ("CEO Jane Roe said so." is a sentence).
   */
  static boolean isTitleCase(Tokens t) {
    int words = 0, caps = 0;
    for (int i = 0; i < t.size; i++) {
      if (!t.isWord(i) || Character.isDigit(t.word[i].charAt(0))) continue;
      words++;
      if (t.isCapitalized(i)) caps++;
    }
    if (words < 3) return false;
    String last = t.word[t.size - 1];
    boolean sentence =
        last.equals(".")
            || last.equals("!")
            || last.equals("?")
            || last.equals("\u201d")
            || last.equals("\"");
    return caps * 100 >= words * (sentence ? 85 : 60);
  }

  /**
   * End (exclusive) of the capitalised sequence starting at {@code i}, joining connectors ("Bank of
   * America"), initials ("J. Smith") and unspaced hyphens ("Ocasio-Cortez"). Stops before any token
   * with {@code covered[k]}.
   */
  int sequenceEnd(Tokens t, int i, boolean[] covered) {
    int end = i + 1;
    int k = i + 1;
    while (k < t.size && !covered[k]) {
      String w = t.word[k];
      boolean nextOk = k + 1 < t.size && !covered[k + 1] && isCapitalWord(t, k + 1);
      boolean initial =
          w.length() == 1
              && Character.isUpperCase(w.charAt(0))
              && k + 1 < t.size
              && t.word[k + 1].equals(".");
      if ((isCapitalWord(t, k) || initial) && t.spaceBefore[k]) {
        end = ++k;
      } else if (w.equals(".")
          && !t.spaceBefore[k]
          && isShortForm(t.word[k - 1])
          && nextOk
          && t.spaceBefore[k + 1]) {
        k++; // initial or short form: "J. Smith", "St. Louis"
      } else if ((w.equals("-") || w.equals("'"))
          && !t.spaceBefore[k]
          && nextOk
          && !t.spaceBefore[k + 1]
          && !(w.equals("'") && t.word[k + 1].equals("s"))) {
        k++;
      } else if ((PARTICLES.contains(w) || ORG_CONNECTORS.contains(w))
          && t.spaceBefore[k]
          && nextOk
          && t.spaceBefore[k + 1]) {
        k++;
      } else {
        break;
      }
    }
    return end;
  }

  /**
   * Types the sequence {@code [from, to)} found at {@code from} with its neighbours: adjectives
   * before it join an org or place name ("National Urban League"), and an appositive or a verb of
   * saying makes a plain two- or three-word name a person ("said Jane Roe, an engineer").
   */
  Typed typeInContext(Tokens t, int from, int to, boolean[] covered) {
    int start = from;
    while (start > 0
        && t.spaceBefore[start]
        && !covered[start - 1]
        && modifiers.contains(t.word[start - 1])) start--;
    Typed typed = start < from ? type(t, start, to) : null;
    if (typed == null || typed.type() == EntityType.PERSON) typed = type(t, from, to);
    if (typed == null
        && looksLikePersonName(t, from, to)
        && (personAppositive(t, to)
            || afterSayingVerb(t, from)
            || noCommonWord(t, from, to)
                && (beforeSayingVerb(t, to) || ageOrWhoAfter(t, to) || roleAfterComma(t, to)))) {
      typed = new Typed(from, to, EntityType.PERSON, text(t, from, to));
    }
    if (typed == null
        && to - from == 1
        && basedOrCityOf(t, from, to)
        && noCommonWord(t, from, to)) {
      typed = new Typed(from, to, EntityType.PLACE, text(t, from, to));
    }
    if (typed == null || typed.type() == EntityType.PERSON && typed.from() == from) {
      int named = start; // "the think tank Third Way", "the New Center, a think tank"
      if (named > 0
          && t.spaceBefore[named]
          && !covered[named - 1]
          && ORDINAL_OR_NEW.contains(t.word[named - 1])
          && !t.sentenceInitial(named - 1)) named--;
      Typed kind = byKindNoun(t, named, to); // "the research firm Acme Widgets said"
      if (kind != null) typed = kind;
    }
    if (typed == null && toldOutlet(t, from, to))
      typed = new Typed(from, to, EntityType.ORG, text(t, from, to));
    if (typed == null && orgByContext(t, from, to))
      typed = new Typed(from, to, EntityType.ORG, text(t, from, to));
    return typed;
  }

  /**
   * What is said around an untyped name that only a company or a body has: "shares of X", "X
   * stock", "X's chief executive", "chief executive of X", "a spokeswoman for X", "an analyst at X"
   * (a working role, then "at"; not "a pastor at Newtown's church"). Not a name that starts with a
   * common first name, a title or a modifier, nor one at the start of a sentence.
   */
  boolean orgByContext(Tokens t, int from, int to) {
    if (to - from > 4 || !orgContext(t, from, to)) return false;
    if (commonFirstNames.contains(t.word[from]) || t.sentenceInitial(from)) return false;
    for (int k = from; k < to; k++)
      if (titles.contains(t.word[k]) || modifiers.contains(t.word[k])) return false;
    return true;
  }

  /** The words around {@code [from, to)} are those of {@link #orgByContext}. */
  private static boolean orgContext(Tokens t, int from, int to) {
    if (to < t.size && t.spaceBefore[to]) {
      String next = t.word[to];
      if (next.equals("shares") || next.equals("stock") || next.equals("shareholders")) return true;
    }
    if (to + 2 < t.size && t.word[to].equals("'") && t.word[to + 1].equals("s")) {
      switch (t.word[to + 2]) {
        case "CEO", "shareholders", "stock", "shares", "headquarters", "subsidiary", "board" -> {
          return true;
        }
        case "chief" -> {
          return to + 3 < t.size && t.word[to + 3].equals("executive");
        }
        default -> {}
      }
    }
    if (from < 2 || !t.spaceBefore[from]) return false;
    String prep = t.word[from - 1], before = t.word[from - 2];
    return switch (prep) {
      case "of" ->
          before.equals("shares")
              || before.equals("CEO")
              || before.equals("executive") && from >= 3 && t.word[from - 3].equals("chief")
              || before.equals("founder")
              || before.equals("co-founder");
      case "for" ->
          before.equals("spokesman")
              || before.equals("spokeswoman")
              || before.equals("spokesperson");
      case "at" ->
          !(to < t.size && t.word[to].equals("'")) // "pastor at Newtown's church"
              && switch (before) {
                case "analyst",
                    "economist",
                    "strategist",
                    "executive",
                    "engineer",
                    "employee",
                    "employees",
                    "researcher",
                    "scientist",
                    "fellow",
                    "partner",
                    "lawyer",
                    "attorney",
                    "consultant",
                    "banker",
                    "trader",
                    "manager" ->
                    true;
                default -> false;
              };
      default -> false;
    };
  }

  /**
   * A name that a kind noun right before it or an appositive after it types: "the research firm
   * Fusion GPS", "AR-15 manufacturer Stag Arms", "the app Nextdoor"; "Laiki, the country's
   * second-largest bank,". Not a name that starts with a common first name ("the company Jane Roe
   * founded"); null when no kind noun says.
   */
  Typed byKindNoun(Tokens t, int from, int to) {
    if (commonFirstNames.contains(t.word[from])
        || isGlued(t.word[from])
        || to - from == 1 && (titles.contains(t.word[from]) || t.word[from].length() == 1)
        || to < t.size && !t.spaceBefore[to] && t.word[to].equals("-")) return null; // "L-dopa"
    if (to + 1 < t.size && ORG_CONNECTORS.contains(t.word[to]) && isCapitalWord(t, to + 1))
      return null; // cut short by a name found first
    int k = from - 1;
    if (k > 0 && t.word[k].equals("The") && t.spaceBefore[from])
      k--; // "the collective The People…"
    if (k >= 0 && t.spaceBefore[from] && t.isWord(k)) {
      if (ORG_KIND.contains(t.word[k]))
        return new Typed(from, to, EntityType.ORG, text(t, from, to));
      if (PRODUCT_KIND.contains(t.word[k]))
        return new Typed(from, to, EntityType.PRODUCT, text(t, from, to));
    }
    return orgAppositive(t, to) ? new Typed(from, to, EntityType.ORG, text(t, from, to)) : null;
  }

  /**
   * The name someone "told the …" is an outlet or a body ("told the Free Beacon", "told the
   * Monitor"), and an acronym someone "told" is a station or network ("told WRDW"); not a title, a
   * demonym or a common first name.
   */
  boolean toldOutlet(Tokens t, int from, int to) {
    for (int k = from; k < to; k++) {
      if (modifiers.contains(t.word[k]) || titles.contains(t.word[k])) return false;
    }
    if (commonFirstNames.contains(t.word[from])) return false;
    if (from >= 2 && t.word[from - 1].equals("the") && t.word[from - 2].equals("told")) return true;
    String w = t.word[from];
    return from >= 1
        && to - from == 1
        && t.word[from - 1].equals("told")
        && w.length() >= 3
        && w.length() <= 5
        && isAcronym(w)
        && !englishWords.contains(w.toLowerCase(Locale.ROOT));
  }

  /** Capitalised words a name may start with that the stop list keeps out of others. */
  private static final Set<String> ORDINAL_OR_NEW =
      Set.of("New", "First", "Second", "Third", "Fourth", "Fifth");

  /** Lower-case nouns that, right before a name, say it is an organisation: "the firm Acme". */
  static final Set<String> ORG_KIND =
      Set.of(
          "firm",
          "company",
          "group",
          "organization",
          "organisation",
          "nonprofit",
          "charity",
          "startup",
          "bank",
          "lender",
          "manufacturer",
          "maker",
          "retailer",
          "chain",
          "broadcaster",
          "station",
          "outlet",
          "newspaper",
          "magazine",
          "website",
          "publication",
          "agency",
          "superPAC",
          "PAC",
          "coalition",
          "union",
          "publisher",
          "brokerage",
          "insurer",
          "automaker",
          "airline",
          "consultancy",
          "conglomerate",
          "collective",
          "subsidiary",
          "affiliate",
          "contractor",
          "tank",
          "institute",
          "journal",
          "tabloid",
          "newsletter",
          "network",
          "nonprofits",
          "companies",
          "firms",
          "groups");

  /** Lower-case nouns that, right before a name, say it is a product: "the app Nextdoor". */
  static final Set<String> PRODUCT_KIND =
      Set.of("app", "software", "browser", "drug", "medication", "smartphone", "chatbot");

  /**
   * ", a theological civil group that", ", the country's second-largest bank.": an appositive whose
   * head is an org noun, ended by punctuation or a relative word.
   */
  static boolean orgAppositive(Tokens t, int end) {
    if (end + 2 >= t.size || !t.word[end].equals(",")) return false;
    String det = t.word[end + 1];
    if (!det.equals("a") && !det.equals("an") && !det.equals("the")) return false;
    for (int k = end + 2, n = 0; k < t.size && n < 9; k++, n++) {
      String w = t.word[k];
      if (!t.isWord(k) && !w.equals("-") && !w.equals("'")) return false;
      if (!ORG_KIND.contains(w) || !t.spaceBefore[k]) continue;
      if (k + 1 == t.size) return true;
      String next = t.word[k + 1];
      if (next.equals("'")) return false; // "the company's CEO"
      return !t.isWord(k + 1)
          || switch (next) {
            case "that",
                "which",
                "whose",
                "based",
                "founded",
                "in",
                "with",
                "owned",
                "run",
                "backed",
                "and" ->
                true;
            default -> false;
          };
    }
    return false;
  }

  /**
   * The word at {@code i} is a common English word and no given name ("Follow", "Meet"): a verb or
   * an adverb that opens a sentence before a name.
   */
  boolean isOrdinaryWord(Tokens t, int i) {
    String w = t.word[i];
    return t.isWord(i)
        && !firstNames.contains(w)
        && !titles.contains(w)
        && englishWords.contains(w.toLowerCase(Locale.ROOT));
  }

  /**
   * Some word of {@code [from, to)} is not a common English word ("Cosmopolitan" is one, "Health"
   * and "Human Services" are all; "Citymeals-on-Wheels" is not), connectors left aside.
   */
  boolean hasUncommonWord(Tokens t, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!t.isWord(k) || ORG_CONNECTORS.contains(t.word[k])) continue;
      if (!isEnglishWord(t.word[k].toLowerCase(Locale.ROOT))) return true;
    }
    return false;
  }

  /** No word of {@code [from, to)} is a common English word ("Moms Demand Action" has three). */
  boolean noCommonWord(Tokens t, int from, int to) {
    for (int k = from; k < to; k++) {
      if (t.isWord(k) && isEnglishWord(t.word[k].toLowerCase(Locale.ROOT))) return false;
    }
    return true;
  }

  /** A common English word, or the plural of one ("widgets", "parties"); {@code w} lower-case. */
  boolean isEnglishWord(String w) {
    if (englishWords.contains(w)) return true;
    if (w.endsWith("ies") && englishWords.contains(w.substring(0, w.length() - 3) + "y"))
      return true;
    return w.endsWith("s")
        && (englishWords.contains(w.substring(0, w.length() - 1))
            || w.endsWith("es") && englishWords.contains(w.substring(0, w.length() - 2)));
  }

  /**
   * A verb of saying or telling right after the name: "Abdirahman Warsame said", "… told
   * reporters".
   */
  static boolean beforeSayingVerb(Tokens t, int to) {
    return to < t.size && t.spaceBefore[to] && isSayingVerb(t.word[to]);
  }

  static boolean isSayingVerb(String w) {
    return switch (w) {
      case "said",
          "says",
          "told",
          "tells",
          "wrote",
          "writes",
          "added",
          "adds",
          "argued",
          "argues",
          "explained",
          "noted",
          "asked",
          "testified",
          "tweeted",
          "claimed",
          "insisted",
          "recalled",
          "acknowledged",
          "warned",
          "replied",
          "responded",
          "stated",
          "announced",
          "admitted",
          "agreed",
          "urged",
          "recounted",
          "complained",
          "conceded" ->
          true;
      default -> false;
    };
  }

  /**
   * ", director of …", ", Iraq correspondent," after the name: a comma, then a role or title noun
   * within three words (no determiner: that is {@link #personAppositive}).
   */
  boolean roleAfterComma(Tokens t, int to) {
    if (to + 1 >= t.size || !t.word[to].equals(",")) return false;
    for (int k = to + 1; k < t.size && k <= to + 3; k++) {
      String w = t.word[k];
      if (!t.isWord(k) || w.equals("a") || w.equals("an") || w.equals("the")) return false;
      if (isPersonWord(w)) return true;
    }
    return false;
  }

  /** ", 34," or ", who" after the name: an age or a relative clause about a person. */
  static boolean ageOrWhoAfter(Tokens t, int to) {
    if (to + 1 >= t.size || !t.word[to].equals(",")) return false;
    String next = t.word[to + 1];
    if (next.equals("who")) return true;
    return to + 2 < t.size
        && t.word[to + 2].equals(",")
        && next.length() <= 3
        && next.chars().allMatch(Character::isDigit);
  }

  /**
   * A place from its context: "Mysuru-based" (glued), "the city of Hurghada", "the town of …", "the
   * province of …" (not sentence-initial, not a common word: checked by the caller).
   */
  private static boolean basedOrCityOf(Tokens t, int from, int to) {
    if (to + 2 < t.size
        && t.word[to].equals("-")
        && !t.spaceBefore[to]
        && t.word[to + 1].equals("based")
        && !t.spaceBefore[to + 1]) {
      return from == 0 || !t.sentenceInitial(from);
    }
    if (from < 3 || !t.word[from - 1].equals("of") || !t.word[from - 3].equalsIgnoreCase("the"))
      return false;
    return switch (t.word[from - 2]) {
      case "city",
          "town",
          "village",
          "province",
          "region",
          "port",
          "island",
          "state",
          "district",
          "capital" ->
          true;
      default -> false;
    };
  }

  private static boolean isShortForm(String w) {
    return w.length() == 1 && Character.isUpperCase(w.charAt(0))
        || w.equals("St")
        || w.equals("Mt")
        || w.equals("Ft");
  }

  /**
   * Org words after a person's name that make the whole an org named after them ("Clinton
   * Foundation").
   */
  static boolean isNamedAfterSuffix(String w) {
    return switch (w) {
      case "Foundation",
          "Center",
          "Centre",
          "Institute",
          "Library",
          "University",
          "College",
          "School",
          "Museum",
          "Academy",
          "Hospital",
          "Organization",
          "Company",
          "Corporation",
          "Group",
          "Fund",
          "Trust",
          "Society" ->
          true;
      default -> false;
    };
  }

  /** Types the sequence {@code [from, to)}, or returns null when no rule applies. */
  Typed type(Tokens t, int from, int to) {
    Typed typed = typeWhole(t, from, to);
    if (typed != null) return typed;
    // "John Roe of Springfield": retry on the part before the first org connector
    for (int k = from + 1; k < to; k++) {
      if (ORG_CONNECTORS.contains(t.word[k])) return typeWhole(t, from, k);
    }
    return null;
  }

  private Typed typeWhole(Tokens t, int from, int to) {
    // titles inside the sequence: "President Donald Trump", "Secretary of State Mike Pompeo"
    int f = from;
    boolean titled = false;
    for (int k = from; k < to; k++) {
      boolean title =
          titles.contains(t.word[k]) // "Analyst Jane Roe", "CNN Political Analyst Gloria Borger"
              || lowerTitles.contains(t.word[k].toLowerCase(Locale.ROOT))
                  && (k == from || k + 1 < to && firstNames.contains(t.word[k + 1]));
      if (!title) continue;
      titled = true;
      f = k + 1;
      if (f < to && t.word[f].equals(".")) f++;
      if (f + 1 < to && t.word[f].equals("of")) {
        // "Secretary of State Mike Pompeo", "Director of National Intelligence Dan Coats"
        int g = f + 2;
        while (g < to && !firstNames.contains(t.word[g])) g++;
        f = g; // no first name: the words after "of" name an office, not a person
      }
      k = f - 1;
    }
    if (f >= to) return null;
    if (!titled && from > 0) titled = precededByTitle(t, from);
    int words = countWords(t, f, to);
    String last = t.word[to - 1];
    boolean personShaped =
        !hasOrgConnector(t, f, to) && !notPersonLast.contains(last) && isNameWord(t, f);
    if (titled
        && personShaped
        && words <= 4
        && (words >= 2 || t.word[f].length() > 1 && !isAcronym(t.word[f]))) {
      return new Typed(f, to, EntityType.PERSON, text(t, f, to));
    }
    if (words < 2) return null;
    if (firstNames.contains(t.word[f]) && personShaped && !isAcronym(last)) {
      // "Robert Aderholt Robert Brown": a second first name starts another person
      for (int k = f + 2; k < to; k++) {
        if (commonFirstNames.contains(t.word[k]) && t.spaceBefore[k] && !t.word[k - 1].equals("."))
          return new Typed(f, k, EntityType.PERSON, text(t, f, k));
      }
      if (words <= 4) return new Typed(f, to, EntityType.PERSON, text(t, f, to));
    }
    // "Acme Inc.": the legal suffix belongs to the surface, not to the canonical value
    if (LEGAL_SUFFIX.contains(last)) {
      int end = to;
      if (end < t.size && t.word[end].equals(".") && !t.spaceBefore[end]) end++;
      int name = to - 1; // "McKinsey & Co." is McKinsey, not "McKinsey &"
      while (name - 1 > from && (t.word[name - 1].equals("&") || t.word[name - 1].equals(",")))
        name--;
      return new Typed(from, end, EntityType.ORG, text(t, from, name));
    }
    if (hasAmpersand(t, f, to) && !firstNames.contains(t.word[f]) && firmWords(t, f, to))
      return new Typed(from, to, EntityType.ORG, text(t, from, to)); // "Mossberg & Sons"
    if (orgSuffix.contains(last) || orgHead(t, from, to))
      return new Typed(from, to, EntityType.ORG, text(t, from, to));
    if (last.equals("District") && to - from >= 2 && t.word[to - 2].equals("School"))
      return new Typed(from, to, EntityType.ORG, text(t, from, to)); // a school district
    if (placeSuffix.contains(last)) return new Typed(from, to, EntityType.PLACE, text(t, from, to));
    return null;
  }

  /**
   * "University of Michigan", "Council on Foreign Relations": an org word, then of/on/for and more
   * words.
   */
  private boolean orgHead(Tokens t, int from, int to) {
    for (int k = from; k + 2 < to; k++) {
      String w = t.word[k], next = t.word[k + 1];
      if ((ORG_PREFIX.contains(w) || orgSuffix.contains(w))
          && (next.equals("of") || next.equals("on") || next.equals("for"))) return true;
    }
    return false;
  }

  /**
   * Context after a name that says it is a person: ", a veteran Republican strategist" (an
   * appositive ending in a person word within a few tokens).
   */
  boolean personAppositive(Tokens t, int end) {
    if (end + 2 >= t.size || !t.word[end].equals(",")) return false;
    String det = t.word[end + 1];
    if (!det.equals("a") && !det.equals("an") && !det.equals("the")) return false;
    int words = 0;
    for (int k = end + 2; k < t.size && words < 5; k++) {
      if (t.word[k].equals("-") && !t.spaceBefore[k]) continue; // "a 34-year-old mother"
      if (!t.isWord(k)) return false;
      if (t.spaceBefore[k]) words++;
      if (isPersonWord(t.word[k])) return true;
    }
    return false;
  }

  /**
   * A quote attributed with the verb first: "...,” said Jane Roe" (not "Roe said Acme Corp was
   * ...").
   */
  boolean afterSayingVerb(Tokens t, int from) {
    if (from < 2 || !t.spaceBefore[from]) return false;
    String before = t.word[from - 2];
    boolean quoteEnd =
        before.equals(",") || before.equals("\u201d") || before.equals("\"") || before.equals("'");
    return quoteEnd
        && switch (t.word[from - 1]) {
          case "said", "says", "wrote", "added", "asked", "explained", "noted" -> true;
          default -> false;
        };
  }

  /**
   * A sequence shaped like a person's name: 2-3 capitalised words, no connector, no org/place word
   * last.
   */
  boolean looksLikePersonName(Tokens t, int from, int to) {
    int words = countWords(t, from, to);
    String last = t.word[to - 1];
    if (words < 2 || words > 3 || !isNameWord(t, from) || hasOrgConnector(t, from, to))
      return false;
    for (int k = from; k < to; k++) {
      if (titles.contains(t.word[k]) || lowerTitles.contains(t.word[k].toLowerCase(Locale.ROOT)))
        return false;
    }
    return !notPersonLast.contains(last) && !isAcronym(last) && !isAcronym(t.word[from]);
  }

  /**
   * The words of a firm's name joined by "&": names, no common English word and no shouting ("Smith
   * & Wesson", "Covington & Burling"; not "Law & Order", "Repeal & Replace", "LEAKER & LIAR"), or a
   * firm word after the "&" ("Mossberg & Sons", "Muzinich & Co.").
   */
  private boolean firmWords(Tokens t, int from, int to) {
    if (countWords(t, from, to) > 4) return false;
    for (int k = from; k < to; k++) {
      String w = t.word[k];
      if (!t.isWord(k)) continue;
      if (k > from && t.word[k - 1].equals("&")) {
        switch (w) {
          case "Co", "Sons", "Company", "Associates", "Partners" -> {
            continue;
          }
          default -> {}
        }
      }
      if (w.length() > 1 && isAllCaps(w) || isEnglishWord(w.toLowerCase(Locale.ROOT))) return false;
    }
    return true;
  }

  /** "Mossberg & Sons", "Simon & Schuster": capitalised names joined by a spaced "&". */
  private static boolean hasAmpersand(Tokens t, int from, int to) {
    boolean amp = false;
    for (int k = from + 1; k < to - 1; k++) {
      if (t.word[k].equals("&") && t.spaceBefore[k]) amp = true;
      else if (ORG_CONNECTORS.contains(t.word[k])) return false; // "Colt's Manufacturing and …"
    }
    return amp;
  }

  private static boolean hasOrgConnector(Tokens t, int from, int to) {
    for (int k = from; k < to; k++) if (ORG_CONNECTORS.contains(t.word[k])) return true;
    return false;
  }

  private boolean precededByTitle(Tokens t, int from) {
    int k = from - 1;
    if (t.word[k].equals(".") && k > 0 && t.isAbbreviation(k - 1))
      return titles.contains(t.word[k - 1]);
    if (!t.spaceBefore[from]) return false;
    boolean comma = t.word[k].equals(",");
    if (comma) k--; // "its chief executive, Sam Altman"
    boolean compound =
        k > 0 && !t.spaceBefore[k] && t.word[k - 1].equals("-"); // "the 172-member RSC"
    return k >= 0
        && t.isWord(k)
        && !compound
        && (isPersonWord(t.word[k])
            || comma && k > 0 && t.word[k].equals("CEO") && !t.sentenceInitial(k));
    // "its president and CEO, Annise Parker"
  }

  /** A lower-case title or role noun: "spokeswoman", "senator", "plumber". */
  boolean isPersonWord(String w) {
    return Character.isLowerCase(w.charAt(0)) && (lowerTitles.contains(w) || roles.contains(w));
  }

  private static boolean isAcronym(String w) {
    return w.length() > 1 && w.chars().allMatch(Character::isUpperCase);
  }

  static int countWords(Tokens t, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++)
      if (t.isWord(i) && !ORG_CONNECTORS.contains(t.word[i]) && !PARTICLES.contains(t.word[i])) n++;
    return n;
  }

  static String text(Tokens t, int from, int to) {
    return t.text
        .substring(t.start[from], t.end[to - 1])
        .replace('\u2019', '\'')
        .replaceAll("\\s+", " ");
  }
}
