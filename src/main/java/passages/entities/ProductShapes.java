package passages.entities;

import passages.model.Entity;
import passages.model.EntityType;

/**
 * Products recognised by their shape: a maker before its product or model ("Microsoft Internet
 * Explorer", "Boeing 737-800"), a weapon's or aircraft's model code ("B-21", "MV-22 Ospreys").
 * Immutable, thread-safe.
 */
final class ProductShapes {
  private final NameRules rules;

  /**
   * Words that begin a product of several words in {@code products.tsv} ("Google" of "Google
   * Chrome", "Microsoft" of "Microsoft Azure"): where such a word is an org, a maker.
   */
  private final java.util.Set<String> makers = new java.util.HashSet<>();

  ProductShapes(NameRules rules) {
    this.rules = rules;
    try (var in = ProductShapes.class.getResourceAsStream("/passages/entities/products.tsv")) {
      if (in == null) throw new IllegalStateException("missing resource products.tsv");
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cols = line.split("\t");
        for (int k = 1; k < cols.length; k++) {
          int space = cols[k].indexOf(' ');
          if (space > 1 && Character.isUpperCase(cols[k].charAt(0)))
            makers.add(cols[k].substring(0, space));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A maker written before its product or model is part of the product's name: "Microsoft Internet
   * Explorer" (the product's canonical value), "Boeing 737-800", "Airbus A320" (an org, then a
   * model number); and "Xbox Live" is the product too.
   */
  void makersAndModels(GazetteerExtractor.Found f) {
    Tokens t = f.t;
    for (int i = 0; i < t.size; i++) {
      if (f.typeAt[i] == null) continue;
      int to = f.endAt[i];
      if (to < t.size && streamingPlus(t, to) && f.typeAt[i] != EntityType.PERSON) {
        Entity named = f.remove(i); // "Disney+", "Apple TV+": the streaming service
        f.add(i, to + 1, EntityType.PRODUCT, named.value() + "+");
        continue;
      }
      if (to >= t.size || !t.spaceBefore[to]) continue;
      EntityType type = f.typeAt[i];
      if (type == EntityType.ORG
          && f.typeAt[to] == EntityType.PRODUCT
          && !isAllCaps(t, i, f.endAt[i])) { // "a CMS PowerPoint": not its maker
        Entity product = f.remove(to);
        f.remove(i);
        f.add(i, f.endAt[to], EntityType.PRODUCT, product.value());
      } else if (type == EntityType.ORG
          && !f.covered[to]
          && (isModelNumber(t, to) || makers.contains(t.word[i]) && isHyphenatedModel(t, to))) {
        int end = modelEnd(t, to);
        f.remove(i);
        f.add(i, end, EntityType.PRODUCT, NameRules.text(t, i, end));
      } else if (type == EntityType.ORG && to == i + 1 && makers.contains(t.word[i])) {
        int end = productAfterMaker(f, to);
        if (end > to) {
          f.remove(i);
          f.add(i, end, EntityType.PRODUCT, NameRules.text(t, i, end));
        }
      } else if (type == EntityType.PRODUCT
          && !rules.platforms.contains(t.word[i])
          && !f.covered[to]
          && isVersion(t, to)) {
        Entity product = f.remove(i); // "iPhone 11", "Windows 98"
        f.add(i, to + 1, EntityType.PRODUCT, product.value() + " " + t.word[to]);
      } else if (type == EntityType.PRODUCT
          && !f.covered[to]
          && (t.word[to].equals("Live") || t.word[to].equals("LIVE"))) {
        Entity product = f.remove(i);
        f.add(i, to + 1, EntityType.PRODUCT, product.value() + " Live");
      }
    }
  }

  /**
   * The end of a product's name of one to three capitalised words after its maker ("Google" +
   * "Now", "Google Hangouts", "Facebook Political Ad Collector"), or {@code from} when the words
   * are not one: a title or role ("Google CEO", "Microsoft President Brad Smith"), an org or place
   * word ("Facebook Oversight Board"), a first name ("Apple Tim Cook"), or a longer name.
   */
  private int productAfterMaker(GazetteerExtractor.Found f, int from) {
    Tokens t = f.t;
    if (f.covered[from] || !rules.isNameWord(t, from) || t.sentenceInitial(from)) return from;
    int end = rules.sequenceEnd(t, from, f.covered);
    if (end - from > 3 || end < t.size && f.covered[end] && t.spaceBefore[end]) return from;
    for (int k = from; k < end; k++) {
      String w = t.word[k];
      if (!t.isWord(k)
          || rules.titles.contains(w)
          || rules.modifiers.contains(w)
          || rules.orgSuffix.contains(w)
          || rules.placeSuffix.contains(w)
          || rules.firstNames.contains(w)
          || rules.isPersonWord(w.toLowerCase(java.util.Locale.ROOT))) return from;
    }
    return end;
  }

  /** A "+" glued to the name before it and not followed by a word or digit: "Disney+". */
  private static boolean streamingPlus(Tokens t, int i) {
    return t.word[i].equals("+")
        && !t.spaceBefore[i]
        && (i + 1 == t.size || t.spaceBefore[i + 1] || !t.isWord(i + 1));
  }

  /**
   * A version or model number after a product: one to three digits not counting something ("iPhone
   * 11", "Windows 98"; not "Twitter 10 times", "Kindle 3 percent").
   */
  private static boolean isVersion(Tokens t, int i) {
    String w = t.word[i];
    if (!t.spaceBefore[i] || w.length() > 3 || !w.chars().allMatch(Character::isDigit))
      return false;
    if (i + 1 < t.size && !t.spaceBefore[i + 1] && !t.word[i + 1].equals("."))
      return false; // "11%", "98-2", "3,000"
    if (i + 2 < t.size
        && t.word[i + 1].equals(".")
        && !t.spaceBefore[i + 2]
        && Character.isDigit(t.word[i + 2].charAt(0))) return false; // "3.5"
    if (i + 1 >= t.size) return true;
    return switch (t.word[i + 1]) {
      case "percent",
          "times",
          "minutes",
          "hours",
          "days",
          "weeks",
          "months",
          "years",
          "million",
          "billion",
          "thousand",
          "hundred",
          "people",
          "users",
          "followers",
          "of",
          "to",
          "and",
          "or",
          "per" ->
          false;
      default -> true;
    };
  }

  /** Whether every letter of tokens {@code [from, to)} is upper case ("CMS", "FBI"). */
  private static boolean isAllCaps(Tokens t, int from, int to) {
    for (int k = from; k < to; k++)
      for (int c = 0; c < t.word[k].length(); c++)
        if (Character.isLowerCase(t.word[k].charAt(c))) return false;
    return true;
  }

  /**
   * A model number: three digits ("777"; four would be a year), or letters and digits mixed
   * ("A320", "737-800" is read on by {@link #modelEnd}).
   */
  private static boolean isModelNumber(Tokens t, int i) {
    String w = t.word[i];
    if (!t.isWord(i)) return false;
    boolean digits = w.chars().allMatch(Character::isDigit);
    if (digits)
      return w.length() == 3
          && !w.endsWith("00")
          && !followedByCount(t, i + 1); // not "Fortune 500"
    return w.length() <= 6
        && Character.isUpperCase(w.charAt(0))
        && w.chars().anyMatch(Character::isDigit)
        && w.chars().allMatch(Character::isLetterOrDigit);
  }

  /** "737-800" after a maker: three digits, a glued hyphen, more digits or letters. */
  private static boolean isHyphenatedModel(Tokens t, int i) {
    String w = t.word[i];
    return w.length() == 3
        && w.chars().allMatch(Character::isDigit)
        && i + 2 < t.size
        && t.word[i + 1].equals("-")
        && !t.spaceBefore[i + 1]
        && !t.spaceBefore[i + 2]
        && t.isWord(i + 2);
  }

  /** "the House 144 to 44", "98-2", "50%": the number counts something. */
  private static boolean followedByCount(Tokens t, int i) {
    return i < t.size
            && (t.word[i].equals("to") || t.word[i].equals("-") || t.word[i].equals("\u2013"))
        || i < t.size
            && (t.word[i].equals("%")
                || t.word[i].equals(",")
                    && i + 1 < t.size
                    && Character.isDigit(t.word[i + 1].charAt(0)));
  }

  /** The end of a model number from token {@code i}: "737", "-", "800" glued, and a "Max". */
  private int modelEnd(Tokens t, int i) {
    int end = i + 1;
    while (end + 1 < t.size
        && t.word[end].equals("-")
        && !t.spaceBefore[end]
        && !t.spaceBefore[end + 1]
        && t.isWord(end + 1)) end += 2;
    if (end < t.size
        && t.spaceBefore[end]
        && (t.word[end].equals("Max") || t.word[end].equals("MAX"))) end++;
    return end;
  }

  /**
   * A weapon's or aircraft's model code no list knows is a product: "B-21", "MV-22 Ospreys",
   * "AR-15s" (canonical without the plural). Prefixes that make visas, forms, roads, districts and
   * groups ("H-1B", "W-2", "I-95", "TX-7", "G-20", "K-12", "MS-13") are left out.
   */
  void modelCodes(GazetteerExtractor.Found f) {
    Tokens t = f.t;
    for (int i = 0; i + 2 < t.size; i++) {
      if (f.covered[i] || f.covered[i + 2] || !isCodeLetters(t.word[i])) continue;
      if (!t.word[i + 1].equals("-") || t.spaceBefore[i + 1] || t.spaceBefore[i + 2]) continue;
      if (i > 0 && !t.spaceBefore[i] && (t.isWord(i - 1) || t.word[i - 1].equals("/")))
        continue; // "F/A-18" is one code this rule does not read
      String num = t.word[i + 2];
      int digits = 0;
      while (digits < num.length() && Character.isDigit(num.charAt(digits))) digits++;
      if (digits == 0 || digits > 3) continue;
      String rest = num.substring(digits);
      boolean plural = rest.endsWith("s");
      if (plural) rest = rest.substring(0, rest.length() - 1);
      if (rest.length() > 2 || !rest.chars().allMatch(Character::isUpperCase)) continue;
      if (excludedCode(t.word[i], num.substring(0, digits))) continue;
      if (i + 3 < t.size && !t.spaceBefore[i + 3] && (t.isWord(i + 3) || t.word[i + 3].equals("-")))
        continue; // "COVID-19-era", "F-35-like"
      int end = i + 3;
      String canonical = t.word[i] + "-" + (plural ? num.substring(0, num.length() - 1) : num);
      if (end < t.size
          && t.spaceBefore[end]
          && rules.isCapitalWord(t, end)
          && !f.covered[end]
          && !t.sentenceInitial(end)
          && !rules.firstNames.contains(t.word[end])) { // not "B-1 Bob" Dornan
        int e2 = end + 1; // "MQ-9 Reaper", "MV-22 Ospreys", "F-18 Super Hornet"
        if (e2 < t.size && t.spaceBefore[e2] && rules.isCapitalWord(t, e2) && !f.covered[e2]) e2++;
        if (f.free(end, e2)) {
          canonical = canonical + " " + NameRules.text(t, end, e2);
          end = e2;
        }
      }
      f.add(i, end, EntityType.PRODUCT, canonical);
      i = end - 1;
    }
  }

  private static boolean isCodeLetters(String w) {
    if (w.isEmpty() || w.length() > 3) return false;
    for (int k = 0; k < w.length(); k++)
      if (!Character.isUpperCase(w.charAt(k)) || w.charAt(k) > 'Z') return false;
    return true;
  }

  /** Visa classes, forms, roads, districts, summits and gangs, not products. */
  private static boolean excludedCode(String letters, String number) {
    switch (letters) {
      case "H",
          "G",
          "K",
          "I",
          "W",
          "L",
          "J",
          "E",
          "O",
          "U",
          "N",
          "P",
          "R",
          "D",
          "T",
          "MS",
          "EB",
          "HR",
          "HB",
          "SB",
          "AB",
          "PM",
          "DD",
          "CD",
          "IR",
          "SR",
          "HJ",
          "SJ",
          "TV",
          "NY",
          "TX",
          "CA",
          "PA",
          "FL",
          "IL",
          "OH",
          "GA",
          "NC",
          "MI",
          "NJ",
          "VA",
          "WA",
          "AZ",
          "MA",
          "TN",
          "IN",
          "MO",
          "MD",
          "WI",
          "CO",
          "MN",
          "SC",
          "AL",
          "LA",
          "KY",
          "OR",
          "OK",
          "CT",
          "UT",
          "IA",
          "NV",
          "KS",
          "NM",
          "NE",
          "WV",
          "ID",
          "HI",
          "NH",
          "ME",
          "MT",
          "RI",
          "DE",
          "SD",
          "ND",
          "VT",
          "WY",
          "DC",
          "COVID",
          "AM",
          "FM",
          "FD",
          "SF",
          "DS",
          "EF",
          "BSL",
          "PPD" -> {
        return true;
      }
      case "F", "S" -> {
        return number.equals("1"); // the F-1 student visa, an S-1 filing
      }
      default -> {
        return false;
      }
    }
  }
}
