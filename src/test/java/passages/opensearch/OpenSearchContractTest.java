package passages.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import passages.entities.EntityExtractor;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.search.Hit;
import passages.search.Order;
import passages.search.ParagraphSearcher;
import passages.search.SearchBackend;
import passages.search.SearchRequest;
import passages.search.SearchResult;
import passages.web.BackendContractTest;

/**
 * The backend contract on a real 3-node OpenSearch cluster (3 shards, 1 replica each), and the
 * seeds' gold queries answered side by side by this backend and the embedded index: the same
 * totals, hit ids in the same order, passages and facets.
 */
@Tag("opensearch")
@ExtendWith(SharedCluster.class)
class OpenSearchContractTest extends BackendContractTest {
  private final Cluster cluster;

  private final List<String> urls;
  private final ClusterFixture fixture;

  OpenSearchContractTest(ClusterFixture fixture) {
    this.fixture = fixture;
    this.urls = fixture.urls();
    this.cluster = Cluster.connect(urls);
  }

  @Override
  protected SearchBackend open(String name, Path corpus, EntityExtractor entities)
      throws IOException {
    String alias = "contract-" + name;
    OpenSearchCorpus.build(cluster, alias, corpus, entities);
    return new OpenSearchSearcher(cluster, alias);
  }

  @AfterAll
  void disconnect() throws IOException {
    cluster.close();
  }

  /**
   * {@code passages search --backend opensearch} prints what {@code passages search} prints from
   * the embedded index of the same corpus.
   */
  @Test
  void cli_search_sameOutputOnBothBackends() throws IOException {
    Path dir = Files.createTempDirectory("contract-cli");
    String[] lucene = {"search", "Trainium3", "--index", dir.resolve("index").toString()};
    assertEquals(
        "0", main("index", "--corpus", "corpus", "--index", dir.resolve("index").toString())[2]);
    String[] embedded = main(lucene);
    String[] cluster =
        main(
            "search",
            "Trainium3",
            "--backend",
            "opensearch",
            "--opensearch",
            String.join(",", urls),
            "--opensearch-alias",
            "contract-seeds");

    assertEquals("", cluster[1]);
    assertEquals(embedded[0], cluster[0]);
    assertTrue(cluster[0].startsWith("2 paragraphs match: Trainium3\n"), cluster[0]);
  }

  /**
   * kill -9 of a node while searches run: every search either answers the exact total or fails
   * (partial results are refused), never a smaller total; once the other two have promoted the
   * replicas, searches answer again, and the node rejoins.
   */
  @Test
  void killANodeDuringSearches_exactTotalOrAnError_neverAWrongTotal() throws Exception {
    SearchRequest q = SearchRequest.of("OpenAI");
    long expected = seeds.search(q).total();
    int victim =
        fixture.indexOf(fixture.clusterManager()) == 0 ? 1 : 0; // a data node, not the manager
    List<String> wrong = new ArrayList<>();
    int[] during;
    int[] after;
    fixture.kill(victim);
    try {
      during = searches(q, expected, 20, wrong); // at once: the failover window
      fixture.awaitYellow(2);
      after = searches(q, expected, 20, wrong); // the replicas promoted
    } finally {
      fixture.restart(victim);
    }
    System.out.printf(
        "kill -9 of n%d during searches: %d exact, %d failed; after yellow %d exact, %d failed%n",
        victim + 1, during[0], during[1], after[0], after[1]);
    assertEquals(List.of(), wrong);
    assertEquals(20, after[0], "every search answers once the replicas are promoted");
    assertEquals(expected, seeds.search(q).total());
  }

  /**
   * Runs {@code q} {@code n} times: {exact answers, failures}; a wrong total goes to {@code wrong}.
   */
  private int[] searches(SearchRequest q, long expected, int n, List<String> wrong) {
    int[] out = new int[2];
    for (int i = 0; i < n; i++) {
      try {
        long total = seeds.search(q).total();
        if (total == expected) out[0]++;
        else wrong.add(Long.toString(total));
      } catch (IOException | RuntimeException e) {
        out[1]++;
      }
    }
    return out;
  }

