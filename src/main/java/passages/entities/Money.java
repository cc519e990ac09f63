package passages.entities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * Money amounts and their canonical form: currency symbol, number, magnitude word, e.g. {@code
 * "$10B"}, {@code "USD 10bn"}, {@code "10 billion dollars"} → {@code "$10 billion"}; {@code "€5m"}
 * → {@code "€5 million"}; {@code "$1200"} → {@code "$1,200"}. Stateless, thread-safe.
 */
final class Money {
  private static final String NUM = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
  private static final String MAG_WORD = "trillion|billion|million|thousand|tn|bn|bln|mn|mln";

  /**
   * The currencies read, written once: the pattern, its cheap pre-check ({@link #hasCurrency}) and
   * the canonical symbol of a match ({@link #currency}) are all built from this table.
   */
  private enum Currency {
    US_DOLLAR("$", List.of("US$", "$"), "USD", "dollar", "(?:US\\s)?dollars"),
    CANADIAN_DOLLAR("C$", List.of("C$"), null, null, null),
    AUSTRALIAN_DOLLAR("A$", List.of("A$"), null, null, null),
    EURO("€", List.of("€"), "EUR", "euro", "euros"),
    POUND("£", List.of("£"), "GBP", "pound", "pounds(?:\\ssterling)?"),
    YEN("¥", List.of("¥"), "JPY", "yen", "yen");

    /** How amounts in this currency are written canonically. */
    final String canonical;

    /** Symbols read before a number. */
    final List<String> symbols;

    /** ISO code read before a number, or null. */
    final String code;

    /**
     * The word (lower case) read after a number, or null; {@code wordPattern} is how it is read.
     */
    final String word;

    final String wordPattern;

    Currency(String canonical, List<String> symbols, String code, String word, String wordPattern) {
      this.canonical = canonical;
      this.symbols = symbols;
      this.code = code;
      this.word = word;
      this.wordPattern = wordPattern;
    }
  }

