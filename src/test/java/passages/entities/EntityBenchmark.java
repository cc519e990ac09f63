package passages.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Not a test: measures {@link EntityExtractors#create} on a whole JSONL.gz corpus (streamed, so the
 * heap holds only what is learned) and single-threaded {@code extract} speed. {@code java -Xmx1g
 * [-Drounds=N] -cp ... passages.entities.EntityBenchmark articles.jsonl.gz} (N timed rounds of
 * each, one by default).
 */
public final class EntityBenchmark {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Iterable<String> paragraphs = () -> stream(corpus);
    long t0 = System.nanoTime();
    EntityExtractor extractor = EntityExtractors.create(paragraphs);
    long t1 = System.nanoTime();
    if (args.length > 1)
      Files.write(Path.of(args[1]), ((GazetteerExtractor) extractor).learnedReport());
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "create: %.1f s, heap after GC %d MB%n",
        (t1 - t0) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20);

    List<List<String>> articles = new ArrayList<>();
    List<String> sample = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpus), 1 << 16),
                StandardCharsets.UTF_8))) {
      ObjectMapper json = new ObjectMapper();
      for (String line; sample.size() < 300_000 && (line = r.readLine()) != null; ) {
        List<String> article = new ArrayList<>();
        for (JsonNode p : json.readTree(line).get("paragraphs")) article.add(p.asText());
        articles.add(article);
        sample.addAll(article);
      }
    }
    long chars = sample.stream().mapToLong(String::length).sum();
    long mentions = 0;
    for (int i = 0; i < 20_000; i++) mentions += extractor.extract(sample.get(i)).size(); // warm-up
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    int rounds = Integer.getInteger("rounds", 1); // -Drounds=4: the later rounds are warm
    for (int round = 0; round < rounds; round++) {
      mentions = 0;
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t2 = System.nanoTime();
      for (String p : sample) mentions += extractor.extract(p).size();
      double s = (System.nanoTime() - t2) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      System.out.printf(
          "extract, one thread: %d paragraphs (%d chars), %d mentions; wall %.2f s = %.0f paragraphs/s; "
              + "CPU %.2f s = %.0f paragraphs per CPU-second, %.1f MB per CPU-second%n",
          sample.size(),
          chars,
          mentions,
          s,
          sample.size() / s,
          cpu,
          sample.size() / cpu,
          chars / cpu / 1e6);

      // the same paragraphs read article by article, as indexing does (with the article's
      // coreference)
      for (int i = 0; i < 1_000; i++) extractor.extractArticle(articles.get(i)); // warm-up
      mentions = 0;
      cpu0 = threads.getCurrentThreadCpuTime();
      t2 = System.nanoTime();
      for (List<String> a : articles)
        for (List<?> m : extractor.extractArticle(a)) mentions += m.size();
      s = (System.nanoTime() - t2) / 1e9;
      cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      System.out.printf(
          "extractArticle, one thread: %d articles, %d paragraphs, %d mentions; wall %.2f s = %.0f paragraphs/s; "
              + "CPU %.2f s = %.0f paragraphs per CPU-second%n",
          articles.size(), sample.size(), mentions, s, sample.size() / s, cpu, sample.size() / cpu);
    }
  }

  private static Iterator<String> stream(Path corpus) {
    try {
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(corpus), 1 << 16),
                  StandardCharsets.UTF_8));
      ObjectMapper json = new ObjectMapper();
      return new Iterator<>() {
        Iterator<JsonNode> current = java.util.Collections.emptyIterator();
        boolean done;

        @Override
        public boolean hasNext() {
          try {
            while (!current.hasNext()) {
              if (done) return false; // the learning threads ask again after the end
              String line = r.readLine();
              if (line == null) {
                r.close();
                done = true;
                return false;
              }
              current = json.readTree(line).get("paragraphs").iterator();
            }
            return true;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public String next() {
          hasNext();
          return current.next().asText();
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