  /** Runs the CLI: {stdout, stderr, exit code}. */
  private static String[] main(String... args) {
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    int code =
        passages.cli.Main.run(
            args, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
    return new String[] {out.toString(), err.toString(), Integer.toString(code)};
  }

  /** The queries the foundation's tests and README ask of the seeds. */
  static final List<String> GOLD =
      List.of(
          "Trainium3",
          "Trn3",
          "\"trainium 3\"",
          "Trainium",
          "\"$38 billion\"",
          "$38B",
          "OpenAI",
          "Amazon",
          "AWS",
          "\"Amazon Web Services\"",
          "Nvidia",
          "nvidia OR google",
          "openai AND amazon",
          "openai NOT amazon",
          "chips",
          "\"cloud capacity\"",
          "train*",
          "Amazon: OpenAI",
          "data centers",
          "U.S.",
          "");

  @Test
  void seeds_goldQueries_sameAnswersAsTheEmbeddedIndex() throws IOException {
    Path dir = Files.createTempDirectory("contract-lucene");
    new Indexer(ENTITIES).rebuild(new CorpusReader(Path.of("corpus")), dir);
    try (ParagraphSearcher lucene = new ParagraphSearcher(dir)) {
      List<String> differences = new ArrayList<>();
      for (String q : GOLD) {
        for (SearchRequest r :
            List.of(
                SearchRequest.of(q),
                SearchRequest.of(q).withLimit(50),
                SearchRequest.of(q).withCollapse(true),
                SearchRequest.of(q).withOrder(Order.NEWEST).withKind("all"))) {
          SearchResult want = lucene.search(r);
          SearchResult got = seeds.search(r);
          compare(q + " " + describe(r), want, got, differences);
        }
      }
      assertEquals(List.of(), differences);
    }
  }

  /**
   * A known difference: a fuzzy term's expansions are scored with document frequencies blended per
   * shard in OpenSearch (the rewrite runs on each shard before the global statistics), on the whole
   * index in Lucene; the matches, totals and facets are the same, the order may differ.
   */
  @Test
  void seeds_fuzzyTerm_sameMatchesAndFacets_orderMayDiffer() throws IOException {
    Path dir = Files.createTempDirectory("contract-lucene");
    new Indexer(ENTITIES).rebuild(new CorpusReader(Path.of("corpus")), dir);
    try (ParagraphSearcher lucene = new ParagraphSearcher(dir)) {
      SearchRequest r = SearchRequest.of("nvidai~1").withLimit(100);
      SearchResult want = lucene.search(r);
      SearchResult got = seeds.search(r);

      assertEquals(want.total(), got.total());
      assertEquals(
          java.util.Set.copyOf(want.hits().stream().map(Hit::id).toList()),
          java.util.Set.copyOf(got.hits().stream().map(Hit::id).toList()));
      assertEquals(want.facets(), got.facets());
    }
  }

  private static String describe(SearchRequest r) {
    return "[limit " + r.limit() + (r.collapse() ? ", collapse" : "") + ", " + r.order() + "]";
  }

  private static void compare(String what, SearchResult want, SearchResult got, List<String> out) {
    if (want.total() != got.total() || want.groups() != got.groups())
      out.add(
          what
              + ": total "
              + want.total()
              + "/"
              + want.groups()
              + " vs "
              + got.total()
              + "/"
              + got.groups());
    List<String> wantIds = want.hits().stream().map(Hit::id).toList();
    List<String> gotIds = got.hits().stream().map(Hit::id).toList();
    if (!wantIds.equals(gotIds)) out.add(what + ": ids " + wantIds + " vs " + gotIds);
    else
      for (int i = 0; i < wantIds.size(); i++) {
        Hit a = want.hits().get(i);
        Hit b = got.hits().get(i);
        if (!a.passage().equals(b.passage()))
          out.add(what + ": passage of " + a.id() + " " + a.passage() + " vs " + b.passage());
        if (!a.alsoIn().equals(b.alsoIn()))
          out.add(what + ": alsoIn of " + a.id() + " " + a.alsoIn() + " vs " + b.alsoIn());
        if (Math.abs(a.score() - b.score()) > 1e-4 * Math.max(1, Math.abs(a.score())))
          out.add(what + ": score of " + a.id() + " " + a.score() + " vs " + b.score());
      }
    if (!want.facets().equals(got.facets()))
      out.add(what + ": facets " + want.facets() + " vs " + got.facets());
  }
}
