package passages.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import passages.bench.RelevanceSet.Label;
import passages.bench.RelevanceSet.ParagraphKey;

/**
 * Reading a judged set: the checked-in allsides set as it stands, and malformed files named by
 * line.
 */
class RelevanceSetTest {
  static final String QUERIES = "q1\tbench\tborder wall\nq2\tanalyst\t\"$38 billion\"\n";

  @Test
  void read_checkedInSet_70Queries1601JudgmentsAnd10Headlines() throws IOException {
    RelevanceSet set = RelevanceSet.read(Path.of("src/test/resources/relevance"));

    assertEquals(70, set.queries().size());
    assertEquals(40, set.queries().stream().filter(q -> q.queryClass().equals("bench")).count());
    assertEquals(30, set.queries().stream().filter(q -> q.queryClass().equals("analyst")).count());
    assertEquals(10, set.headlines().size());
    Map<Label, Integer> labels = new TreeMap<>();
    set.judgments()
        .values()
        .forEach(m -> m.values().forEach(j -> labels.merge(j.label(), 1, Integer::sum)));
    assertEquals(
        Map.of(Label.SUBSTANTIVE, 1914, Label.FRAGMENT, 202, Label.JUNK, 213, Label.OFFTOPIC, 52),
        labels);
    // every query has judged hits but "times llc", which finds nothing
    assertEquals(69, set.judgments().size());
  }

  @Test
  void read_validFiles_keysJudgmentsByArticleAndSignature(@TempDir Path dir) throws IOException {
    write(
        dir,
        QUERIES,
        "# a comment\n\nq1\tr1\t0bb7ca89879cd57d\tsubstantive\t3\tThe border wall would cost\n",
        "r1\tA \"quoted\" headline\n");

    RelevanceSet set = RelevanceSet.read(dir);

    var j = set.judgmentsOf("q1").get(new ParagraphKey("r1", 0x0bb7ca89879cd57dL));
    assertEquals(Label.SUBSTANTIVE, j.label());
    assertEquals(3, j.grade());
    assertEquals(true, j.good());
    assertEquals("0bb7ca89879cd57d", j.paragraph().signatureHex());
    assertEquals(Map.of(), set.judgmentsOf("q2"));
    assertEquals("\"A  quoted  headline\"", set.headlines().getFirst().phraseQuery());
  }

  static Stream<Arguments> malformed() {
    String ok = "q1\tr1\t0bb7ca89879cd57d\tjunk\t0\tx\n";
    return Stream.of(
        Arguments.of(QUERIES + "q1\tbench\tagain\n", "", "queries.tsv:3: duplicate query id 'q1'"),
        Arguments.of("q1\tbench\n", "", "queries.tsv:1: expected 3 tab-separated columns, got 2"),
        Arguments.of(
            QUERIES,
            ok + "q9\tr1\t0bb7ca89879cd57d\tjunk\t0\tx\n",
            "judgments.tsv:2: unknown query id 'q9'"),
        Arguments.of(
            QUERIES,
            ok + "q1\tr1\t0bb7ca89879cd57\tjunk\t0\tx\n",
            "judgments.tsv:2: signature must be 16 hex digits, got '0bb7ca89879cd57'"),
        Arguments.of(
            QUERIES,
            ok + "q1\tr1\t0bb7ca89879cd57g\tjunk\t0\tx\n",
            "judgments.tsv:2: signature must be 16 hex digits, got '0bb7ca89879cd57g'"),
        Arguments.of(
            QUERIES,
            "q1\tr1\t0bb7ca89879cd57d\tgood\t2\tx\n",
            "judgments.tsv:1: label must be substantive, fragment, junk or offtopic, got 'good'"),
        Arguments.of(
            QUERIES,
            "q1\tr1\t0bb7ca89879cd57d\tjunk\t\tx\n",
            "judgments.tsv:1: grade must be 0..3, got ''"),
        Arguments.of(
            QUERIES,
            ok + "q1\tr1\t0bb7ca89879cd57d\tsubstantive\t2\ty\n",
            "judgments.tsv:2: paragraph r1 0bb7ca89879cd57d judged twice for q1"),
        Arguments.of(
            QUERIES,
            "q1\tr1\t0bb7ca89879cd57d\tjunk\t0\n",
            "judgments.tsv:1: expected 6 tab-separated columns, got 5"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void read_malformedRow_failsNamingFileAndLine(
      String queries, String judgments, String message, @TempDir Path dir) throws IOException {
    write(dir, queries, judgments, null);

    var e = assertThrows(IllegalArgumentException.class, () -> RelevanceSet.read(dir));

    assertEquals(dir + "/" + message, e.getMessage());
  }

  private static void write(Path dir, String queries, String judgments, String headlines)
      throws IOException {
    Files.writeString(dir.resolve(RelevanceSet.QUERIES), queries, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(RelevanceSet.JUDGMENTS), judgments, StandardCharsets.UTF_8);
    if (headlines != null)
      Files.writeString(dir.resolve(RelevanceSet.HEADLINES), headlines, StandardCharsets.UTF_8);
  }
}
