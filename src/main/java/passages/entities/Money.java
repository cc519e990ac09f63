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
 * Money amounts and their canonical form: currency symbol, number, magnitude word, e.g.
 * {@code "$10B"}, {@code "USD 10bn"}, {@code "10 billion dollars"} → {@code "$10 billion"};
 * {@code "€5m"} → {@code "€5 million"}; {@code "$1200"} → {@code "$1,200"}. Stateless, thread-safe.
 */
final class Money {
  private static final String NUM = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
  private static final String MAG_WORD = "trillion|billion|million|thousand|tn|bn|bln|mn|mln";
  /** A currency added here must be added to {@link #hasCurrency} too (its cheap pre-check). */
  private static final Pattern PATTERN = Pattern.compile(
      "(?<![\\p{L}\\p{N}$€£¥])(?:"
          + "(?<cur1>US\\$|C\\$|A\\$|\\$|€|£|¥|(?:USD|EUR|GBP|JPY)\\s?)\\s?(?<num1>" + NUM + ")"
          + "(?:\\s?(?<mag1>" + MAG_WORD + ")(?![\\p{L}])|(?<mag1s>[TtBbMmKk])(?![\\p{L}\\p{N}]))?"
          + "|(?<num2>" + NUM + ")(?:\\s?(?<mag2>" + MAG_WORD + "))?\\s(?<cur2>(?:US\\s)?dollars|euros|pounds(?:\\ssterling)?|yen)(?![\\p{L}])"
          + ")",
      Pattern.CASE_INSENSITIVE);

  private Money() {}

  /** Every money mention in {@code text}, in order. */
  static List<Entity> find(String text) {
    List<Entity> out = new ArrayList<>();
    if (!hasCurrency(text)) return out;
    Matcher m = PATTERN.matcher(text);
    while (m.find()) {
      String canonical = canonical(m);
      if (canonical != null) out.add(new Entity(EntityType.MONEY, canonical, m.group(), m.start(), m.end()));
    }
    return out;
  }

  /** The canonical form of {@code text} when all of it is one money amount, else null. */
  static String canonicalOf(String text) {
    Matcher m = PATTERN.matcher(text.strip());
    return m.matches() ? canonical(m) : null;
  }

  /**
   * Whether {@code text} has a digit and something the pattern reads as a currency (a symbol, a code, a
   * currency word): most paragraphs have neither, and these scans are far cheaper than trying the pattern
   * at every position. Cheapest first: a digit, then the symbols ({@code indexOf} is vectorised), then the
   * words.
   */
  static boolean hasCurrency(String text) {
    if (!hasDigit(text)) return false;
    if (text.indexOf('$') >= 0 || text.indexOf('€') >= 0 || text.indexOf('£') >= 0 || text.indexOf('¥') >= 0) return true;
    for (int i = 0, n = text.length() - 2; i < n; i++) {
      boolean word = switch (text.charAt(i) | 0x20) { // A-Z folded to a-z
        case 'u' -> wordAt(text, i, "usd");
        case 'e' -> wordAt(text, i, "eur");
        case 'g' -> wordAt(text, i, "gbp");
        case 'j' -> wordAt(text, i, "jpy");
        case 'd' -> wordAt(text, i, "dollar");
        case 'p' -> wordAt(text, i, "pound");
        case 'y' -> wordAt(text, i, "yen");
        default -> false;
      };
      if (word) return true;
    }
    return false;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if ((char) (text.charAt(i) - '0') <= 9) return true;
    }
    return false;
  }

  /**
   * Whether {@code text} spells {@code lower} (lower-case ASCII letters) at {@code i}, in any case, as the
   * pattern's ASCII-only case folding reads it. Compares from the second letter (the caller matched the
   * first), so the common miss ("e" not followed by "ur") costs one comparison.
   */
  private static boolean wordAt(String text, int i, String lower) {
    if (i + lower.length() > text.length()) return false;
    for (int k = 1; k < lower.length(); k++) {
      // c | 0x20 folds A-Z to a-z and equals a lower-case letter only for that letter in either case
      if ((text.charAt(i + k) | 0x20) != lower.charAt(k)) return false;
    }
    return true;
  }

  private static String canonical(Matcher m) {
    boolean first = m.group("num1") != null;
    String cur = currency(first ? m.group("cur1") : m.group("cur2"));
    String num = (first ? m.group("num1") : m.group("num2")).replace(",", "");
    String magRaw = first ? (m.group("mag1") != null ? m.group("mag1") : m.group("mag1s")) : m.group("mag2");
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
    if (mag == null) return cur + String.format(Locale.ROOT, value.scale() > 0 && value.stripTrailingZeros().scale() > 0 ? "%,.2f" : "%,.0f", value);
    return cur + value.stripTrailingZeros().toPlainString() + " " + mag;
  }

  private static String currency(String raw) {
    String c = raw.strip().toLowerCase(Locale.ROOT);
    if (c.equals("c$") || c.equals("a$")) return c.toUpperCase(Locale.ROOT);
    if (c.contains("$") || c.startsWith("usd") || c.contains("dollar")) return "$";
    if (c.equals("€") || c.startsWith("eur")) return "€";
    if (c.equals("£") || c.startsWith("gbp") || c.startsWith("pound")) return "£";
    return "¥";
  }

  private static String magnitude(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "t", "tn", "trillion" -> "trillion";
      case "b", "bn", "bln", "billion" -> "billion";
      case "m", "mn", "mln", "million" -> "million";
      default -> "thousand";
    };
  }

  /** Common written forms of a canonical amount, for query expansion: "$10 billion" → "$10B", "$10bn", ... */
  static List<String> forms(String canonical) {
    List<String> out = new ArrayList<>(List.of(canonical));
    int sp = canonical.lastIndexOf(' ');
    if (sp < 0) return out;
    String head = canonical.substring(0, sp);
    String mag = canonical.substring(sp + 1);
    String letter = switch (mag) { case "trillion" -> "T"; case "billion" -> "B"; case "million" -> "M"; default -> ""; };
    String abbr = switch (mag) { case "trillion" -> "tn"; case "billion" -> "bn"; case "million" -> "m"; default -> ""; };
    out.add(head + letter);
    out.add(head + abbr);
    if (head.startsWith("$")) {
      out.add("USD " + head.substring(1) + " " + mag);
      out.add(head.substring(1) + " " + mag + " dollars");
    }
    return out;
  }
}
