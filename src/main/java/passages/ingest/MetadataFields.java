package passages.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passages.model.Article;

/**
 * Reads the metadata fields of a JSON object (a JSONL article, or a {@code sources.json} entry)
 * beyond the known ones: the authors, and every further string field as article metadata. Stateless
 * and thread-safe.
 */
public final class MetadataFields {
  /** Separators between names in one byline string: commas, semicolons, " and ", " & ". */
  private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*[,;]\\s*|\\s+(?:and|&)\\s+");

  /**
   * A byline line of a plain text's head: "By Jane Doe", "By Jane Doe and John Roe", "By JANE DOE,
   * Reuters".
   */
  private static final Pattern BYLINE =
      Pattern.compile(
          "(?i)^by:?\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}(?:(?:\\s*,\\s*|\\s+and\\s+)\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}){0,3})"
              + "(?:\\s*[|•·,–—-]\\s*.*)?$");

  /** Lines of a plain text's head searched for a byline. */
  static final int HEAD_LINES = 6;

  private MetadataFields() {}

  /**
   * The authors in {@code node.authors} (a string of names separated by commas, semicolons or
   * "and", or an array of such strings or of objects with a {@code name}), else in {@code
   * node.author}: stripped of quotes and a leading "By", blanks and repeats dropped, in order.
   */
  public static List<String> authors(JsonNode node) {
    JsonNode v = node.get("authors");
    if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) v = node.get("author");
    Set<String> out = new LinkedHashSet<>();
    if (v != null) collect(v, out);
    return List.copyOf(out);
  }

  /** The names in one byline string (see {@link #authors(JsonNode)}). */
  public static List<String> authors(String byline) {
    Set<String> out = new LinkedHashSet<>();
    if (byline != null) addNames(byline, out);
    return List.copyOf(out);
  }

  private static void collect(JsonNode v, Set<String> out) {
    if (v.isTextual()) addNames(v.asText(), out);
    else if (v.isArray()) for (JsonNode e : v) collect(e, out);
    else if (v.isObject() && v.path("name").isTextual()) addNames(v.get("name").asText(), out);
  }

  /**
   * An author written as the local part and domain of an e-mail address with the "@" lost, as one
   * outlet's bylines come: "Kristina.Peterson Wsj.Com" is Kristina Peterson.
   */
  private static final Pattern EMAIL_NAME =
      Pattern.compile("(\\p{L}+)\\.(\\p{L}+) [\\p{L}.-]+\\.(?i:com|org|net)");

  /**
   * Scraped page-template text where a byline should be ("Backgroundurl Avatar_Large", "Showtags
   * Popular_Tags") and site names ("Www.Facebook.Com Sfchronicle", "Dailymail.Com Reporter"): not
   * an author.
   */
  private static final Pattern NOT_A_NAME = Pattern.compile("_|(?i:\\bwww\\.|\\.com\\b|https?:)");

  private static void addNames(String s, Set<String> out) {
    String t = s.strip().replaceFirst("(?i)^by:?\\s+", "");
    for (String name : NAME_SEPARATOR.split(t)) {
      String n = name.replaceAll("^[\"'“”‘’\\s]+|[\"'“”‘’\\s]+$", "").replaceAll("\\s+", " ");
      Matcher email = EMAIL_NAME.matcher(n);
      if (email.matches()) n = email.group(1) + " " + email.group(2);
      if (!n.isEmpty()
          && n.length() <= 100
          && n.codePoints().anyMatch(Character::isLetter)
          && !NOT_A_NAME.matcher(n).find()) out.add(n);
    }
  }

  /**
   * Every string field of {@code node} whose key is not in {@code known}, as article metadata: the
   * key in lower case, kept when it is a valid, unreserved {@link Article#METADATA_KEY}; the value
   * stripped, kept when it is non-blank and at most {@value Article#MAX_METADATA_VALUE} characters.
   * Numbers, booleans, arrays and objects are not metadata.
   */
  public static Map<String, String> extra(JsonNode node, Set<String> known) {
    Map<String, String> out = new LinkedHashMap<>();
    for (var it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (known.contains(e.getKey()) || known.contains(key) || !e.getValue().isTextual()) continue;
      if (!Article.METADATA_KEY.matcher(key).matches() || Article.RESERVED_KEYS.contains(key))
        continue;
      String value = e.getValue().asText().strip().replaceAll("\\s+", " ");
      if (!value.isEmpty() && value.length() <= Article.MAX_METADATA_VALUE)
        out.putIfAbsent(key, value);
    }
    return out;
  }

  /**
   * The authors of the first byline line ("By Jane Doe", "By Jane Doe | Reuters") among the first
   * {@value #HEAD_LINES} non-blank {@code lines} of a plain text, or an empty list.
   */
  public static List<String> bylineFromHead(List<String> lines) {
    int seen = 0;
    for (String line : lines) {
      String s = line.strip();
      if (s.isEmpty()) continue;
      if (++seen > HEAD_LINES) break;
      var m = BYLINE.matcher(s);
      if (s.length() <= 120 && m.matches()) return authors(m.group(1));
    }
    return List.of();
  }
}