  private static final Pattern PATTERN =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}"
              + symbolChars()
              + "])(?:"
              + "(?<cur1>"
              + alternatives(c -> c.symbols.stream().map(Pattern::quote).toList())
              + "|(?:"
              + alternatives(c -> c.code == null ? List.of() : List.of(c.code))
              + ")\\s?)\\s?(?<num1>"
              + NUM
              + ")"
              + "(?:\\s?(?<mag1>"
              + MAG_WORD
              + ")(?![\\p{L}])|(?<mag1s>[TtBbMmKk])(?![\\p{L}\\p{N}]))?"
              + "|(?<num2>"
              + NUM
              + ")(?:\\s?(?<mag2>"
              + MAG_WORD
              + "))?\\s(?<cur2>"
              + alternatives(c -> c.wordPattern == null ? List.of() : List.of(c.wordPattern))
              + ")(?![\\p{L}])"
              + ")",
          Pattern.CASE_INSENSITIVE);

  /** The last character of every symbol: one of them is in any text with a symbol-led amount. */
  private static final char[] SYMBOL_CHARS = symbolChars().toCharArray();

  /**
   * By the first letter (lower case), the letters every code and currency word starting with it
   * begins with ("eur" for EUR and euros): one of them is in any text with a code or a word.
   */
  private static final String[] STEM_BY_FIRST = stems();

  private Money() {}

  /** Every money mention in {@code text}, in order. */
  static List<Entity> find(String text) {
    List<Entity> out = new ArrayList<>();
    if (!hasCurrency(text)) return out;
    Matcher m = PATTERN.matcher(text);
    while (m.find()) {
      if (isWeight(text, m)) continue;
      String canonical = canonical(m);
      if (canonical != null)
        out.add(new Entity(EntityType.MONEY, canonical, m.group(), m.start(), m.end()));
    }
    return out;
  }

  private static final Pattern WEIGHT_BEFORE =
      Pattern.compile(
          "\\b(?:weigh|weighs|weighed|weighing|weight|lost|lose|loses|losing|gained|gain|gains"
              + "|gaining|dropped|shed|heavier|lighter)\\b[^.;:!?]{0,12}$");

  /**
   * "weighed in at 240 pounds", "lost 20 pounds", "20 pounds of cocaine": pounds of weight, not
   * money (only the word "pounds", never "£" nor "pounds sterling").
   */
  private static boolean isWeight(String text, Matcher m) {
    String word = m.group("cur2");
    if (word == null || !word.startsWith("pound") || word.contains("sterling")) return false;
    if (m.group("mag2") != null) return false; // "lost 20 million pounds" is money
    if (text.startsWith(" of ", m.end())) return true;
    return WEIGHT_BEFORE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find();
  }

  /** The canonical form of {@code text} when all of it is one money amount, else null. */
  static String canonicalOf(String text) {
    Matcher m = PATTERN.matcher(text.strip());
    return m.matches() ? canonical(m) : null;
  }

  /**
   * Whether {@code text} has a digit and something the pattern reads as a currency (a symbol, a
   * code, a currency word): most paragraphs have neither, and these scans are far cheaper than
   * trying the pattern at every position. Cheapest first: a digit, then the symbols ({@code
   * indexOf} is vectorised), then the words.
   */
  static boolean hasCurrency(String text) {
    if (!hasDigit(text)) return false;
    for (char c : SYMBOL_CHARS) if (text.indexOf(c) >= 0) return true;
    for (int i = 0, n = text.length() - 2; i < n; i++) {
      int first = text.charAt(i) | 0x20; // A-Z folded to a-z
      String stem = first < STEM_BY_FIRST.length ? STEM_BY_FIRST[first] : null;
      if (stem != null && wordAt(text, i, stem)) return true;
    }
    return false;
  }

  private static String alternatives(java.util.function.Function<Currency, List<String>> of) {
    List<String> all = new ArrayList<>();
    for (Currency c : Currency.values()) all.addAll(of.apply(c));
    return String.join("|", all);
  }

  private static String symbolChars() {
    StringBuilder chars = new StringBuilder();
    for (Currency c : Currency.values()) {
      for (String symbol : c.symbols) {
        char last = symbol.charAt(symbol.length() - 1);
        if (chars.indexOf(String.valueOf(last)) < 0) chars.append(last);
      }
    }
    return chars.toString();
  }

  private static String[] stems() {
    String[] stems = new String[128];
    for (Currency c : Currency.values()) {
      for (String w :
          new String[] {c.code == null ? null : c.code.toLowerCase(Locale.ROOT), c.word}) {
        if (w == null) continue;
        String held = stems[w.charAt(0)];
        stems[w.charAt(0)] = held == null ? w : commonPrefix(held, w);
      }
    }
    return stems;
  }

  private static String commonPrefix(String a, String b) {
    int n = 0;
    while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) n++;
    return a.substring(0, n);
  }

  private static boolean hasDigit(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if ((char) (text.charAt(i) - '0') <= 9) return true;
    }
    return false;
  }

  /**
   * Whether {@code text} spells {@code lower} (lower-case ASCII letters) at {@code i}, in any case,
   * as the pattern's ASCII-only case folding reads it. Compares from the second letter (the caller
   * matched the first), so the common miss ("e" not followed by "ur") costs one comparison.
   */
  private static boolean wordAt(String text, int i, String lower) {
    if (i + lower.length() > text.length()) return false;
    for (int k = 1; k < lower.length(); k++) {
      // c | 0x20 folds A-Z to a-z and equals a lower-case letter only for that letter in either
      // case
      if ((text.charAt(i + k) | 0x20) != lower.charAt(k)) return false;
    }
    return true;
  }

  private static String canonical(Matcher m) {
    boolean first = m.group("num1") != null;
    String cur = currency(first ? m.group("cur1") : m.group("cur2"));
    String num = (first ? m.group("num1") : m.group("num2")).replace(",", "");
    String magRaw =
        first ? (m.group("mag1") != null ? m.group("mag1") : m.group("mag1s")) : m.group("mag2");
    String mag = magRaw == null ? null : magnitude(magRaw);
    BigDecimal value;
    try {
      value = new BigDecimal(num);
    } catch (NumberFormatException e) {
      return null;
    }
    if ("thousand".equals(mag)) {
      value = value.multiply(BigDecimal.valueOf(1000));
      mag = null;
    }
    if (mag == null)
      return cur
          + String.format(
              Locale.ROOT,
              value.scale() > 0 && value.stripTrailingZeros().scale() > 0 ? "%,.2f" : "%,.0f",
              value);
    return cur + value.stripTrailingZeros().toPlainString() + " " + mag;
  }

  /** The canonical symbol of a matched currency (symbol, code or word, in any case). */
  private static String currency(String raw) {
    String c = raw.strip().toLowerCase(Locale.ROOT);
    for (Currency cur : Currency.values()) {
      for (String symbol : cur.symbols)
        if (c.equals(symbol.toLowerCase(Locale.ROOT))) return cur.canonical;
      if (cur.code != null && c.equals(cur.code.toLowerCase(Locale.ROOT))) return cur.canonical;
      if (cur.word != null && c.contains(cur.word)) return cur.canonical;
    }
    throw new IllegalStateException(
        "the pattern matched a currency the table does not have: " + raw);
  }

  private static String magnitude(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "t", "tn", "trillion" -> "trillion";
      case "b", "bn", "bln", "billion" -> "billion";
      case "m", "mn", "mln", "million" -> "million";
      default -> "thousand";
    };
  }

  /**
   * Common written forms of a canonical amount, for query expansion: "$10 billion" → "$10B",
   * "$10bn", ...
   */
  static List<String> forms(String canonical) {
    List<String> out = new ArrayList<>(List.of(canonical));
    int sp = canonical.lastIndexOf(' ');
    if (sp < 0) return out;
    String head = canonical.substring(0, sp);
    String mag = canonical.substring(sp + 1);
    String letter =
        switch (mag) {
          case "trillion" -> "T";
          case "billion" -> "B";
          case "million" -> "M";
          default -> "";
        };
    String abbr =
        switch (mag) {
          case "trillion" -> "tn";
          case "billion" -> "bn";
          case "million" -> "m";
          default -> "";
        };
    out.add(head + letter);
    out.add(head + abbr);
    if (head.startsWith("$")) {
      out.add("USD " + head.substring(1) + " " + mag);
      out.add(head.substring(1) + " " + mag + " dollars");
    }
    return out;
  }
}
