package passages.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.core.search.Hit;
import passages.model.Article;
import passages.model.Entity;
import passages.model.EntityType;
import passages.model.Paragraph;

/**
 * {@link ParagraphWriter} on a real 3-node cluster: what searches see through the alias after a
 * full build, after an update that crashed before its commit, after its re-run, and after a build
 * during which one node was killed.
 */
@Tag("opensearch")
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParagraphWriterTest {
  private ClusterFixture fixture;
  private Cluster cluster;

  @BeforeAll
  void connect(ClusterFixture fixture) {
    this.fixture = fixture;
    cluster = Cluster.connect(fixture.urls());
  }

  @AfterAll
  void disconnect() throws IOException {
    cluster.close();
  }

  @Test
  void fullBuild_aliasServesExactlyTheParagraphs_secondBuildReplacesTheFirst() throws IOException {
    List<IndexedArticle> v1 = corpus(40, "v1");
    ParagraphWriter writer = writer("build-twice", 25);

    String first = build(writer, v1);
    List<IndexedArticle> v2 = corpus(30, "v2");
    String second = build(writer, v2);

    assertEquals(ids(v2), live("build-twice"));
    assertEquals(List.of(second), indices("build-twice-b*"));
    assertEquals(false, first.equals(second));
  }

  @Test
  void update_crashBeforeCommit_searchesSeeTheOldVersion_reRunPublishesTheNew() throws IOException {
    ParagraphWriter writer = writer("updates", 7);
    List<IndexedArticle> v1 = corpus(20, "v1");
    build(writer, v1);
    IndexedArticle changed = article(3, 2, "v2"); // a003 had 4 paragraphs, now 2
    IndexedArticle added = article(50, 3, "v2");
    List<IndexedArticle> v2 = new ArrayList<>(v1);
    v2.set(3, changed);
    v2.remove(5); // a005 deleted
    v2.add(added);
    var liveV1 = writer.liveArticles();

    assertEquals(20, liveV1.size());
    assertEquals(new ParagraphWriter.LiveArticle(v1.get(3).hash(), 4), liveV1.get("a003"));
    assertEquals(new ParagraphWriter.LiveArticle(v1.get(8).hash(), 1), liveV1.get("a008"));
    ParagraphWriter.Update crashed = writer.update(liveV1);
    assertEquals(
        List.of(true, true, true, false),
        List.of(
            crashed.put(changed),
            crashed.put(added),
            crashed.delete("a005"),
            crashed.put(v1.get(7))));
    crashed.put(v1.get(8));
    // the writer is dropped here without commit, as if passages were killed: searches still see v1
    assertEquals(ids(v1), live("updates"));

    ParagraphWriter.Update rerun = writer.update();
    rerun.put(changed);
    rerun.put(added);
    rerun.delete("a005");
    rerun.commit();

    assertEquals(ids(v2), live("updates"));
    assertEquals(
        ids(v2),
        everything(indices("updates-b*").get(0))); // no leftover version in the index itself
    assertEquals(2L, rerun.run());
  }

  @Test
  void duplicateIds_theLastPutWins_noOtherVersionLeft() throws IOException {
    ParagraphWriter writer = writer("dups", 5);
    List<IndexedArticle> v1 = corpus(6, "v1");
    IndexedArticle other = article(2, 1, "v2"); // a002 with 1 paragraph instead of 3

    // a full build that gets a002 twice (the indexer met a duplicate id and chose the first item)
    ParagraphWriter.FullBuild build = writer.fullBuild(3, 1);
    for (IndexedArticle a : v1) if (a != v1.get(2)) build.add(a);
    build.add(other);
    build.add(v1.get(2));
    build.commit();
    String index = indices("dups-b*").get(0);

    assertEquals(ids(v1), live("dups"));
    // an update that puts a002 in a new version, then back in its live one: nothing changes
    ParagraphWriter.Update update = writer.update(writer.liveArticles());
    assertEquals(List.of(true, false), List.of(update.put(other), update.put(v1.get(2))));
    update.commit();
    assertEquals(ids(v1), live("dups"));
    assertEquals(ids(v1), everything(index));
  }

  @Test
  void fullBuild_killOneNodeMidBuild_reRunEqualsCleanBuild() throws Exception {
    List<IndexedArticle> articles = corpus(300, "v1");
    ParagraphWriter writer =
        new ParagraphWriter(cluster, "killed", 40, Duration.ofMinutes(3), Clock.systemUTC());
    int victim =
        (fixture.indexOf(fixture.clusterManager()) + 1)
            % fixture.size(); // a node that is not the manager

    ParagraphWriter.FullBuild interrupted = writer.fullBuild(3, 1);
    Set<String> afterKill = null;
    try {
      for (int i = 0; i < articles.size(); i++) {
        if (i == 100) fixture.kill(victim);
        interrupted.add(articles.get(i));
      }
      interrupted.commit();
      afterKill = live("killed");
      System.out.println("build during the kill of " + victim + ": committed");
    } catch (IOException e) {
      // the build may fail while the node is gone; the re-run below must then repair it
      System.out.println("build during the kill of " + victim + ": failed, " + e.getMessage());
    }
    fixture.restart(victim);
    String rerun = build(writer, articles);

    assertEquals(ids(articles), live("killed"));
    assertEquals(ids(articles), everything(rerun));
    if (afterKill != null) assertEquals(ids(articles), afterKill);
  }

  private ParagraphWriter writer(String alias, int batch) {
    return new ParagraphWriter(cluster, alias, batch, Duration.ofMinutes(2), Clock.systemUTC());
  }

  private static String build(ParagraphWriter writer, List<IndexedArticle> articles)
      throws IOException {
    ParagraphWriter.FullBuild b = writer.fullBuild(3, 1);
    for (IndexedArticle a : articles) b.add(a);
    b.commit();
    return b.index();
  }

  /** Articles a000.. with 1-4 paragraphs each; {@code version} changes every hash and text. */
  private static List<IndexedArticle> corpus(int n, String version) {
    List<IndexedArticle> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(article(i, 1 + i % 4, version));
    return out;
  }

  private static IndexedArticle article(int i, int paragraphs, String version) {
    List<Paragraph> ps = new ArrayList<>();
    List<List<Entity>> entities = new ArrayList<>();
    for (int p = 1; p <= paragraphs; p++) {
      String text =
          "Paragraph " + p + " of article " + i + " (" + version + ") on Trainium3 and AWS.";
      ps.add(new Paragraph(p, p == 1 ? null : "Section", text));
      int at = text.indexOf("AWS");
      entities.add(List.of(new Entity(EntityType.ORG, "Amazon Web Services", "AWS", at, at + 3)));
    }
    String id = String.format("a%03d", i);
    Article a =
        new Article(
            id,
            "Title " + i,
            "Outlet " + i % 3,
            "https://example.com/" + id,
            "2026-11-" + String.format("%02d", 1 + i % 28),
            ps);
    return new IndexedArticle(
        a, entities, version + "-" + String.format("%04d", i) + "-0123456789abcdef");
  }

  /** The document ids of every paragraph of {@code articles}. */
  private static Set<String> ids(List<IndexedArticle> articles) {
    Set<String> out = new TreeSet<>();
    for (IndexedArticle a : articles)
      for (Paragraph p : a.article().paragraphs())
        out.add(ParagraphSource.id(a.article(), p, a.hash()));
    return out;
  }

  /** The ids a search through {@code alias} finds (exact total checked against the hits). */
  private Set<String> live(String alias) throws IOException {
    return everything(alias);
  }

  private Set<String> everything(String target) throws IOException {
    cluster.client().indices().refresh(r -> r.index(target));
    var r =
        cluster
            .client()
            .search(
                s ->
                    s.index(target)
                        .size(10_000)
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.fetch(false)),
                JsonNode.class);
    assertEquals(0, r.shards().failed());
    Set<String> out = new TreeSet<>();
    for (Hit<JsonNode> h : r.hits().hits()) out.add(h.id());
    assertEquals(r.hits().total().value(), out.size());
    return out;
  }

  private List<String> indices(String pattern) throws IOException {
    return new ArrayList<>(
        new TreeSet<>(cluster.client().indices().get(g -> g.index(pattern)).result().keySet()));
  }
}
