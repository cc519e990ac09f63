package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code passages serve} as a real child process: which index it serves, and that it never
 * re-indexes an index the user named from a corpus the user did not name.
 */
class ServeCommandTest {
  private static final Pattern SERVING =
      Pattern.compile("serving (\\d+) paragraphs at http://127\\.0\\.0\\.1:(\\d+)");

  /** What a serve child printed up to its "serving" line, and the port it answers on. */
  record Started(List<String> lines, long paragraphs, int port) {}

  @Test
  void serve_namedIndexWithoutCorpus_isServedAsItIs_notReindexedFromTheDefaultCorpus(
      @TempDir Path home, @TempDir Path other, @TempDir Path index) throws Exception {
    // the default corpus (home/corpus) holds the 5 seed articles; the named index holds 1 other
    copySeeds(home.resolve("corpus"));
    Files.writeString(
        other.resolve("wall.txt"),
        "Border wall funding\n\nThe senate voted on the border wall funding bill late on Tuesday night.\n"
            + "\nA second paragraph says the vote was close, and that the house will vote next week.\n");
    MainTest.Run built =
        MainTest.run("index", "--corpus", other.toString(), "--index", index.toString());
    assertEquals(0, built.code(), built.err());

    Process child = serve(home, "--index", index.toString(), "--port", "0");
    try {
      Started s = awaitServing(child);
      assertEquals(
          List.of(
              "serving the index at "
                  + index
                  + " as it is (with --corpus PATH it is first brought in line with that corpus)"),
          s.lines());
      assertEquals(2, s.paragraphs());
      assertTrue(
          get(s.port(), "/api/search?q=senate&facets=false").contains("\"total\":1,"),
          "the named index's own article is served");
    } finally {
      child.destroy();
      child.waitFor();
    }
    // and the index on disk still holds only its own article
    MainTest.Run search = MainTest.run("search", "", "--index", index.toString());
    assertTrue(search.out().startsWith("2 paragraphs match"), search.out());
  }

  @Test
  void serve_namedIndexWithCorpus_isBroughtInLineWithThatCorpus(
      @TempDir Path home, @TempDir Path index) throws Exception {
    Path corpus = home.resolve("seeds");
    copySeeds(corpus);
    Process child =
        serve(home, "--index", index.toString(), "--corpus", corpus.toString(), "--port", "0");
    try {
      Started s = awaitServing(child);
      assertEquals("index is missing or stale: indexing " + corpus, s.lines().getFirst());
      assertEquals(97, s.paragraphs());
    } finally {
      child.destroy();
      child.waitFor();
    }
  }

  private static void copySeeds(Path to) throws IOException {
    Files.createDirectories(to);
    try (var seeds = Files.list(Path.of("corpus"))) {
      for (Path f : seeds.toList()) Files.copy(f, to.resolve(f.getFileName()));
    }
  }

  private static Process serve(Path home, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("serve"));
    all.addAll(List.of(args));
    return ChildCli.start(home, home, home.resolve("serve.err"), all.toArray(String[]::new));
  }

  /** Reads the child's stdout up to its "serving" line (the lines before it are returned). */
  private static Started awaitServing(Process child) throws IOException {
    var out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    List<String> before = new ArrayList<>();
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = SERVING.matcher(line);
      if (m.find())
        return new Started(before, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
      before.add(line);
    }
    throw new AssertionError("serve ended without serving; it printed " + before);
  }

  private static String get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void serve_onAHostThatCannotBe_isOneLineNamingIt(@TempDir Path home, @TempDir Path index)
      throws Exception {
    copySeeds(home.resolve("corpus"));
    MainTest.Run built =
        MainTest.run(
            "index", "--corpus", home.resolve("corpus").toString(), "--index", index.toString());
    assertEquals(0, built.code(), built.err());

    Path err = home.resolve("serve.err");
    Process child =
        ChildCli.start(
            home,
            home,
            err,
            "serve",
            "--index",
            index.toString(),
            "--host",
            "256.1.1.1",
            "--port",
            "0");

    assertEquals(1, child.waitFor());
    // this was Javalin's "ERROR io.javalin.Javalin - Failed to start Javalin" and then
    // "cannot listen on 256.1.1.1:0: null"
    assertEquals(
        "passages: cannot listen on 256.1.1.1:0: no such host\n",
        Files.readString(err).replaceAll("(?m)^WARNING: .*\n", ""));
  }

  @Test
  void serve_namedIndexOfAnotherSchema_saysToRebuildIt(@TempDir Path home, @TempDir Path index)
      throws Exception {
    copySeeds(home.resolve("corpus"));
    MainTest.Run built =
        MainTest.run(
            "index", "--corpus", home.resolve("corpus").toString(), "--index", index.toString());
    assertEquals(0, built.code(), built.err());
    // the commit an older passages wrote: the same data but its schema number
    try (var dir = org.apache.lucene.store.FSDirectory.open(index);
        var w =
            new org.apache.lucene.index.IndexWriter(
                dir,
                new org.apache.lucene.index.IndexWriterConfig()
                    .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
      java.util.Map<String, String> data = new java.util.HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put(passages.index.Fields.COMMIT_SCHEMA, "0");
      w.setLiveCommitData(data.entrySet(), true);
      w.commit();
    }

    // fails before it serves: run in process
    MainTest.Run r = MainTest.run("serve", "--index", index.toString(), "--port", "0");

    assertEquals(
        new MainTest.Run(
            1,
            "",
            "passages: the index at "
                + index
                + " was built by another version of passages; rebuild it with: passages index"
                + " --corpus PATH --index "
                + index
                + " --rebuild\n"),
        r);
  }
}
