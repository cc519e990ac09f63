package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code passages eval} on a real index of the three-article fixture
 * (src/test/resources/relevance-fixture): exact scores, the pool of unjudged hits, and a broken
 * judgments file named by line.
 */
class EvalCommandTest {
  static final Path FIXTURE = Path.of("src/test/resources/relevance-fixture");
  @TempDir static Path index;

  @BeforeAll
  static void buildIndex() {
    MainTest.Run r =
        MainTest.run(
            "index",
            "--corpus",
            FIXTURE.resolve("corpus.jsonl").toString(),
            "--index",
            index.toString());
    if (r.code() != 0) throw new IllegalStateException(r.toString());
  }

  @Test
  void eval_fixture_printsExactScoresPerQueryClassAndHeadlines(@TempDir Path tmp) throws Exception {
    Path pool = tmp.resolve("pool.tsv");

    MainTest.Run r =
        MainTest.run(
            "eval",
            "--index",
            index.toString(),
            "--judgments",
            FIXTURE.toString(),
            "--pool",
            pool.toString());

    assertEquals(0, r.code(), r.err());
    // q1: both hits substantive grade 2; ideal adds a judged grade-3 paragraph not retrieved now:
    // (2 + 2/log2(3)) / (3 + 2/log2(3) + 2/log2(4)) = 3.2619 / 5.2619 = 0.620
    assertEquals(
        """
        | query | class | P@3 | P@10 | junk@10 | nDCG@10 | unjudged | q |
        |---|---|---:|---:|---:|---:|---:|---|
        | q1 | bench | 0.67 | 0.20 | 0/2 | 0.620 | 0 | `border wall` |
        | q2 | bench | 0.00 | 0.00 | 1/3 | 0.000 | 1 | `"spending bill"` |
        | q3 | analyst | 0.33 | 0.10 | 0/1 | 1.000 | 0 | `pipeline` |

        | set | queries | P@3 | P@10 | junk@10 | nDCG@10 | unjudged hits |
        |---|---:|---:|---:|---:|---:|---:|
        | all | 3 | 0.333 | 0.100 | 16.7% | 0.540 | 1 of 6 |
        | bench | 2 | 0.333 | 0.100 | 20.0% | 0.310 | 1 of 5 |
        | analyst | 1 | 0.333 | 0.100 | 0.0% | 1.000 | 0 of 1 |

        headline hit@1: 1 of 2
          missed r9 "Pipeline permit" (first hit: r3; the article is not in the index)
        """,
        r.out());
    assertEquals("1 unjudged hits written to " + pool + "\n", r.err());
    assertEquals(
        List.of(
            EvalCommand.POOL_HEADER,
            "q2\tr2\t14a72383435f9544\t\t\tThe spending bill now goes to the House, where leaders expect a vote before the weekend."
                + "\t3\tr2.p3\tWire Two\tSenators reach a late deal\t\t"
                + "The spending bill now goes to the House, where leaders expect a vote before the weekend."),
        Files.readAllLines(pool, StandardCharsets.UTF_8));
  }

  @Test
  void eval_badGradeInJudgments_exit1NamingFileAndLine(@TempDir Path set) throws Exception {
    Files.copy(FIXTURE.resolve("queries.tsv"), set.resolve("queries.tsv"));
    Files.writeString(
        set.resolve("judgments.tsv"),
        "q1\tr1\t0bb7ca89879cd57d\tsubstantive\t2\tok\n"
            + "q1\tr1\t09ad542ea6355842\tsubstantive\t4\ttoo high\n",
        StandardCharsets.UTF_8);

    MainTest.Run r =
        MainTest.run("eval", "--index", index.toString(), "--judgments", set.toString());

    assertEquals(1, r.code());
    assertEquals(
        "passages: " + set.resolve("judgments.tsv") + ":2: grade must be 0..3, got '4'\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void eval_poolDepthOutOfRange_exit2NamingTheOption() {
    MainTest.Run r =
        MainTest.run(
            "eval",
            "--index",
            index.toString(),
            "--judgments",
            FIXTURE.toString(),
            "--pool-depth",
            "101");

    assertEquals(2, r.code());
    assertEquals("passages: --pool-depth must be 1..100, got 101\n", r.err());
  }

  @Test
  void eval_noQueriesFile_exit1NamingTheFolder(@TempDir Path empty) {
    MainTest.Run r =
        MainTest.run("eval", "--index", index.toString(), "--judgments", empty.toString());

    assertEquals(1, r.code());
    assertEquals("passages: no queries.tsv in " + empty + "\n", r.err());
  }

  @Test
  void eval_fromAnotherDirectory_findsTheJudgedSetInPassagesHome(@TempDir Path elsewhere)
      throws Exception {
    // run as ./passages runs it from another folder: this said "no queries.tsv in
    // src/test/resources/relevance" (the default was read from the working directory)
    Process child =
        ChildCli.start(
            Path.of(""),
            elsewhere,
            elsewhere.resolve("eval.err"),
            "eval",
            "--index",
            index.toAbsolutePath().toString());
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, child.waitFor(), Files.readString(elsewhere.resolve("eval.err")));
    assertEquals(
        "| query | class | P@3 | P@10 | junk@10 | nDCG@10 | unjudged | q |",
        out.lines().findFirst().orElse(""));
    long queries =
        Files.readAllLines(Path.of(EvalCommand.DEFAULT_JUDGMENTS, "queries.tsv")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .count();
    assertEquals(queries, out.lines().takeWhile(l -> !l.isBlank()).count() - 2);
  }
}
