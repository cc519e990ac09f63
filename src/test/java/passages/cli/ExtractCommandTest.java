package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {
  @TempDir Path tmp;

  private static final String ARTICLE_TEXT =
      "The summer fete on the green raised 8,450 pounds this year, the most in"
          + " its forty-year history, and all of it goes to the village library.\n\nOrganisers credit the new dog show and"
          + " a dry afternoon for the crowds after two washed-out years\n\nThe library will spend the money on a reading"
          + " corner for children and on longer opening hours on Saturdays.\n\nVolunteers are still needed for next year:"
          + " the committee meets on the first Monday of each month in the church hall.\n";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = new CommandLine(new ExtractCommand());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void extract_oneFile_printsBodyText_exit0() throws IOException {
    Path page = copy("broken-markup.html", "fete.html");

    int code = run(page.toString());

    assertEquals(0, code);
    assertEquals(ARTICLE_TEXT, out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void extract_outDir_writesOneTxtPerPage_exit0() throws IOException {
    Path a = copy("broken-markup.html", "fete.2023.html");
    Path b = copy("nasty-article.html", "bridge.html");
    Path dir = tmp.resolve("texts");

    int code = run("--out", dir.toString(), a.toString(), b.toString());

    assertEquals(0, code);
    assertEquals(List.of("bridge.txt", "fete.txt"), list(dir));
    assertEquals(ARTICLE_TEXT, Files.readString(dir.resolve("fete.txt")));
    assertTrue(
        Files.readString(dir.resolve("bridge.txt")).startsWith("The harbour bridge reopened"));
    assertEquals("", out.toString());
  }

  @Test
  void extract_someFilesBad_reportsEachOnStderr_continues_exit1() throws IOException {
    Path good = copy("broken-markup.html", "fete.html");
    Path empty = copy("empty.html", "empty.html");
    Path none = copy("no-article.html", "sitemap.html");
    Path missing = tmp.resolve("missing.html");
    Path dir = tmp.resolve("texts");

    int code =
        run(
            "--out",
            dir.toString(),
            empty.toString(),
            missing.toString(),
            none.toString(),
            good.toString());

    assertEquals(1, code);
    assertEquals(List.of("fete.txt"), list(dir));
    String[] lines = err.toString().split("\n");
    assertEquals(3, lines.length, err.toString());
    assertEquals("empty.html: empty page", lines[0]);
    // this was "missing.html: cannot read or write (java.nio.file.NoSuchFileException: …)"
    assertEquals("missing.html: no such file: " + missing, lines[1]);
    assertEquals("sitemap.html: no article text found", lines[2]);
  }

  @Test
  void extract_noFile_exit2() {
    int code = run();

    assertEquals(2, code);
    assertTrue(err.toString().startsWith("Missing required parameter: 'FILE'"), err.toString());
  }

  @Test
  void extract_twoFilesWithoutOut_exit2() throws IOException {
    Path a = copy("broken-markup.html", "a.html");

    int code = run(a.toString(), a.toString());

    assertEquals(2, code);
    assertTrue(
        err.toString().startsWith("without --out give exactly one FILE (got 2)"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void extract_unknownOption_exit2() {
    assertEquals(2, run("--bogus", "x.html"));
    assertFalse(err.toString().isEmpty());
  }

  @Test
  void stem_upToFirstDot() {
    assertEquals("abc", ExtractCommand.stem("abc.html.gz"));
    assertEquals("abc", ExtractCommand.stem("abc"));
    assertEquals(".hidden", ExtractCommand.stem(".hidden"));
  }

  private Path copy(String resource, String name) throws IOException {
    Path target = tmp.resolve(name);
    try (InputStream in = ExtractCommandTest.class.getResourceAsStream("/html/" + resource)) {
      Files.write(target, in.readAllBytes());
    }
    return target;
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
