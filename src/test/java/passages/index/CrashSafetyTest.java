package passages.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import passages.ingest.CorpusReader;
import passages.search.FacetValue;
import passages.search.ParagraphSearcher;
import passages.search.SearchRequest;

/**
 * Issue 8: indexing never loses an article. Child JVMs run {@code passages index} over a generated
 * corpus and are killed with SIGKILL at random moments (fixed seed), during a first build and
 * during an incremental run after the corpus changed. After every kill the index on disk must be
 * exactly one of the committed states (nothing, the old corpus, or the new corpus: never a mix,
 * never corrupt); after a run that completes it must equal a clean build of the same corpus in
 * another directory: same paragraph ids and texts, same total, same outlet facet counts.
 */
class CrashSafetyTest {
  private static final long SEED = 0x5EED_8L;
  private static final int TXT_ARTICLES = 200;
  private static final int JSONL_ARTICLES = 600;
  private static final String[] OUTLETS = {
    "Chip Weekly", "Cloud Daily", "Wire One", "Market Desk", "Data Center News"
  };
  private static final String[] WORDS =
      ("amazon nvidia openai trainium accelerator cluster datacenter revenue quarter "
              + "analysts investors shares contract billion capacity power cooling rack server model training inference "
              + "chip supply demand market customers partnership cloud region latency memory bandwidth wafer foundry")
          .split(" ");

  @TempDir Path work;

  /**
   * What an index holds: paragraph id → outlet and text, and the outlet facet counts of an empty
   * query.
   */
  record Snapshot(Map<String, String> paragraphs, List<FacetValue> outlets) {
    static final Snapshot NONE = new Snapshot(Map.of(), List.of());

    long total() {
      return paragraphs.size();
    }

    @Override
    public String toString() {
      return paragraphs.size() + " paragraphs, outlets " + outlets;
    }
  }

  /**
   * Hang guards, not speed limits: on a machine shared by many builds one child index run can take
   * tens of seconds, and these only stop a run that never ends (the kills are spread over a run
   * timed in place).
   */
  private static final long HANG_MINUTES = 10;

  @Test
  @Timeout(value = 30, unit = TimeUnit.MINUTES)
  void killedIndexRuns_neverLoseOrMixArticles_andTheNextRunCompletesTheWork() throws Exception {
    Random random = new Random(SEED);
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    Path index = work.resolve("index");
    writeCorpus(corpus, 1);
    Snapshot v1 = cleanBuild(corpus, work.resolve("clean-v1"));
    assertTrue(v1.total() > 3000, "corpus too small to kill mid-way: " + v1);

    // How long a full run takes here, to spread the kills over it.
    long full = timeRun(corpus, work.resolve("calibration"));
    List<String> log = new ArrayList<>();
    log.add("full run " + full + " ms; v1 " + v1);

    // Phase 1: kill a first build at random points. The index is either absent or complete v1.
    int interrupted =
        killRuns(random, corpus, index, full, 12, List.of(Snapshot.NONE, v1), "build", log, null);

    Process done = start(corpus, index);
    assertTrue(done.waitFor(HANG_MINUTES, TimeUnit.MINUTES), "index run did not finish");
    assertEquals(0, done.exitValue(), Files.readString(work.resolve("child.err")));
    assertEquals(v1, snapshot(index));

    // Phase 2: change the corpus (edit, delete, add articles and JSONL lines), then kill
    // incremental runs.
    writeCorpus(corpus, 2);
    Snapshot v2 = cleanBuild(corpus, work.resolve("clean-v2"));
    assertTrue(!v2.equals(v1), "corpus v2 must differ from v1");
    log.add("v2 " + v2);
    Path committedV1 = work.resolve("index-v1");
    copyDir(index, committedV1);
    // an update is shorter than a full build (which ends with a merge): spread these kills over an
    // update
    Path calibration = work.resolve("calibration-update");
    copyDir(committedV1, calibration);
    long update = timeRun(corpus, calibration);
    log.add("update run " + update + " ms");
    interrupted +=
        killRuns(random, corpus, index, update, 10, List.of(v1, v2), "update", log, committedV1);

    done = start(corpus, index);
    assertTrue(done.waitFor(HANG_MINUTES, TimeUnit.MINUTES), "index run did not finish");
    assertEquals(0, done.exitValue(), Files.readString(work.resolve("child.err")));
    assertEquals(v2, snapshot(index));

    System.out.println(String.join("\n", log));
    assertTrue(
        interrupted >= 20,
        "only " + interrupted + " kills hit a running indexer:\n" + String.join("\n", log));
  }

