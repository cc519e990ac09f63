package passages.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import passages.index.Fields;
import passages.index.NewsAnalyzer;

/**
 * The body of a paragraph index on OpenSearch: settings (shards, replicas, the analysis) and
 * mappings, from the resource {@code paragraph-index.json} beside this class. The analyzers {@code
 * passages_index} and {@code passages_query} rebuild {@link NewsAnalyzer#forIndexing()} and {@link
 * NewsAnalyzer#forQueries()} from OpenSearch built-ins; the two lists they share with it are filled
 * in here from the same source, so they cannot drift: the plural stemmer's exceptions ({@link
 * NewsAnalyzer#notPlurals()}) and the aliases of {@code passages/index/aliases.txt} ({@link
 * NewsAnalyzer#aliasGroups()}, as {@code synonym} rules {@code "trainium, trn"}: the plain synonym
 * filter stacks single-word aliases exactly like NewsAnalyzer's AliasFilter, where {@code
 * synonym_graph} after the flattened split graph shifts positions). Where the two chains differ is
 * pinned by {@code AnalysisParityTest} and listed in docs/scaling.md.
 *
 * <p>Sent as raw JSON (the typed client has no {@code synonym_analyzer}, which a synonym filter
 * after {@code word_delimiter_graph} needs to parse its rules).
 */
public final class IndexSettings {
  static final String INDEX_ANALYZER = "passages_index";
  static final String QUERY_ANALYZER = "passages_query";

  private IndexSettings() {}

  /**
   * The version of the index body (mapping and analysis) and of what the Lucene schema means:
   * {@link Fields#SCHEMA_VERSION}, a dash, and the first 12 hex digits of the SHA-256 of {@link
   * #paragraphIndex} (with one shard, no replica). A live index with another version is rebuilt
   * from scratch, since a mapping cannot change in place.
   */
  public static String schemaVersion() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(paragraphIndex(1, 0).getBytes(StandardCharsets.UTF_8));
      return Fields.SCHEMA_VERSION + "-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The index body with {@code shards} primary shards and {@code replicas} replicas of each.
   *
   * @throws IllegalArgumentException when shards &lt; 1 or replicas &lt; 0
   */
  public static String paragraphIndex(int shards, int replicas) {
    if (shards < 1 || replicas < 0)
      throw new IllegalArgumentException(
          "need shards >= 1 and replicas >= 0, got " + shards + ", " + replicas);
    ObjectMapper json = new ObjectMapper();
    ObjectNode body;
    try (InputStream in = IndexSettings.class.getResourceAsStream("paragraph-index.json")) {
      if (in == null)
        throw new IllegalStateException(
            "resource passages/opensearch/paragraph-index.json is missing");
      body = (ObjectNode) json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading paragraph-index.json", e);
    }
    ObjectNode index = (ObjectNode) body.path("settings").path("index");
    index.put("number_of_shards", shards).put("number_of_replicas", replicas);
    ObjectNode filters = (ObjectNode) body.path("settings").path("analysis").path("filter");
    ArrayNode keywords = ((ObjectNode) filters.path("passages_not_plurals")).putArray("keywords");
    NewsAnalyzer.notPlurals().forEach(keywords::add);
    ArrayNode synonyms = ((ObjectNode) filters.path("passages_aliases")).putArray("synonyms");
    for (List<String> group : NewsAnalyzer.aliasGroups()) synonyms.add(String.join(", ", group));
    return body.toString();
  }
}
