package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import passages.index.IndexProgress;

class ProgressPrinterTest {
  private final StringWriter out = new StringWriter();

  private ProgressPrinter printer(boolean terminal) {
    return new ProgressPrinter(new PrintWriter(out), terminal);
  }

  @Test
  void format_barRatesAndEta() {
    assertEquals(
        "[############............]  50%  100 articles (10/s)  2,000 paragraphs (200/s)  ETA 0:10",
        ProgressPrinter.format(new IndexProgress(50, 100, 100, 2000, 10_000, false)));
  }

  @Test
  void format_merging_namesTheStepInsteadOfAnEta() {
    assertEquals(
        "[########################] 100%  100 articles (5/s)  2,000 paragraphs (100/s)  merging into one segment…",
        ProgressPrinter.format(new IndexProgress(100, 100, 100, 2000, 20_000, true)));
  }

  @Test
  void plain_aShortRunPrintsNothing_notEvenItsSteps() {
    ProgressPrinter p = printer(false);
    p.step("learning entity names from the first 250,000 paragraphs…");
    p.accept(new IndexProgress(10, 100, 1, 10, 500, false));
    p.accept(new IndexProgress(100, 100, 2, 20, 900, true));
    p.finish();
    assertEquals("", out.toString());
  }

  @Test
  void plain_aLongRunPrintsALineEveryTenSeconds_andTheMergeStep() {
    ProgressPrinter p = printer(false);
    p.accept(new IndexProgress(10, 100, 10, 100, 9_999, false));
    p.accept(new IndexProgress(50, 100, 50, 500, 10_000, false));
    p.accept(new IndexProgress(60, 100, 60, 600, 12_000, false));
    p.accept(new IndexProgress(100, 100, 100, 1000, 20_000, true));
    p.finish();
    assertEquals(
        "[############............]  50%  50 articles (5/s)  500 paragraphs (50/s)  ETA 0:10\n"
            + "[########################] 100%  100 articles (5/s)  1,000 paragraphs (50/s)  merging into one segment…\n",
        out.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void terminal_stepsAndTheBarAreDrawnInPlace_thenEndWithANewline() {
    ProgressPrinter p = printer(true);
    p.step("learning…");
    p.accept(new IndexProgress(100, 100, 1, 10, 1_000, true));
    p.finish();
    assertEquals(
        "\rlearning…\u001b[K"
            + "\r[########################] 100%  1 articles (1/s)  10 paragraphs (10/s)  merging into one segment…\u001b[K\n",
        out.toString().replace(System.lineSeparator(), "\n"));
  }
}