  /**
   * Starts {@code wanted} index runs that are still alive when killed (runs that finish first are
   * not counted, at most 3 × wanted attempts) and checks after each kill that the index is one of
   * {@code allowed}. When a run got to commit the new state, the index is put back to {@code
   * restore}, a copy of the old one (or deleted when null), so the next run has work to do again.
   *
   * @return the number of runs killed while running
   */
  private int killRuns(
      Random random,
      Path corpus,
      Path index,
      long fullMillis,
      int wanted,
      List<Snapshot> allowed,
      String phase,
      List<String> log,
      Path restore)
      throws Exception {
    int killed = 0;
    long scale = fullMillis;
    for (int attempt = 0; killed < wanted && attempt < 3 * wanted; attempt++) {
      // half the kills anywhere in the run, half in its last fifth, where segments are flushed and
      // committed
      long at =
          attempt % 2 == 0
              ? (long) (random.nextDouble() * scale)
              : (long) (scale * (0.8 + 0.25 * random.nextDouble()));
      long started = System.nanoTime();
      Process p = start(corpus, index);
      boolean finished = p.waitFor(at, TimeUnit.MILLISECONDS);
      // a run that ends before its kill shows runs are faster now than when timed (a busy machine
      // calmed
      // down): spread the next kills over the run as it is now
      if (finished) scale = Math.min(scale, Math.max(1, (System.nanoTime() - started) / 1_000_000));
      if (!finished) {
        p.destroyForcibly();
        assertTrue(p.waitFor(HANG_MINUTES, TimeUnit.MINUTES), "killed indexer did not exit");
        killed++;
      }
      int leftovers = uncommittedFiles(index);
      Snapshot now = snapshot(index);
      String state = allowed.get(0).equals(now) ? "old" : allowed.get(1).equals(now) ? "new" : null;
      log.add(
          String.format(
              "%s #%d: %s at %d ms → index %s, %d uncommitted files",
              phase, attempt, finished ? "finished before kill" : "killed", at, state, leftovers));
      if (state == null)
        fail(
            "after "
                + phase
                + " run #"
                + attempt
                + " killed at "
                + at
                + " ms the index is "
                + now
                + ", neither "
                + allowed.get(0)
                + " nor "
                + allowed.get(1)
                + "\n"
                + String.join("\n", log));
      if (state.equals("new")) {
        deleteDir(index);
        if (restore != null) copyDir(restore, index);
      }
    }
    return killed;
  }

