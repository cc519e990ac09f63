package passages.entities;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import passages.ingest.CorpusReader;
import passages.ingest.ParagraphStream;

/**
 * Not a test: times the name-learning pass as {@code passages index} runs it (the corpus read and
 * cleaned on every core, then learned from), wall and process CPU, and prints how many names it
 * learned and a digest of them (the same corpus must learn the same names). {@code java -cp ...
 * [-DoneIn=N] passages.entities.LearningBenchmark CORPUS [PARAGRAPHS|all] [--read-only |
 * REPORT_FILE]}: {@code --read-only} times reading and cleaning alone.
 */
public final class LearningBenchmark {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    long sample =
        args.length > 1 && !args[1].equals("all") ? Long.parseLong(args[1]) : Long.MAX_VALUE;
    boolean readOnly = args.length > 2 && args[2].equals("--read-only");
    int threads = Runtime.getRuntime().availableProcessors();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    var stream =
        new ParagraphStream(
            new CorpusReader(corpus), threads, sample, Integer.getInteger("oneIn", 1));
    if (readOnly) {
      long n = 0, chars = 0;
      for (String p : stream) {
        n++;
        chars += p.length();
      }
      System.out.printf(
          Locale.ROOT,
          "read + clean: %d paragraphs (%d chars); wall %.1f s, CPU %.1f s%n",
          n,
          chars,
          (System.nanoTime() - t0) / 1e9,
          (os.getProcessCpuTime() - cpu0) / 1e9);
      return;
    }
    var extractor = (GazetteerExtractor) EntityExtractors.create(stream);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    var report = extractor.learnedReport().stream().sorted().toList();
    var digest = java.security.MessageDigest.getInstance("SHA-256");
    for (String line : report) digest.update((line + "\n").getBytes("UTF-8"));
    System.out.printf(
        Locale.ROOT,
        "learn (%d threads): wall %.1f s, CPU %.1f s; %d names learned, digest %s%n",
        threads,
        wall,
        cpu,
        report.size(),
        java.util.HexFormat.of().formatHex(digest.digest(), 0, 8));
    if (args.length > 2) Files.write(Path.of(args[2]), report);
  }
}
