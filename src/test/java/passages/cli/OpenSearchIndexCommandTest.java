package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static passages.cli.ParagraphSets.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * {@code passages index --backend opensearch} on a real 3-node cluster: the same report and the
 * same paragraphs as {@code passages index} into the embedded index, for a full build, a run with
 * nothing to do, and an incremental run (a changed article, a deleted one).
 */
@Tag("opensearch")
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchIndexCommandTest {
  private String urls;
  private Cluster cluster;

  @BeforeAll
  void connect(ClusterFixture fixture) {
    urls = String.join(",", fixture.urls());
    cluster = Cluster.connect(fixture.urls());
  }

  @AfterAll
  void disconnect() throws IOException {
    cluster.close();
  }

  @Test
  void index_seeds_sameReportAndParagraphsAsLucene_fullThenUpToDateThenIncremental(
      @TempDir Path corpus, @TempDir Path lucene) throws Exception {
    try (var seeds = Files.list(Path.of("corpus"))) {
      for (Path f : seeds.toList())
        Files.copy(f, corpus.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    }
    String target = "opensearch " + urls + " (alias seeds)";

    ParagraphSets.Run full = openSearch(corpus);
    ParagraphSets.Run luceneFull =
        run("index", "--corpus", corpus.toString(), "--index", lucene.toString());
    ParagraphSets.Run second = openSearch(corpus);

    assertEquals(0, full.code(), full.err());
    assertEquals(
        corpus
            + " → "
            + target
            + ": 5 articles indexed (97 paragraphs), 0 unchanged, 0 deleted; "
            + "97 paragraphs in the index; dropped 28 junk lines {advertising label=3, author/media widget=2, "
            + "image/widget placeholder=2, promo/contact/feedback block after the article=21}; 0 failed",
        withoutTime(full.out()));
    assertEquals(
        withoutTime(luceneFull.out()).replace(lucene.toString(), target), withoutTime(full.out()));
    assertEquals(ParagraphSets.lucene(lucene), ParagraphSets.cluster(cluster, "seeds"));
    assertEquals(0, second.code(), second.err());
    assertEquals(
        corpus
            + " → "
            + target
            + ": up to date (the corpus files are unchanged since the last run); "
            + "97 paragraphs in the index\n",
        second.out());

    // one article gets a paragraph more, one is deleted
    Files.writeString(
        corpus.resolve("001_ed1477a7c1dbfa86.txt"),
        "\n\nA closing paragraph on where the Trainium3 chips will be deployed first, added later.\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Files.delete(corpus.resolve("004_0998a82aa1485130.txt"));
    ParagraphSets.Run incremental = openSearch(corpus);
    ParagraphSets.Run luceneIncremental =
        run("index", "--corpus", corpus.toString(), "--index", lucene.toString());

    assertEquals(0, incremental.code(), incremental.err());
    assertEquals(
        withoutTime(luceneIncremental.out()).replace(lucene.toString(), target),
        withoutTime(incremental.out()));
    assertEquals(
        true,
        incremental.out().contains(": 1 articles indexed ("),
        incremental.out()); // the changed one alone was written
    assertEquals(true, incremental.out().contains(" unchanged, 1 deleted; "), incremental.out());
    assertEquals(ParagraphSets.lucene(lucene), ParagraphSets.cluster(cluster, "seeds"));
  }

  private ParagraphSets.Run openSearch(Path corpus) {
    return run(
        "index",
        "--backend",
        "opensearch",
        "--opensearch",
        urls,
        "--opensearch-alias",
        "seeds",
        "--corpus",
        corpus.toString());
  }

  /** The report line without its trailing {@code ; 1.2 s}. */
  private static String withoutTime(String out) {
    return out.strip().replaceAll("; [0-9.]+ s$", "");
  }
}