  private static void copyDir(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
    }
  }

  private static void deleteDir(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) Files.delete(f);
    }
    Files.delete(dir);
  }

  private Process start(Path corpus, Path index) throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> cmd =
        List.of(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx512m",
            "-cp",
            System.getProperty("java.class.path"),
            "passages.cli.Main",
            "index",
            "--corpus",
            corpus.toString(),
            "--index",
            index.toString());
    return new ProcessBuilder(cmd)
        .redirectOutput(work.resolve("child.out").toFile())
        .redirectError(work.resolve("child.err").toFile())
        .start();
  }

  /** How long an index run of {@code corpus} into {@code index} takes, to its end. */
  private long timeRun(Path corpus, Path index) throws Exception {
    long t0 = System.nanoTime();
    Process p = start(corpus, index);
    assertTrue(p.waitFor(HANG_MINUTES, TimeUnit.MINUTES), "index run did not finish");
    assertEquals(0, p.exitValue(), Files.readString(work.resolve("child.err")));
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static Snapshot cleanBuild(Path corpus, Path index) throws IOException {
    IndexReport r = new Indexer(text -> List.of()).rebuild(new CorpusReader(corpus), index);
    assertEquals(0, r.failureCount(), () -> r.failures().toString());
    return snapshot(index);
  }

  /** The index's paragraphs read directly, and its outlet facets through the searcher. */
  static Snapshot snapshot(Path index) throws IOException {
    if (!Files.isDirectory(index)) return Snapshot.NONE;
    Map<String, String> paragraphs = new TreeMap<>();
    try (Directory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) return Snapshot.NONE;
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          StoredFields stored = leaf.reader().storedFields();
          Bits live = leaf.reader().getLiveDocs();
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            if (live != null && !live.get(doc)) continue;
            Document d = stored.document(doc);
            String id =
                passages.model.ArticleIds.paragraphId(
                    d.get(Fields.ARTICLE_ID),
                    d.getField(Fields.PARAGRAPH).numericValue().intValue());
            String previous = paragraphs.put(id, d.get(Fields.OUTLET) + "\t" + d.get(Fields.TEXT));
            assertEquals(null, previous, "paragraph " + id + " is in the index twice");
          }
        }
      }
    }
    try (ParagraphSearcher searcher = new ParagraphSearcher(index)) {
      var all =
          searcher.search(
              SearchRequest.of("").withLimit(1).withFacetLimit(SearchRequest.MAX_FACET_LIMIT));
      assertEquals(paragraphs.size(), all.total());
      return new Snapshot(paragraphs, all.facets().get(Fields.OUTLET));
    }
  }

  /**
   * Files in the index directory that its latest commit does not reference (left by a killed run).
   */
  private static int uncommittedFiles(Path index) throws IOException {
    if (!Files.isDirectory(index)) return 0;
    try (Directory dir = FSDirectory.open(index);
        Stream<Path> files = Files.list(index)) {
      var committed =
          DirectoryReader.indexExists(dir)
              ? SegmentInfos.readLatestCommit(dir).files(true)
              : List.<String>of();
      return (int)
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> !committed.contains(n) && !n.equals("write.lock"))
              .count();
    }
  }

  /**
   * Writes the corpus, deterministically. Version 2 edits every 7th text article, deletes every
   * 11th, adds 25 new ones, and in the JSONL file edits every 5th line, drops every 13th and
   * appends 100.
   */
  static void writeCorpus(Path dir, int version) throws IOException {
    StringBuilder sources = new StringBuilder("{\n");
    for (int i = 0; i < TXT_ARTICLES + (version == 2 ? 25 : 0); i++) {
      Path file = dir.resolve(String.format("art%04d.txt", i));
      if (version == 2 && i % 11 == 0) {
        Files.deleteIfExists(file);
        continue;
      }
      int edit = version == 2 && i % 7 == 0 ? 2 : 1;
      Files.writeString(file, article("txt" + i, edit, 8), StandardCharsets.UTF_8);
      sources.append(
          String.format(
              "  \"art%04d.txt\": {\"outlet\": \"%s\"},\n", i, OUTLETS[i % OUTLETS.length]));
    }
    sources.append("  \"_comment\": {}\n}\n");
    Files.writeString(dir.resolve(CorpusReader.SIDECAR), sources);
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < JSONL_ARTICLES + (version == 2 ? 100 : 0); i++) {
      if (version == 2 && i % 13 == 0) continue;
      int edit = version == 2 && i % 5 == 0 ? 2 : 1;
      String[] lines = article("jl" + i, edit, 4).split("\n");
      jsonl
          .append("{\"id\": \"j")
          .append(i)
          .append("\", \"outlet\": \"")
          .append(OUTLETS[(i * 3) % OUTLETS.length])
          .append("\", \"title\": \"")
          .append(lines[0])
          .append("\", \"paragraphs\": [");
      for (int k = 1; k < lines.length; k++)
        jsonl.append(k > 1 ? ", " : "").append('"').append(lines[k]).append('"');
      jsonl.append("]}\n");
    }
    Files.writeString(dir.resolve("wire.jsonl"), jsonl);
  }

  /**
   * A title line and {@code paragraphs} sentences-long paragraphs, all derived from {@code key} and
   * {@code edit}.
   */
  private static String article(String key, int edit, int paragraphs) {
    Random r = new Random((key + "/" + edit).hashCode());
    StringBuilder sb =
        new StringBuilder(
            "Report "
                + key
                + " on "
                + WORDS[r.nextInt(WORDS.length)]
                + " and "
                + WORDS[r.nextInt(WORDS.length)]
                + "\n");
    for (int p = 0; p < paragraphs; p++) {
      for (int s = 0; s < 3; s++) {
        String first = WORDS[r.nextInt(WORDS.length)];
        sb.append(s == 0 ? "" : " ")
            .append(Character.toUpperCase(first.charAt(0)))
            .append(first.substring(1));
        for (int w = 0; w < 14; w++) sb.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
        sb.append(" in ").append(key).append(" paragraph ").append(p + 1).append('.');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
