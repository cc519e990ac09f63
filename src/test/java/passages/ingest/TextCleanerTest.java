package passages.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import passages.model.Paragraph;

class TextCleanerTest {
  private static final Path CORPUS = Path.of("corpus");
  private static final Path GOLDEN = Path.of("src/test/resources/cleaning");

  static Stream<String> seeds() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      List<String> names =
          s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
      if (names.size() != 5)
        throw new IllegalStateException("expected the 5 seed files in corpus/, found " + names);
      return names.stream();
    }
  }

  /**
   * Golden files: the seed's title, every kept paragraph with its section, every dropped line with
   * its reason.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void clean_seed_matchesGoldenFile(String name) throws IOException {
    CleanedText cleaned =
        TextCleaner.clean(Files.readString(CORPUS.resolve(name), StandardCharsets.UTF_8));

    String expected =
        Files.readString(GOLDEN.resolve(name.replace(".txt", ".expected")), StandardCharsets.UTF_8);
    assertEquals(expected, render(cleaned));
  }

  /**
   * Nothing is lost: every non-blank line of a seed is the title, a heading, (part of) a paragraph,
   * or dropped.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void clean_seed_accountsForEveryLine(String name) throws IOException {
    String raw = Files.readString(CORPUS.resolve(name), StandardCharsets.UTF_8);

    CleanedText cleaned = TextCleaner.clean(raw);

    java.util.Set<String> kept = new java.util.HashSet<>();
    if (cleaned.title() != null) kept.add(cleaned.title());
    for (Paragraph p : cleaned.paragraphs()) {
      kept.addAll(List.of(p.text().split("\n")));
      if (p.section() != null) kept.add(p.section());
    }
    for (DroppedLine d : cleaned.dropped()) kept.add(d.text());
    for (String line : raw.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty())
        org.junit.jupiter.api.Assertions.assertTrue(kept.contains(t), name + ": line lost: " + t);
    }
  }

  @Test
  void clean_promoBlockInOtherWords_droppedButClosingListKept() {
    String raw =
        """
        Chipmakers Race to Build Custom Accelerators
        Demand for training capacity keeps rising across the industry, analysts said on Monday.
        The companies named three priorities:
        - Lower power per chip
        - Faster interconnects
        Was this article useful?
        Get in touch with our team
        We specialize in growth marketing for startups and can help your brand stand out.
        - SEO Audits
        - Landing Page Design
        """;

    CleanedText cleaned = TextCleaner.clean(raw);

    assertEquals("Chipmakers Race to Build Custom Accelerators", cleaned.title());
    assertEquals(
        List.of(
            new Paragraph(
                1,
                null,
                "Demand for training capacity keeps rising across the industry, analysts said on Monday."),
            new Paragraph(2, null, "The companies named three priorities:"),
            new Paragraph(3, null, "- Lower power per chip"),
            new Paragraph(4, null, "- Faster interconnects")),
        cleaned.paragraphs());
    assertEquals(
        List.of(
            new DroppedLine(6, "Was this article useful?", DropReason.PROMO),
            new DroppedLine(7, "Get in touch with our team", DropReason.PROMO),
            new DroppedLine(
                8,
                "We specialize in growth marketing for startups and can help your brand stand out.",
                DropReason.PROMO),
            new DroppedLine(9, "- SEO Audits", DropReason.PROMO),
            new DroppedLine(10, "- Landing Page Design", DropReason.PROMO)),
        cleaned.dropped());
  }

  @Test
  void clean_articleEndingWithShortListAndNoCall_keepsEverything() {
    String raw = "Markets opened higher on Tuesday.\nWhat to watch\n- Rates\n- Earnings\n";

    CleanedText cleaned = TextCleaner.clean(raw);

    assertEquals(
        List.of(
            new Paragraph(1, null, "Markets opened higher on Tuesday."),
            new Paragraph(2, "What to watch", "- Rates"),
            new Paragraph(3, "What to watch", "- Earnings")),
        cleaned.paragraphs());
    assertEquals(List.of(), cleaned.dropped());
  }

  @Test
  void clean_adLabelsWidgetsShortLineRuns_droppedOrKeptAsContent() {
    String raw =
        """
        Storm Closes Ports Along the Coast
        photo-credit
        Jane Doe
        Updated 2 hours ago
        thumbnail

        Officials closed three ports on Friday as the storm approached.
        ADVERTISEMENT
        Story continues below
        Shipping companies rerouted vessels to inland terminals.
        Harbour masters on duty
        Weather outlook
        Forecasters expect the winds to ease by Sunday.
        | Port | Status |
        |------|--------|
        | North | Closed |
        Further updates tonight
        """;

    CleanedText cleaned = TextCleaner.clean(raw);

    assertEquals(
        List.of(
            new Paragraph(
                1, null, "Officials closed three ports on Friday as the storm approached."),
            new Paragraph(2, null, "Shipping companies rerouted vessels to inland terminals."),
            new Paragraph(3, null, "Harbour masters on duty"),
            new Paragraph(4, "Weather outlook", "Forecasters expect the winds to ease by Sunday."),
            new Paragraph(5, "Weather outlook", "| Port | Status |\n| North | Closed |"),
            new Paragraph(6, "Weather outlook", "Further updates tonight")),
        cleaned.paragraphs());
    assertEquals(
        List.of(
            new DroppedLine(2, "photo-credit", DropReason.PLACEHOLDER),
            new DroppedLine(3, "Jane Doe", DropReason.WIDGET),
            new DroppedLine(4, "Updated 2 hours ago", DropReason.TIMESTAMP),
            new DroppedLine(5, "thumbnail", DropReason.PLACEHOLDER),
            new DroppedLine(8, "ADVERTISEMENT", DropReason.AD_LABEL),
            new DroppedLine(9, "Story continues below", DropReason.AD_LABEL),
            new DroppedLine(15, "|------|--------|", DropReason.TABLE_RULE)),
        cleaned.dropped());
  }

  @Test
  void clean_emptyOrBlankText_givesNothing() {
    assertEquals(new CleanedText(null, List.of(), List.of()), TextCleaner.clean(""));
    assertEquals(new CleanedText(null, List.of(), List.of()), TextCleaner.clean("\n \r\n\t\n"));
  }

  @Test
  void clean_windowsLineEndingsAndNbsp_normalised() {
    CleanedText cleaned =
        TextCleaner.clean("First line of text, a sentence.\r\nSecond\u00A0 line   here.\r\n");

    assertEquals(
        List.of(
            new Paragraph(1, null, "First line of text, a sentence."),
            new Paragraph(2, null, "Second line here.")),
        cleaned.paragraphs());
  }

  /** The golden-file format: one line per title, paragraph and dropped line. */
  static String render(CleanedText c) {
    StringBuilder sb = new StringBuilder();
    sb.append("title: ").append(c.title()).append('\n');
    for (Paragraph p : c.paragraphs()) {
      sb.append("p")
          .append(p.ordinal())
          .append(" [")
          .append(p.section() == null ? "" : p.section())
          .append("] ")
          .append(p.text().replace("\n", "\\n"))
          .append('\n');
    }
    for (DroppedLine d : c.dropped()) {
      sb.append("drop ")
          .append(d.line())
          .append(" ")
          .append(d.reason())
          .append(": ")
          .append(d.text())
          .append('\n');
    }
    return sb.toString();
  }
}
