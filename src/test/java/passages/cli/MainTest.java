package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI through {@link Main#run}: exit codes and exact output. */
class MainTest {
  @TempDir static Path index;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void buildIndex() {
    Run r = run("index", "--corpus", "corpus", "--index", index.toString());
    if (r.code() != 0) throw new IllegalStateException(r.toString());
  }

  @Test
  void index_seeds_reportsCountsAndDroppedLinesThenNothingToDo(
      @TempDir Path corpus, @TempDir Path fresh) throws Exception {
    try (var seeds = java.nio.file.Files.list(Path.of("corpus"))) {
      for (Path f : seeds.toList())
        java.nio.file.Files.copy(
            f, corpus.resolve(f.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }
    Run first = run("index", "--corpus", corpus.toString(), "--index", fresh.toString());
    Run second = run("index", "--corpus", corpus.toString(), "--index", fresh.toString());
    // a file touched but not changed: read again, found unchanged by its content hash
    Path touched = corpus.resolve("000_a5713e335d5c133d.txt");
    java.nio.file.Files.setLastModifiedTime(
        touched, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
    Run third = run("index", "--corpus", corpus.toString(), "--index", fresh.toString());

    assertEquals(0, first.code(), first.err());
    assertTrue(
        first
            .out()
            .startsWith(
                corpus
                    + " → "
                    + fresh
                    + ": 5 articles indexed (97 paragraphs), 0 unchanged, 0 deleted; "
                    + "97 paragraphs in the index; dropped 28 junk lines {advertising label=3, author/media widget=2, "
                    + "image/widget placeholder=2, promo/contact/feedback block after the article=21}; 0 failed; "),
        first.out());
    assertEquals(0, second.code(), second.err());
    assertEquals(
        corpus
            + " → "
            + fresh
            + ": up to date (the corpus files are unchanged since the last run); "
            + "97 paragraphs in the index\n",
        second.out());
    assertEquals(0, third.code(), third.err());
    assertTrue(
        third
            .out()
            .startsWith(
                corpus
                    + " → "
                    + fresh
                    + ": 0 articles indexed (0 paragraphs), 5 unchanged, 0 deleted; "
                    + "97 paragraphs in the index;"),
        third.out());
  }

  @Test
  void index_aDateItCannotRead_isNamedWithItsLine_andTheArticleIndexedUndated(
      @TempDir Path corpus, @TempDir Path idx) throws Exception {
    String body = "\"paragraphs\": [\"A real paragraph of news text, long enough to keep.\"]";
    java.nio.file.Files.writeString(
        corpus.resolve("a.jsonl"),
        "{\"id\": \"ok\", \"date\": \"2016-03-02\", "
            + body
            + "}\n{\"id\": \"us\", \"date\": \"12/03/2016\", "
            + body
            + "}\n{\"id\": \"blank\", \"date\": \"\", "
            + body
            + "}\n{\"id\": \"feb\", \"date\": \"2016-02-30\", "
            + body
            + "}\n");

    Run r = run("index", "--corpus", corpus.toString(), "--index", idx.toString());

    assertEquals(0, r.code(), r.err());
    String note =
        "' is not a date passages reads (YYYY-MM-DD, an ISO date-time, 'March 3, 2024' or"
            + " '3 March 2024', years 1900-2200); indexed without a date\n";
    assertEquals(
        corpus.resolve("a.jsonl")
            + ":2: date '12/03/2016"
            + note
            + corpus.resolve("a.jsonl")
            + ":4: date '2016-02-30"
            + note,
        r.err());
    Run us = run("search", "", "--json", "--index", idx.toString());
    assertTrue(us.out().contains("\"id\":\"us.p1\""), us.out());
    assertTrue(!us.out().contains("\"date\":\"2016-12-03\""), us.out());
  }

  @Test
  void index_corpusWithBadFiles_exit3PartialNamingEachFile(@TempDir Path corpus, @TempDir Path idx)
      throws Exception {
    java.nio.file.Files.writeString(corpus.resolve("good.txt"), "A real paragraph of news text.\n");
    java.nio.file.Files.write(corpus.resolve("empty.txt"), new byte[0]);
    java.nio.file.Files.write(
        corpus.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '.'});
    java.nio.file.Files.writeString(corpus.resolve("notes.md"), "# notes");

    Run r = run("index", "--corpus", corpus.toString(), "--index", idx.toString());

    assertEquals(3, r.code());
    assertEquals(
        corpus.resolve("empty.txt")
            + ": empty file\n"
            + corpus.resolve("latin1.txt")
            + ": not valid UTF-8 text\n"
            + corpus.resolve("notes.md")
            + ": skipped: unsupported file type (supported: .txt, .html, .htm, .html.gz, .htm.gz, .jsonl, .jsonl.gz)\n",
        r.err());
    assertTrue(
        r.out()
            .contains(
                ": 1 articles indexed (1 paragraphs), 0 unchanged, 0 deleted; 1 paragraphs in the index; "
                    + "dropped 0 junk lines {}; 3 failed; "),
        r.out());

    Run again = run("index", "--corpus", corpus.toString(), "--index", idx.toString());
    assertEquals(3, again.code(), "the same files still fail");
    assertEquals(
        corpus
            + " → "
            + idx
            + ": up to date (the corpus files are unchanged since the last run); 1 paragraphs "
            + "in the index; 3 items failed in that run (index --rebuild lists them again)\n",
        again.out());
  }

  @Test
  void bench_reuseIndexesWithNoneThere_exit1NamingTheFolder(@TempDir Path work) throws Exception {
    Path queries = work.resolve("q.txt");
    java.nio.file.Files.writeString(queries, "amazon\n");
    Path corpus = work.resolve("c.jsonl");
    java.nio.file.Files.writeString(corpus, "{\"id\": \"a\", \"paragraphs\": [\"Amazon.\"]}\n");

    Run r =
        run(
            "bench",
            "--reuse-indexes",
            "--work",
            work.resolve("w").toString(),
            "--corpus",
            corpus.toString(),
            "--queries",
            queries.toString());

    assertEquals(1, r.code());
    assertEquals(
        "passages: --reuse-indexes: no baseline index in "
            + work.resolve("w").resolve("baseline")
            + " (run the benchmark once without --reuse-indexes)\n",
        r.err());
  }

  @Test
  void search_trainium3_printsTheTwoParagraphs() {
    Run r = run("search", "Trainium3", "--index", index.toString());

    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals("2 paragraphs match: Trainium3", lines[0]);
    assertEquals(
        "000_a5713e335d5c133d.p10  Unknown outlet · The reported discussions could value OpenAI above $500 billion "
            + "and may include a hardware… › Why the chip component matters",
        lines[2]);
    assertEquals("  /articles/000_a5713e335d5c133d#p-10", lines[4]);
    assertEquals(
        "001_ed1477a7c1dbfa86.p26  Khogendra Rupini · OpenAI and Amazon in Talks for $10 Billion Investment as AI "
            + "Cloud Rivalry Deepens › Scaling Trainium for Enterprise AI",
        lines[6]);
    assertEquals(
        "  The upcoming [Trainium3] accelerator is beginning to roll out in select data centers, with AWS executives "
            + "signaling plans to scale deployment rapidly in the coming year.",
        lines[7]);
    assertEquals("  /articles/001_ed1477a7c1dbfa86#p-26", lines[8]);
    assertEquals(9, lines.length);
  }

  @Test
  void search_outletFilter_json() {
    Run r = run("search", "Trainium", "--outlet", "CIOL", "--json", "--index", index.toString());

    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "{\"query\":\"Trainium\",\"total\":1,\"groups\":1,\"hits\":[{\"id\":\"002_812369ea3ecc10d9.p12\","),
        r.out());
  }

  @Test
  void search_fromToSort_onTheDatedCorpus(@TempDir Path dated) {
    assertEquals(
        0,
        run("index", "--corpus", "src/test/resources/dated", "--index", dated.toString()).code());
    Run r =
        run(
            "search",
            "wall",
            "--from",
            "2016-01-20",
            "--to",
            "2016-03",
            "--sort",
            "newest",
            "--meta",
            "bias:left",
            "--meta",
            "bias:center",
            "--index",
            dated.toString());

    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().split("\n");
    assertEquals("2 paragraphs match: wall", lines[0]);
    assertEquals("d4.p1  Center Post · Concert · 2016-03-31", lines[2]);
    assertEquals("d3.p2  Left Daily · Taxes rise · 2016-03-02", lines[6]);
    Run json = run("search", "wall", "--to", "2016-01", "--json", "--index", dated.toString());
    assertTrue(json.out().contains("\"date\":\"2016-01-31\""), json.out());
    assertTrue(
        !json.out().contains("\"timeline\""), json.out()); // as GET /api/search without timeline=
    assertEquals(
        new Run(
            2, "", "passages: --from must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '2016-1'\n"),
        run("search", "wall", "--from", "2016-1", "--index", dated.toString()));
    assertEquals(
        new Run(2, "", "passages: --sort must be relevance, newest or oldest, got 'new'\n"),
        run("search", "wall", "--sort", "new", "--index", dated.toString()));
    assertEquals(
        new Run(
            2,
            "",
            "passages: --meta: no article has bias 'Lefty' (values: 'center', 'left', 'right')\n"),
        run("search", "wall", "--meta", "bias:Lefty", "--index", dated.toString()));
    assertEquals(
        new Run(2, "", "passages: --offset must be 0..10000, got -1\n"),
        run("search", "wall", "--offset", "-1", "--index", dated.toString()));
    assertEquals(
        new Run(2, "", "passages: --kind must be body, caption or all, got 'captions'\n"),
        run("search", "wall", "--kind", "captions", "--index", dated.toString()));
  }

  @Test
  void search_missingIndex_exit1WithOneLine(@TempDir Path empty) {
    Run r = run("search", "x", "--index", empty.resolve("none").toString());

    assertEquals(1, r.code());
    assertEquals(
        "passages: no index at " + empty.resolve("none") + " (build it with: passages index)\n",
        r.err());
  }

  @Test
  void search_badQueryOrArguments_exit2() {
    assertEquals(
        new Run(
            2,
            "",
            "passages: invalid query: Cannot parse 'foo AND': Encountered \"<EOF>\" at line 1, column 7.\n"),
        run("search", "foo AND", "--index", index.toString()));
    assertEquals(
        new Run(2, "", "passages: --limit must be 1..100, got 500\n"),
        run("search", "x", "--limit", "500", "--index", index.toString()));
    assertEquals(
        new Run(
            2,
            "",
            "passages: unknown outlet 'Nope' (values: 'CIOL', 'Dailyza', 'Khogendra Rupini', 'SecurityOnline')\n"),
        run("search", "x", "--outlet", "Nope", "--index", index.toString()));
    Run badInt = run("search", "x", "--limit", "abc");
    assertEquals(2, badInt.code());
    assertEquals(
        "passages: Invalid value for option '--limit': 'abc' is not an int (see: passages search --help)\n",
        badInt.err());
    assertEquals(2, run("frobnicate").code());
  }

  @Test
  void clean_file_listsKeptParagraphsAndDroppedLines() {
    Run r = run("clean", "corpus/002_812369ea3ecc10d9.txt");

    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "article 002_812369ea3ecc10d9\ntitle: Amazon in Early Talks to Invest in OpenAI: Reports\n\n"
                    + "kept 16 paragraphs:\n  002_812369ea3ecc10d9.p1  Amazon is in early talks"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "\n  § Why Amazon’s Interest Matters\n  002_812369ea3ecc10d9.p5  Amazon already plays"),
        r.out());
    assertTrue(
        r.out()
            .endsWith(
                "dropped 7 lines:\n"
                    + "  line 5  [image/widget placeholder]       author-image\n"
                    + "  line 6  [author/media widget]            Manisha Sharma\n"
                    + "  line 7  [author/media widget]            New Update\n"
                    + "  line 8  [image/widget placeholder]       image\n"
                    + "  line 12  [advertising label]              Advertisment\n"
                    + "  line 30  [advertising label]              Advertisment\n"
                    + "  line 48  [advertising label]              Advertisment\n"),
        r.out());
  }

  @Test
  void clean_missingFile_exit1() {
    assertEquals(new Run(1, "", "passages: no such file: nope.txt\n"), run("clean", "nope.txt"));
  }
}
