package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first line of {@code passages search}: the count, in words a reader expects. */
class SearchCommandTest {
  @TempDir static Path corpus;
  @TempDir static Path index;

  @BeforeAll
  static void buildIndex() throws Exception {
    String wire = "The senate passed the border bill on Tuesday after a long and bitter debate.\n";
    Files.writeString(
        corpus.resolve("a.txt"),
        "Senate passes bill\n\n"
            + wire
            + "\nOne reporter counted the votes twice before filing.\n");
    Files.writeString(corpus.resolve("b.txt"), "Bill passes\n\n" + wire);
    MainTest.Run r =
        MainTest.run("index", "--corpus", corpus.toString(), "--index", index.toString());
    if (r.code() != 0) throw new IllegalStateException(r.toString());
  }

  static String firstLine(String... args) {
    MainTest.Run r = MainTest.run(args);
    assertEquals(0, r.code(), r.err());
    return r.out().lines().findFirst().orElse("");
  }

  @Test
  void oneMatch_isSingular() {
    // this said "1 paragraph match: reporter"
    assertEquals(
        "1 paragraph matches: reporter",
        firstLine("search", "reporter", "--index", index.toString()));
  }

  @Test
  void collapse_saysHowManyDistinctTexts() {
    assertEquals(
        "2 paragraphs match in 1 group: senate",
        firstLine("search", "senate", "--collapse", "--index", index.toString()));
    assertEquals(
        "2 paragraphs match: senate", firstLine("search", "senate", "--index", index.toString()));
  }
}
