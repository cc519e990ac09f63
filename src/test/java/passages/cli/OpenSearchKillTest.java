package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static passages.cli.ParagraphSets.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import passages.opensearch.Cluster;
import passages.opensearch.ClusterFixture;
import passages.opensearch.SharedCluster;

/**
 * kill -9 during {@code passages index --backend opensearch} on a real 3-node cluster, then a
 * re-run: the alias ends with exactly the paragraphs of a clean build (the embedded index of the
 * same corpus), none lost, none doubled. Killed: one OpenSearch node during a full build (while
 * searches on another alias keep running: each answers the exact total, is flagged partial, or
 * fails), the passages process during a full build, and the passages process during an incremental
 * run (searches then still see every article's old version).
 */
@Tag("opensearch")
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchKillTest {
  /** Articles of the generated corpus (~6 paragraphs each): enough to kill a run in its middle. */
  private static final int ARTICLES = 900;

  private static final long POLL_MILLIS = 100;

  @TempDir static Path work;

  private ClusterFixture fixture;
  private String urls;
  private Cluster cluster;
  private Path v1;
  private Path v2;
  private Map<String, String> cleanV1;
  private Map<String, String> cleanV2;

  @BeforeAll
  void setUp(ClusterFixture fixture) throws IOException {
    this.fixture = fixture;
    urls = String.join(",", fixture.urls());
    cluster = Cluster.connect(fixture.urls());
    v1 = work.resolve("v1");
    v2 = work.resolve("v2");
    ParagraphSets.corpus(v1.resolve("articles.jsonl"), ARTICLES, 1);
    ParagraphSets.corpus(v2.resolve("articles.jsonl"), ARTICLES, 2);
    cleanV1 = clean(v1);
    cleanV2 = clean(v2);
  }

  @AfterAll
  void disconnect() throws IOException {
    cluster.close();
  }

  /** The paragraphs of a clean build of {@code corpus} into a new embedded index. */
  private static Map<String, String> clean(Path corpus) throws IOException {
    Path index = work.resolve("lucene-" + corpus.getFileName());
    ParagraphSets.Run r = run("index", "--corpus", corpus.toString(), "--index", index.toString());
    if (r.code() != 0) throw new IllegalStateException(r.toString());
    return ParagraphSets.lucene(index);
  }

  @Test
  void killOneNode_midFullBuild_reRunEqualsCleanBuild_searchesExactOrFlagged() throws Exception {
    ParagraphSets.Run steady = index("steady", Path.of("corpus"));
    assertEquals(0, steady.code(), steady.err());
    long steadyTotal = 97;
    int victim = (fixture.indexOf(fixture.clusterManager()) + 1) % fixture.size();

    CompletableFuture<ParagraphSets.Run> interrupted =
        CompletableFuture.supplyAsync(() -> index("nodekill", v1));
    awaitDocuments("nodekill-b*", "{\"match_all\": {}}", 600, interrupted::isDone);
    fixture.kill(victim);
    int exact = 0, flagged = 0, failed = 0;
    while (!interrupted.isDone()) {
      JsonNode r;
      try {
        r = ParagraphSets.request(cluster, "GET", "/steady/_count", null);
      } catch (IOException e) {
        failed++;
        continue;
      }
      if (r.has("error")) {
        failed++;
      } else if (r.path("_shards").path("failed").asInt() > 0) {
        flagged++;
      } else {
        // a complete answer must be the exact one
        assertEquals(steadyTotal, r.path("count").asLong(), r.toString());
        exact++;
      }
      Thread.sleep(POLL_MILLIS);
    }
    ParagraphSets.Run during = interrupted.get();
    System.out.printf(
        "node %d killed mid-build: the build %s; counts during it: %d exact, %d flagged partial, %d failed%n",
        victim,
        during.code() == 0 ? "committed" : "failed: " + during.err().strip(),
        exact,
        flagged,
        failed);
    if (during.code() == 0) assertEquals(cleanV1, ParagraphSets.cluster(cluster, "nodekill"));
    fixture.restart(victim);
    ParagraphSets.Run rerun = index("nodekill", v1);

    assertEquals(0, rerun.code(), rerun.err());
    assertEquals(cleanV1, ParagraphSets.cluster(cluster, "nodekill"));
    assertEquals(1, indices("nodekill-b*").size());
  }

  @Test
  void killPassages_midFullBuild_nothingLive_reRunEqualsCleanBuild() throws Exception {
    Process child = child("prockill", v1);
    boolean alive =
        awaitDocuments("prockill-b*", "{\"match_all\": {}}", 600, () -> !child.isAlive());
    child.destroyForcibly();
    assertTrue(child.waitFor(1, TimeUnit.MINUTES));

    assertTrue(alive, "the child ended before it was killed: " + childOutput());
    assertEquals(137, child.exitValue());
    assertEquals(0, indices("prockill").size()); // the alias never went live
    ParagraphSets.Run rerun = index("prockill", v1);
    assertEquals(0, rerun.code(), rerun.err());
    assertEquals(cleanV1, ParagraphSets.cluster(cluster, "prockill"));
    assertEquals(1, indices("prockill-b*").size()); // the killed build's index is gone
  }

  @Test
  void killPassages_midIncrementalRun_everyArticleOld_reRunEqualsCleanBuild() throws Exception {
    ParagraphSets.Run first = index("updkill", v1);
    assertEquals(0, first.code(), first.err());

    Process child = child("updkill", v2);
    boolean alive =
        awaitDocuments(
            "updkill-b*", "{\"range\": {\"run\": {\"gte\": 2}}}", 300, () -> !child.isAlive());
    child.destroyForcibly();
    assertTrue(child.waitFor(1, TimeUnit.MINUTES));

    assertTrue(alive, "the child ended before it was killed: " + childOutput());
    assertEquals(137, child.exitValue());
    assertEquals(cleanV1, ParagraphSets.cluster(cluster, "updkill")); // every article old
    ParagraphSets.Run rerun = index("updkill", v2);
    assertEquals(0, rerun.code(), rerun.err());
    assertEquals(cleanV2, ParagraphSets.cluster(cluster, "updkill"));
    // and nothing left behind in the index itself: no old version, no half-written new one
    assertEquals(cleanV2, ParagraphSets.cluster(cluster, indices("updkill-b*").get(0)));
  }

  private ParagraphSets.Run index(String alias, Path corpus) {
    return run(
        "index",
        "--backend",
        "opensearch",
        "--opensearch",
        urls,
        "--opensearch-alias",
        alias,
        "--corpus",
        corpus.toString());
  }

  private Process child(String alias, Path corpus) throws IOException {
    List<String> cmd =
        ParagraphSets.childCommand(
            "index",
            "--backend",
            "opensearch",
            "--opensearch",
            urls,
            "--opensearch-alias",
            alias,
            "--corpus",
            corpus.toString());
    return new ProcessBuilder(cmd)
        .redirectOutput(work.resolve("child.out").toFile())
        .redirectError(work.resolve("child.err").toFile())
        .start();
  }

  private static String childOutput() throws IOException {
    return Files.readString(work.resolve("child.out"))
        + Files.readString(work.resolve("child.err"));
  }

  /**
   * Waits until {@code pattern} holds at least {@code n} documents matching {@code query}.
   *
   * @return true when it does, false when {@code over} said the run ended first
   */
  private boolean awaitDocuments(
      String pattern, String query, long n, java.util.function.BooleanSupplier over)
      throws Exception {
    while (!over.getAsBoolean()) {
      ParagraphSets.request(cluster, "POST", "/" + pattern + "/_refresh", null);
      JsonNode r =
          ParagraphSets.request(
              cluster, "POST", "/" + pattern + "/_count", "{\"query\": " + query + "}");
      if (r.path("count").asLong() >= n) return true;
      Thread.sleep(POLL_MILLIS);
    }
    return false;
  }

  /** The indices (not aliases) that {@code pattern} names: an alias gives the index behind it. */
  private List<String> indices(String pattern) throws IOException {
    JsonNode r =
        ParagraphSets.request(cluster, "GET", "/" + pattern + "?expand_wildcards=open", null);
    if (r.has("error")) return List.of();
    List<String> out = new java.util.ArrayList<>();
    r.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
