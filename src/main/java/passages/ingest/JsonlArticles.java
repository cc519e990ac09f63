package passages.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import passages.model.ArticleIds;

/**
 * Turns one JSONL line into an article. Fields: {@code id} (or {@code url}, whose hash then makes
 * the id), {@code outlet}, {@code title}, {@code date}, {@code url}, {@code authors} (or {@code
 * author}), and the body as one of {@code paragraphs} (array of strings), {@code text} (string, one
 * block per line) or {@code html}. Every other string field ({@code topic}, {@code bias}, …) is
 * article metadata.
 */
final class JsonlArticles {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The fields read as the article itself; every other string field is metadata ({@link
   * MetadataFields#extra}).
   */
  static final java.util.Set<String> KNOWN =
      java.util.Set.of(
          "id",
          "url",
          "outlet",
          "title",
          "date",
          "authors",
          "author",
          "paragraphs",
          "text",
          "html");

  private JsonlArticles() {}

  static IngestResult parse(Source source, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return new IngestResult.Failed(source, "not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject())
      return new IngestResult.Failed(source, "not a JSON object");
    String url = text(node, "url");
    String rawId = text(node, "id");
    String id;
    if (rawId != null) {
      id = ArticleIds.fromFileName(rawId.replace('.', '_'));
    } else if (url != null) {
      id = "u" + HexFormat.of().formatHex(sha1(url)).substring(0, 16);
    } else {
      return new IngestResult.Failed(source, "missing field 'id' (or 'url')");
    }
    SourceMetadata meta =
        new SourceMetadata(
            text(node, "outlet"),
            url,
            text(node, "title"),
            text(node, "date"),
            MetadataFields.authors(node),
            MetadataFields.extra(node, KNOWN));
    JsonNode paragraphs = node.get("paragraphs");
    CleanedText cleaned;
    List<String> head;
    if (paragraphs != null && paragraphs.isArray()) {
      List<String> blocks = new ArrayList<>(paragraphs.size());
      for (JsonNode p : paragraphs) blocks.add(p.isTextual() ? p.asText() : "");
      cleaned = TextCleaner.cleanBlocks(blocks, meta.title());
      head = blocks.subList(0, Math.min(blocks.size(), PublicationDates.HEAD_LINES));
    } else if (text(node, "text") != null) {
      cleaned = TextCleaner.clean(text(node, "text"));
      head = TextArticles.head(text(node, "text"));
    } else if (text(node, "html") != null) {
      return HtmlArticles.fromBytes(
          source,
          id,
          node.get("html").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8),
          meta);
    } else {
      return new IngestResult.Failed(source, noBody(node));
    }
    // the date is the line's date field only: a JSONL source that has a date field says so there
    return TextArticles.toArticle(source, id, cleaned, meta, head, null);
  }

  /**
   * Why a line has no body: the first of {@code paragraphs}, {@code text}, {@code html} it has but
   * of the wrong shape, or none of them.
   */
  private static String noBody(JsonNode node) {
    for (String field : new String[] {"paragraphs", "text", "html"}) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) continue;
      if (field.equals("paragraphs"))
        return "field 'paragraphs' must be an array of strings, got " + shape(v);
      if (v.isTextual()) return "field '" + field + "' is empty";
      return "field '" + field + "' must be a string, got " + shape(v);
    }
    return "missing field 'paragraphs', 'text' or 'html'";
  }

  /** What a JSON value is, for a message: "a number", "an object", … */
  private static String shape(JsonNode v) {
    return switch (v.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case STRING -> "a string";
      default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private static byte[] sha1(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-1")
          .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
