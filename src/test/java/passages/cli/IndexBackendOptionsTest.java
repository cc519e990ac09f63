package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static passages.cli.ParagraphSets.run;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code passages index --backend opensearch}: the user's mistakes, each one line and exit 2. */
class IndexBackendOptionsTest {
  @TempDir Path corpus;

  @Test
  void index_zeroShards_namesTheOption_exit2() {
    ParagraphSets.Run r =
        run(
            "index",
            "--backend",
            "opensearch",
            "--opensearch",
            "http://127.0.0.1:1",
            "--shards",
            "0",
            "--corpus",
            corpus.toString());

    assertEquals(new ParagraphSets.Run(2, "", "passages: --shards must be at least 1, got 0\n"), r);
  }

  @Test
  void index_negativeReplicas_namesTheOption_exit2() {
    ParagraphSets.Run r =
        run(
            "index",
            "--backend",
            "opensearch",
            "--opensearch",
            "http://127.0.0.1:1",
            "--replicas",
            "-1",
            "--corpus",
            corpus.toString());

    assertEquals(
        new ParagraphSets.Run(2, "", "passages: --replicas must be at least 0, got -1\n"), r);
  }

  @Test
  void index_noUrl_namesTheOption_exit2() {
    ParagraphSets.Run r = run("index", "--backend", "opensearch", "--corpus", corpus.toString());

    assertEquals(2, r.code());
    assertEquals(
        "passages: --backend opensearch needs --opensearch URL[,URL…], e.g. --opensearch http://127.0.0.1:9200\n",
        r.err());
  }

  @Test
  void index_unreachableCluster_oneLineNamingTheOption_exit2() {
    ParagraphSets.Run r =
        run(
            "index",
            "--backend",
            "opensearch",
            "--opensearch",
            "http://127.0.0.1:1",
            "--corpus",
            corpus.toString());

    assertEquals(2, r.code());
    assertEquals(true, r.err().startsWith("passages: --opensearch http://127.0.0.1:1: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
