package passages.ingest.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throughput of {@link HtmlArticleExtractor} on one thread: loads every page of a folder into
 * memory, warms up, then reports pages per second. Not a unit test; run by hand: {@code java -cp
 * target/classes:target/test-classes:$(cat cp.txt) passages.ingest.html.ExtractorBenchmark DIR}.
 */
public final class ExtractorBenchmark {
  private ExtractorBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir =
        Path.of(args.length > 0 ? args[0] : "../shared/benchmarks/article-extraction/dev/html");
    List<byte[]> pages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) pages.add(Files.readAllBytes(f));
    }
    HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    for (int round = 0; round < 20; round++) {
      long start = System.nanoTime();
      int failed = 0;
      for (byte[] page : pages) {
        try {
          extractor.extract(page, "page");
        } catch (HtmlExtractionException e) {
          failed++;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "round %d: %d pages in %.2f s = %.0f pages/s (%d failed)%n",
          round, pages.size(), seconds, pages.size() / seconds, failed);
    }
  }
}
