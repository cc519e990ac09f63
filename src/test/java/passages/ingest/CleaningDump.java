package passages.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import passages.model.Paragraph;

/**
 * Test-scope tool for auditing cleaning rules on a JSONL corpus: writes every kept paragraph and
 * every dropped line of every article to a gzipped TSV, so two runs (before and after a rule
 * change) can be compared line by line with {@code scripts/cleaning-diff.py}.
 *
 * <pre>
 * mvn -B -q test-compile dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
 * java -cp 'target/classes:target/test-classes:target/lib/*' passages.ingest.CleaningDump \
 *     ../shared/data/allsides-news/articles.jsonl.gz /tmp/after.tsv.gz
 * </pre>
 *
 * <p>Rows: {@code P<TAB>articleId<TAB>ordinal<TAB>kind<TAB>section<TAB>text} for a kept paragraph
 * (line breaks as {@code \n}), {@code D<TAB>articleId<TAB>line<TAB>REASON<TAB><TAB>text} for a
 * dropped line. On stderr: articles, paragraphs and drops by reason, and the CPU time {@link
 * TextCleaner#cleanBlocks} took (JSON parsing apart; one thread).
 */
public final class CleaningDump {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CleaningDump() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CleaningDump CORPUS.jsonl.gz OUT.tsv.gz");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    long articles = 0;
    long paragraphs = 0;
    long nanos = 0;
    Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    // CPU time of this thread, not wall time: the machine is shared, and other processes' load must
    // not count
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(corpus), 1 << 16),
                    StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(gzipWriter(Path.of(args[1])))) {
      int n = 0;
      for (String line; (line = in.readLine()) != null; ) {
        n++;
        IngestResult r = JsonlArticles.parse(Source.of(corpus, n), line);
        // the cleaner alone, timed apart from JSON parsing: the blocks as JsonlArticles hands them
        // over
        JsonNode node = JSON.readTree(line);
        if (node.get("paragraphs") instanceof ArrayNode array) {
          List<String> blocks = new ArrayList<>(array.size());
          for (JsonNode p : array) blocks.add(p.isTextual() ? p.asText() : "");
          String title =
              node.get("title") instanceof JsonNode t && t.isTextual() && !t.asText().isBlank()
                  ? t.asText().strip()
                  : null;
          long t0 = cpu.getCurrentThreadCpuTime();
          TextCleaner.cleanBlocks(blocks, title);
          nanos += cpu.getCurrentThreadCpuTime() - t0;
        }
        if (!(r instanceof IngestResult.Ingested ing)) continue;
        articles++;
        String id = ing.article().id();
        for (Paragraph p : ing.article().paragraphs()) {
          paragraphs++;
          out.append("P\t")
              .append(id)
              .append('\t')
              .append(Integer.toString(p.ordinal()))
              .append('\t')
              .append(kind(p))
              .append('\t')
              .append(p.section() == null ? "" : flat(p.section()))
              .append('\t')
              .append(flat(p.text()))
              .append('\n');
        }
        for (DroppedLine d : ing.dropped()) {
          drops.merge(d.reason(), 1L, Long::sum);
          out.append("D\t")
              .append(id)
              .append('\t')
              .append(Integer.toString(d.line()))
              .append('\t')
              .append(d.reason().name())
              .append("\t\t")
              .append(flat(d.text()))
              .append('\n');
        }
      }
    }
    System.err.printf(
        "articles %d, paragraphs %d, TextCleaner %.2f CPU s (%.0f kept paragraphs per CPU second)%n",
        articles, paragraphs, nanos / 1e9, paragraphs / (nanos / 1e9));
    drops.forEach((k, v) -> System.err.printf("  %-12s %d%n", k, v));
  }

  private static String kind(Paragraph p) {
    return p.kind().name();
  }

  private static String flat(String s) {
    return s.replace("\t", " ").replace("\n", "\\n");
  }

  private static java.io.Writer gzipWriter(Path path) throws IOException {
    return new java.io.BufferedWriter(
        new java.io.OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(path), 1 << 16), StandardCharsets.UTF_8),
        1 << 16);
  }
}
