package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import passages.index.Fields;
import passages.opensearch.Cluster;

/**
 * Test helpers for the OpenSearch index command: the paragraphs an embedded index and an alias
 * hold, as paragraph id → text, and a generated JSONL corpus big enough to kill a run in the
 * middle.
 */
final class ParagraphSets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ParagraphSets() {}

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Paragraph id ({@code article.pN}) → text of every live paragraph of the index in {@code dir}.
   */
  static Map<String, String> lucene(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (var d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live != null && !live.get(i)) continue;
          Document doc = stored.document(i);
          String id =
              doc.get(Fields.ARTICLE_ID) + ".p" + doc.getField(Fields.PARAGRAPH).numericValue();
          if (out.put(id, doc.get(Fields.TEXT)) != null) throw new AssertionError("doubled: " + id);
        }
      }
    }
    return out;
  }

  /**
   * Paragraph id → text of every paragraph searches see through {@code alias}, read a page at a
   * time; fails on a paragraph seen twice (two versions live), on a failed shard, or when the exact
   * total differs from the hits read.
   */
  static Map<String, String> cluster(Cluster cluster, String alias) throws IOException {
    request(cluster, "POST", "/" + alias + "/_refresh", null);
    Map<String, String> out = new TreeMap<>();
    JsonNode after = null;
    long total = -1;
    while (true) {
      ObjectNode body = JSON.createObjectNode();
      body.put("size", 2000).put("track_total_hits", true);
      body.putArray("sort").add(Fields.ARTICLE_ID).add(Fields.PARAGRAPH);
      body.putArray("_source").add(Fields.ARTICLE_ID).add(Fields.PARAGRAPH).add(Fields.TEXT);
      if (after != null) body.set("search_after", after);
      JsonNode r = request(cluster, "POST", "/" + alias + "/_search", body.toString());
      assertEquals(0, r.path("_shards").path("failed").asInt(), r.toString());
      total = r.path("hits").path("total").path("value").asLong();
      JsonNode hits = r.path("hits").path("hits");
      for (JsonNode h : hits) {
        JsonNode s = h.path("_source");
        String id = s.path(Fields.ARTICLE_ID).asText() + ".p" + s.path(Fields.PARAGRAPH).asInt();
        if (out.put(id, s.path(Fields.TEXT).asText()) != null)
          throw new AssertionError("doubled: " + id);
      }
      if (hits.size() < 2000) break;
      after = hits.get(hits.size() - 1).path("sort");
    }
    assertEquals(total, out.size(), "exact total of " + alias);
    return out;
  }

  /** A raw request; the parsed answer (any status: check what you need). */
  static JsonNode request(Cluster cluster, String method, String endpoint, String body)
      throws IOException {
    var b = Requests.builder().method(method).endpoint(endpoint);
    if (body != null) b.json(body);
    try (Response r = cluster.client().generic().execute(b.build())) {
      String answer = r.getBody().map(Body::bodyAsString).orElse("{}");
      return JSON.readTree(answer.isEmpty() ? "{}" : answer);
    }
  }

  /**
   * Writes {@code articles} generated news articles ({@code k0000}…) of 4-8 paragraphs to {@code
   * file} as JSONL; {@code version} changes the text of every third article (the others stay the
   * same), so two versions make an incremental run with changed and unchanged articles.
   */
  static void corpus(Path file, int articles, int version) throws IOException {
    String[] words = {
      "the",
      "company",
      "said",
      "on",
      "Monday",
      "that",
      "its",
      "new",
      "chips",
      "would",
      "ship",
      "in",
      "volume",
      "next",
      "year",
      "while",
      "analysts",
      "expect",
      "demand",
      "to",
      "grow",
      "across",
      "data",
      "centers",
      "and",
      "cloud",
      "regions",
      "according",
      "a",
      "report",
      "by",
      "officials",
      "familiar",
      "with",
      "plans",
      "for",
      "billion",
      "dollar",
      "investments",
      "as",
      "prices",
      "rose",
      "sharply",
      "during",
      "quarter",
      "investors",
      "welcomed",
      "results"
    };
    String[] names = {"Amazon", "Nvidia", "Google", "Microsoft", "OpenAI", "Intel", "Washington"};
    String[] outlets = {"CIOL", "Reuters", "Dailyza", "SecurityOnline", "The Verge"};
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int a = 0; a < articles; a++) {
        int v = a % 3 == 0 ? version : 1;
        Random random = new Random(a * 31L + v);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", String.format("k%04d", a));
        node.put("outlet", outlets[a % outlets.length]);
        node.put("title", names[a % names.length] + " story " + a + " (version " + v + ")");
        node.put("date", String.format("2025-%02d-%02d", 1 + a % 12, 1 + a % 28));
        node.put("bias", a % 2 == 0 ? "left" : "right");
        var paragraphs = node.putArray("paragraphs");
        int n = 4 + random.nextInt(5);
        for (int p = 0; p < n; p++) {
          StringBuilder sb = new StringBuilder(names[random.nextInt(names.length)]);
          int len = 14 + random.nextInt(20);
          for (int k = 0; k < len; k++) sb.append(' ').append(words[random.nextInt(words.length)]);
          sb.append(" in paragraph ").append(p + 1).append(" of story ").append(a).append('.');
          paragraphs.add(sb.toString());
        }
        w.write(JSON.writeValueAsString(node));
        w.write('\n');
      }
    }
  }

  /** The command line of a child JVM running {@code passages.cli.Main} with {@code args}. */
  static List<String> childCommand(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("passages.cli.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }
}
