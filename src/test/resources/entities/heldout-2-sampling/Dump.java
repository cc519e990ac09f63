import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.zip.*;
import passages.ingest.*;
import passages.model.Paragraph;

/**
 * Writes every body paragraph that indexing keeps of allsides-news (TextCleaner.cleanBlocks, as JsonlArticles
 * calls it) as one JSON line {id, ord, n, section, kind, text}. Run from the project root after a build (JDK 21+):
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp "target/passages.jar:$(ls target/lib/*.jar | tr '\n' ':')" \
 *   src/test/resources/entities/heldout-2-sampling/Dump.java ../shared/data/allsides-news/articles.jsonl.gz cleaned.jsonl
 */
public class Dump {
  public static void main(String[] a) throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(new FileInputStream(a[0]), 1<<16), StandardCharsets.UTF_8));
         PrintWriter w = new PrintWriter(new OutputStreamWriter(new FileOutputStream(a[1]), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode n = json.readTree(line);
        JsonNode ps = n.get("paragraphs");
        if (ps == null || !ps.isArray()) continue;
        List<String> blocks = new ArrayList<>();
        for (JsonNode p : ps) blocks.add(p.isTextual() ? p.asText() : "");
        JsonNode t = n.get("title");
        boolean noTitle = t == null || !t.isTextual() || t.asText().isBlank();
        CleanedText c = TextCleaner.cleanBlocks(blocks, noTitle);
        for (Paragraph p : c.paragraphs()) {
          ObjectNode o = json.createObjectNode();
          o.put("id", n.get("id").asText()); o.put("ord", p.ordinal()); o.put("n", c.paragraphs().size());
          o.put("section", p.section()); o.put("kind", p.kind().name()); o.put("text", p.text());
          w.println(json.writeValueAsString(o));
        }
      }
    }
  }
}
