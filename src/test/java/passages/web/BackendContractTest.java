package passages.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import passages.entities.EntityExtractor;
import passages.model.Entity;
import passages.model.EntityType;
import passages.search.ArticleView;
import passages.search.DayRange;
import passages.search.EntityFilter;
import passages.search.FacetValue;
import passages.search.Hit;
import passages.search.Interval;
import passages.search.InvalidRequestException;
import passages.search.MetaFilter;
import passages.search.Order;
import passages.search.ParagraphView;
import passages.search.Permalinks;
import passages.search.SearchBackend;
import passages.search.SearchRequest;
import passages.search.SearchResult;
import passages.search.Timeline;

/**
 * The contract of a {@link SearchBackend}, the same exact answers whichever backend holds the
 * paragraphs: totals, hit ids and order, highlighted passages, facet counts, filters, copies folded
 * into {@code alsoIn}, collapse, paging, dates and timelines, paragraphs, articles and permalinks,
 * user mistakes; and the HTTP API over it (statuses, bodies, the article page). A subclass only
 * says how to build its backend over a corpus: {@code LuceneContractTest} (the embedded index, in
 * {@code mvn test}) and {@code OpenSearchContractTest} (a 3-node cluster, tag {@code opensearch}).
 *
 * <p>Fixtures: the five seeds ({@code corpus/}), {@code corpus-mini}, {@code corpus-dup} (wire
 * copy) and {@code dated} (dates, authors, metadata), entities tagged by {@link #ENTITIES}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContractTest {
  /**
   * A tiny deterministic entity tagger (so entity facets are part of the contract): each whole
   * occurrence of Amazon, Nvidia or OpenAI is an organisation.
   */
  public static final EntityExtractor ENTITIES =
      text -> {
        List<Entity> out = new ArrayList<>();
        for (String name : List.of("Amazon", "Nvidia", "OpenAI")) {
          for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
            boolean before = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + name.length();
            boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (before && after) out.add(new Entity(EntityType.ORG, name, name, at, end));
          }
        }
        out.sort(java.util.Comparator.comparingInt(Entity::start));
        return out;
      };

  /**
   * A backend over the paragraphs of {@code corpus} (cleaned and tagged by {@code entities}), built
   * from scratch.
   *
   * @param name a short lower-case name of the fixture, unique within the class
   */
  protected abstract SearchBackend open(String name, Path corpus, EntityExtractor entities)
      throws IOException;

  protected SearchBackend seeds;
  protected SearchBackend mini;
  protected SearchBackend dup;
  protected SearchBackend dated;
  protected SearchBackend headline;
  private Javalin app;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void openBackends() throws IOException {
    seeds = open("seeds", Path.of("corpus"), ENTITIES);
    mini = open("mini", Path.of("src/test/resources/corpus-mini"), ENTITIES);
    dup = open("dup", Path.of("src/test/resources/corpus-dup"), ENTITIES);
    dated = open("dated", Path.of("src/test/resources/dated"), ENTITIES);
    headline = open("headline", Path.of("src/test/resources/headline-first"), ENTITIES);
    app = new WebApp(mini).create().start("127.0.0.1", 0);
  }

  @AfterAll
  void closeBackends() throws IOException {
    if (app != null) app.stop();
    for (SearchBackend b : Arrays.asList(seeds, mini, dup, dated, headline))
      if (b != null) b.close();
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  // ---- the seeds ------------------------------------------------------------------------------

  @Test
  void seeds_trainium3_theTwoParagraphsNamingIt_marked_withOutletFacet() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of("Trainium3"));

    assertEquals(2, r.total());
    assertEquals(List.of("000_a5713e335d5c133d.p10", "001_ed1477a7c1dbfa86.p26"), ids(r));
    assertEquals(
        "The upcoming <mark>Trainium3</mark> accelerator is beginning to roll out in select data centers, "
            + "with AWS executives signaling plans to scale deployment rapidly in the coming year.",
        r.hits().get(1).passage());
    assertEquals(List.of(new FacetValue("Khogendra Rupini", 1)), r.facets().get("outlet"));
  }

  @Test
  void seeds_trn3AndSpacedPhrase_findTheSameTwo() throws IOException {
    var expected = Set.of("001_ed1477a7c1dbfa86.p26", "000_a5713e335d5c133d.p10");

    assertEquals(expected, Set.copyOf(ids(seeds.search(SearchRequest.of("\"trainium 3\"")))));
    assertEquals(expected, Set.copyOf(ids(seeds.search(SearchRequest.of("Trn3")))));
  }

  @Test
  void seeds_outletFilter_onlyThatOutlet() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of("Trainium").withOutlets(List.of("CIOL")));

    assertEquals(List.of("002_812369ea3ecc10d9.p12"), ids(r));
    assertEquals(List.of(new FacetValue("CIOL", 1)), r.facets().get("outlet"));
  }

  @Test
  void seeds_dollarPhrase_threeParagraphsInOrder() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of("\"$38 billion\""));

    assertEquals(
        List.of("001_ed1477a7c1dbfa86.p17", "002_812369ea3ecc10d9.p5", "004_0998a82aa1485130.p2"),
        ids(r));
    assertEquals(
        "Under an agreement signed last month, AWS is set to provide roughly <mark>$38 billion</mark> worth of "
            + "cloud capacity to OpenAI over seven years, primarily using Nvidia hardware.",
        r.hits().getFirst().passage());
  }

  @Test
  void seeds_junk_findsNothing() throws IOException {
    for (String q :
        List.of(
            "Advertisment",
            "\"Open for Collaboration\"",
            "\"website design\"",
            "\"author-image\"",
            "\"Python Programming\"",
            "\"Was this page helpful\"",
            "\"Manisha Sharma\"",
            "\"New Update\"")) assertEquals(0, seeds.search(SearchRequest.of(q)).total(), q);
  }

  @Test
  void seeds_blankQuery_everyParagraph_exactOutletAndEntityFacets() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of(""));

    assertEquals(97, r.total());
    assertEquals(
        List.of(
            new FacetValue("Khogendra Rupini", 36),
            new FacetValue("Dailyza", 23),
            new FacetValue("CIOL", 16),
            new FacetValue("SecurityOnline", 6)),
        r.facets().get("outlet"));
    assertEquals(
        List.of(
            new FacetValue("OpenAI", 57),
            new FacetValue("Amazon", 48),
            new FacetValue("Nvidia", 9)),
        r.facets().get("org"));
    assertEquals(
        List.of("outlet", "author", "org", "person", "product", "place", "money"),
        List.copyOf(r.facets().keySet()));
  }

  @Test
  void seeds_entityFilter_andFacetsUnderIt() throws IOException {
    SearchResult r =
        seeds.search(
            SearchRequest.of("chips")
                .withEntities(List.of(passages.search.EntityFilter.parse("org:Nvidia"))));

    assertEquals(
        List.of(
            "002_812369ea3ecc10d9.p12",
            "001_ed1477a7c1dbfa86.p24",
            "001_ed1477a7c1dbfa86.p21",
            "001_ed1477a7c1dbfa86.p23",
            "001_ed1477a7c1dbfa86.p22"),
        ids(r));
    assertEquals(5, r.total());
    assertEquals(List.of(new FacetValue("Nvidia", 5)), r.facets().get("org").subList(0, 1));
  }

  @Test
  void seeds_timelineTotals_equalTheSearchTotals_headlineMatchesIncluded() throws IOException {
    List<SearchResult> series =
        seeds.compare(
            List.of("openai", "amazon"), SearchRequest.of("").withTimeline(Interval.AUTO));

    assertEquals(List.of(61L, 53L), series.stream().map(SearchResult::total).toList());
    assertEquals(61, seeds.search(SearchRequest.of("openai")).total());
    assertEquals(61, series.getFirst().timeline().undated()); // the seeds are undated
  }

  @Test
  void seeds_pagesInARow_equalOneLongPage() throws IOException {
    SearchRequest q = SearchRequest.of("OpenAI").withFacets(false);
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 60; offset += 10)
      paged.addAll(ids(seeds.search(q.withOffset(offset).withLimit(10))));

    assertEquals(ids(seeds.search(q.withLimit(60))), paged);
    assertEquals(paged.size(), Set.copyOf(paged).size());
  }

  @Test
  void seeds_kind_captionsApart() throws IOException {
    assertEquals(97, seeds.search(SearchRequest.of("").withKind("all")).total());
    assertEquals(0, seeds.search(SearchRequest.of("").withKind("caption")).total());
  }

  // ---- the mini corpus ------------------------------------------------------------------------

  @Test
  void mini_spacedTrainium3_markedAsOnePhrase() throws IOException {
    assertEquals(
        "Amazon said its <mark>Trainium 3</mark> chips will ship next year, according to the company&#39;s statement.",
        mini.search(SearchRequest.of("Trainium3")).hits().getFirst().passage());
  }

  @Test
  void mini_booleanSyntax_andOrNotParentheses() throws IOException {
    assertEquals(List.of("alpha.p2"), ids(mini.search(SearchRequest.of("nvidia NOT shares"))));
    assertEquals(
        List.of("alpha.p1", "alpha.p2", "beta.p2"),
        ids(mini.search(SearchRequest.of("nvidia OR statement"))));
    assertEquals(
        List.of("alpha.p1"), ids(mini.search(SearchRequest.of("(amazon AND chips) OR nothing"))));
    assertEquals(List.of(), ids(mini.search(SearchRequest.of("amazon nvidia"))));
    assertEquals(List.of("alpha.p2", "beta.p2"), ids(mini.search(SearchRequest.of("nvid*"))));
    assertEquals(List.of("alpha.p2", "beta.p2"), ids(mini.search(SearchRequest.of("nvidai~1"))));
    assertEquals(5, mini.search(SearchRequest.of("*:*")).total());
  }

  @Test
  void mini_storedMarkup_escapedInPassage() throws IOException {
    assertEquals(
        "A paragraph with &lt;img src=x <mark>onerror</mark>=alert(1)&gt; in it must stay text.",
        mini.search(SearchRequest.of("onerror")).hits().getFirst().passage());
    assertEquals(
        "<mark>Analysts</mark> note that Nvidia remains the market leader &amp; expect &lt;b&gt;little&lt;/b&gt; change.",
        mini.search(SearchRequest.of("analysts")).hits().getFirst().passage());
    assertEquals(
        "OpenAI signed a $38 billion deal with AWS, the <mark>Amazon</mark>-OpenAI partnership said.",
        mini.search(SearchRequest.of("amazon")).hits().get(1).passage());
  }

  @Test
  void mini_hit_linksAndMetadata() throws IOException {
    Hit hit = mini.search(SearchRequest.of("onerror")).hits().getFirst();

    assertEquals("alpha.p3", hit.id());
    assertEquals("alpha", hit.articleId());
    assertEquals(3, hit.paragraph());
    assertEquals("Chip Deals Heat Up", hit.title());
    assertEquals("Chip Weekly", hit.outlet());
    assertEquals("/articles/alpha#p-3", hit.link());
    assertEquals(
        "https://example.com/chips/deals?id=7#:~:text=A%20paragraph%20with%20%3Cimg,it%20must%20stay%20text.",
        hit.sourceLink());
    assertEquals(
        Permalinks.of(
            "alpha",
            hit.passage()
                .replace("<mark>", "")
                .replace("</mark>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")),
        hit.permalink());
    assertEquals(null, mini.search(SearchRequest.of("shares")).hits().getFirst().sourceLink());
  }

  @Test
  void mini_paging_andWithoutHighlightOrFacets() throws IOException {
    SearchResult page = mini.search(SearchRequest.of("").withLimit(2).withOffset(3));
    assertEquals(5, page.total());
    assertEquals(List.of("beta.p1", "beta.p2"), ids(page));
    assertEquals(List.of(), ids(mini.search(SearchRequest.of("").withLimit(2).withOffset(10))));

    SearchResult plain =
        mini.search(SearchRequest.of("shares").withHighlight(false).withFacets(false));
    assertEquals("Nvidia shares rose after the announcement.", plain.hits().getFirst().passage());
    assertEquals(List.of(), plain.facets().get("outlet"));
  }

  @Test
  void mini_outletFilterRepeats_asOr() throws IOException {
    assertEquals(
        5,
        mini.search(SearchRequest.of("").withOutlets(List.of("Chip Weekly", "Cloud Daily")))
            .total());
    assertEquals(2, mini.search(SearchRequest.of("").withOutlets(List.of("Cloud Daily"))).total());
  }

  @Test
  void mini_userMistakes_areInvalidRequestsNamingTheProblem() {
    assertEquals(
        "invalid query: Cannot parse 'foo AND': Encountered \"<EOF>\" at line 1, column 7.",
        assertThrows(InvalidRequestException.class, () -> mini.search(SearchRequest.of("foo AND")))
            .getMessage());
    assertEquals(
        "unknown outlet 'Nope' (values: 'Chip Weekly', 'Cloud Daily')",
        assertThrows(
                InvalidRequestException.class,
                () -> mini.search(SearchRequest.of("").withOutlets(List.of("Nope"))))
            .getMessage());
    assertEquals(
        "meta: unknown metadata key 'nope' (no article of this index has metadata)",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    mini.search(
                        SearchRequest.of("").withMetadata(List.of(new MetaFilter("nope", "x")))))
            .getMessage());
  }

  @Test
  void mini_filterValues_matchIgnoringCase_orAreRefusedWithHints() throws IOException {
    assertEquals(2, mini.search(SearchRequest.of("").withOutlets(List.of("cloud daily"))).total());
    assertEquals(
        mini.search(SearchRequest.of("").withEntities(List.of(EntityFilter.parse("org:Amazon"))))
            .total(),
        mini.search(SearchRequest.of("").withEntities(List.of(EntityFilter.parse("org:AMAZON"))))
            .total());
    assertEquals(
        "unknown outlet 'cloud' (did you mean 'Cloud Daily'?)",
        assertThrows(
                InvalidRequestException.class,
                () -> mini.search(SearchRequest.of("").withOutlets(List.of("cloud"))))
            .getMessage());
    assertEquals(
        "entity: no paragraph has org 'amaz' (did you mean 'Amazon'?)",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    mini.search(
                        SearchRequest.of("").withEntities(List.of(EntityFilter.parse("org:amaz")))))
            .getMessage());
    assertEquals(
        "entity: no paragraph has org 'Intel' (values: 'Amazon', 'Nvidia', 'OpenAI')",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    mini.search(
                        SearchRequest.of("")
                            .withEntities(List.of(EntityFilter.parse("org:Intel")))))
            .getMessage());
  }

  @Test
  void mini_paragraphAndArticle_byId() throws IOException {
    assertEquals(
        new ParagraphView(
            "beta.p2",
            "beta",
            2,
            null,
            "Nvidia shares rose after the announcement.",
            "OpenAI signed a $38 billion deal with AWS, the Amazon-OpenAI partnership said.",
            "Cloud Daily",
            null,
            null,
            List.of(new passages.search.HitEntity("org", "Nvidia", "Nvidia", 0, 6)),
            "/p/beta/" + Permalinks.fingerprint("Nvidia shares rose after the announcement."),
            List.of(),
            Map.of(),
            "body"),
        mini.findParagraph("beta.p2").orElseThrow());
    for (String bad : List.of("beta.p3", "beta", "../beta.p1", "beta.p0", "", "beta.p1\0"))
      assertEquals(Optional.empty(), mini.findParagraph(bad), bad);

    ArticleView a = mini.findArticle("alpha").orElseThrow();
    assertEquals(
        List.of("alpha.p1", "alpha.p2", "alpha.p3"),
        a.paragraphs().stream().map(ParagraphView::id).toList());
    assertEquals("2025-12-16", a.date());
    assertEquals(Optional.empty(), mini.findArticle("../alpha"));
    assertEquals(Optional.empty(), mini.findArticle("nosuch"));
  }

  @Test
  void mini_permalink_resolvesToTheParagraph() throws IOException {
    String link = Permalinks.of("beta", "Nvidia shares rose after the announcement.");
    String[] parts = link.split("/");

    var resolved = mini.findPermalink(parts[2], parts[3]).orElseThrow();
    assertEquals("beta.p2", resolved.paragraph().id());
    assertTrue(resolved.exact());
    assertEquals(Optional.empty(), mini.findPermalink("nosuch", parts[3]));
    assertEquals(5, mini.paragraphCount());
  }

  // ---- wire copy: alsoIn and collapse ---------------------------------------------------------

  @Test
  void dup_identicalTexts_shownOnce_theOtherInAlsoIn() throws IOException {
    SearchResult r = dup.search(SearchRequest.of("budget"));

    assertEquals(3, r.total());
    assertEquals(List.of("wire-a.p1", "wire-b.p2"), ids(r));
    assertEquals(
        List.of(new Hit.Duplicate("wire-b.p1", "Wire B", "/articles/wire-b#p-1")),
        r.hits().getFirst().alsoIn());
    assertEquals(1, r.hits().getFirst().alsoInOutlets());
    assertEquals(List.of("wire-b.p2"), ids(dup.search(SearchRequest.of("budget").withOffset(1))));
  }

  @Test
  void dup_collapse_countsDistinctTexts() throws IOException {
    SearchResult r = dup.search(SearchRequest.of("budget").withCollapse(true));

    assertEquals(List.of(3L, 2L), List.of(r.total(), r.groups()));
    assertEquals(List.of("wire-a.p1", "wire-b.p2"), ids(r));
    assertEquals(
        List.of(new Hit.Duplicate("wire-b.p1", "Wire B", "/articles/wire-b#p-1")),
        r.hits().getFirst().alsoIn());
    assertEquals(1, r.hits().getFirst().alsoInOutlets());
    assertEquals(
        List.of("wire-b.p2"),
        ids(dup.search(SearchRequest.of("budget").withCollapse(true).withOffset(1))));
  }

  @Test
  void dup_collapse_pagePastTheLastGroup_stillCountsEverything() throws IOException {
    // the 2 groups are on page 1; a page past them has no hit but the same counts (it said 0 and 0)
    SearchResult r =
        dup.search(
            SearchRequest.of("budget")
                .withCollapse(true)
                .withOffset(2)
                .withTimeline(Interval.YEAR));

    assertEquals(List.of(3L, 2L), List.of(r.total(), r.groups()));
    assertEquals(List.of(), ids(r));
    assertEquals(
        List.of(new FacetValue("Wire B", 2), new FacetValue("Wire A", 1)),
        r.facets().get("outlet"));
    assertEquals(3, r.timeline().undated());
  }

  // ---- dates, timelines, metadata -------------------------------------------------------------

  @Test
  void dated_timelineByMonth_zerosFilled_undatedApart() throws IOException {
    SearchResult r = dated.search(SearchRequest.of("wall").withTimeline(Interval.MONTH));

    assertEquals(6, r.total());
    Timeline t = r.timeline();
    assertEquals("month", t.interval());
    assertEquals(13, t.buckets().size());
    assertEquals(new Timeline.Bucket("2016-01-01", 3, 4), t.buckets().get(0));
    assertEquals(new Timeline.Bucket("2016-02-01", 0, 0), t.buckets().get(1));
    assertEquals(new Timeline.Bucket("2016-03-01", 2, 3), t.buckets().get(2));
    assertEquals(new Timeline.Bucket("2016-12-01", 0, 0), t.buckets().get(11));
    assertEquals(new Timeline.Bucket("2017-01-01", 0, 1), t.buckets().get(12));
    assertEquals(1, t.undated());
    assertEquals(
        "week",
        dated.search(SearchRequest.of("wall").withTimeline(Interval.AUTO)).timeline().interval());
  }

  @Test
  void dated_fromTo_andSortByDate_undatedLast() throws IOException {
    SearchResult r =
        dated.search(
            SearchRequest.of("wall")
                .withDays(DayRange.parse("2016-01-20", "2016-03"))
                .withTimeline(Interval.MONTH));
    assertEquals(4, r.total());
    assertEquals(
        List.of(
            new Timeline.Bucket("2016-01-01", 2, 2),
            new Timeline.Bucket("2016-02-01", 0, 0),
            new Timeline.Bucket("2016-03-01", 2, 3)),
        r.timeline().buckets());
    assertEquals(0, r.timeline().undated());
    assertEquals(
        5, dated.search(SearchRequest.of("wall").withDays(DayRange.parse("2016", "2016"))).total());
    assertEquals(
        0, dated.search(SearchRequest.of("wall").withDays(DayRange.parse("2017", null))).total());
    assertEquals(
        1,
        dated
            .search(SearchRequest.of("wall").withDays(DayRange.parse(null, "2016-01-15")))
            .total());
    assertEquals(
        List.of("2016-03-31"),
        dated
            .search(SearchRequest.of("wall").withDays(DayRange.parse("2016-03-31", "2016-03-31")))
            .hits()
            .stream()
            .map(Hit::date)
            .toList());
    assertEquals(
        Arrays.asList("2016-03-31", "2016-03-02", "2016-01-31", "2016-01-31", "2016-01-15", null),
        dated.search(SearchRequest.of("wall").withOrder(Order.NEWEST)).hits().stream()
            .map(Hit::date)
            .toList());
    assertEquals(
        Arrays.asList("2016-01-15", "2016-01-31", "2016-01-31", "2016-03-02", "2016-03-31", null),
        dated.search(SearchRequest.of("wall").withOrder(Order.OLDEST)).hits().stream()
            .map(Hit::date)
            .toList());
    // a date order is unscored (api.md): the day sorts first
    assertTrue(
        dated.search(SearchRequest.of("wall").withOrder(Order.NEWEST)).hits().stream()
            .allMatch(h -> Float.isNaN(h.score())));
  }

  @Test
  void dated_authorsAndMetadata_facetsAndFilters() throws IOException {
    SearchResult r = dated.search(SearchRequest.of("critics"));
    Hit hit = r.hits().getFirst();
    assertEquals("2016-01-31", hit.date());
    assertEquals(List.of("Bo Kim", "Ann Lee"), hit.authors());
    assertEquals(List.of("topic", "bias"), List.copyOf(hit.meta().keySet()));

    SearchResult all = dated.search(SearchRequest.of(""));
    assertEquals(
        List.of(new FacetValue("right", 5), new FacetValue("left", 4), new FacetValue("center", 1)),
        all.facets().get("bias"));
    assertEquals(
        2,
        dated
            .search(SearchRequest.of("wall").withMetadata(List.of(new MetaFilter("bias", "left"))))
            .total());
    assertEquals(
        2,
        dated
            .search(SearchRequest.of("").withMetadata(List.of(MetaFilter.author("Bo Kim"))))
            .total());
  }

  @Test
  void dated_metadataAndAuthorValues_matchIgnoringCase_orAreRefusedWithHints() throws IOException {
    assertEquals(
        2,
        dated
            .search(SearchRequest.of("wall").withMetadata(List.of(new MetaFilter("bias", "Left"))))
            .total());
    assertEquals(
        2,
        dated
            .search(SearchRequest.of("").withMetadata(List.of(MetaFilter.author("bo KIM"))))
            .total());
    assertEquals(
        List.of(2L, 1L),
        dated
            .split(
                "wall",
                "bias",
                SearchRequest.of("")
                    .withMetadata(
                        List.of(new MetaFilter("bias", "LEFT"), new MetaFilter("bias", "Center")))
                    .withTimeline(Interval.YEAR),
                new ArrayList<>())
            .stream()
            .map(SearchResult::total)
            .toList());
    assertEquals(
        "meta: no article has bias 'lefty' (values: 'center', 'left', 'right')",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    dated.search(
                        SearchRequest.of("")
                            .withMetadata(List.of(new MetaFilter("bias", "lefty")))))
            .getMessage());
    assertEquals(
        "author: no article is by 'Lee' (did you mean 'Ann Lee'?)",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    dated.countTimeline(
                        SearchRequest.of("wall")
                            .withMetadata(List.of(MetaFilter.author("Lee")))
                            .withTimeline(Interval.YEAR)))
            .getMessage());
    assertEquals(
        "meta: unknown metadata key 'Bias' (keys: author, bias, note, topic)",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    dated.search(
                        SearchRequest.of("").withMetadata(List.of(new MetaFilter("Bias", "left")))))
            .getMessage());
  }

  @Test
  void dated_compareAndSplit_shareTheirBuckets() throws IOException {
    List<SearchResult> two =
        dated.compare(List.of("wall", "debate"), SearchRequest.of("").withTimeline(Interval.YEAR));
    assertEquals(List.of(6L, 1L), two.stream().map(SearchResult::total).toList());
    assertEquals(two.get(0).timeline().buckets().size(), two.get(1).timeline().buckets().size());
    List<String> labels = new ArrayList<>();
    List<SearchResult> split =
        dated.split("wall", "bias", SearchRequest.of("").withTimeline(Interval.YEAR), labels);
    assertEquals(List.of("right", "left", "center"), labels);
    assertEquals(List.of(3L, 2L, 1L), split.stream().map(SearchResult::total).toList());
  }

  @Test
  void dated_splitByOutletOrEntityType_likeAMetadataKey() throws IOException {
    List<String> labels = new ArrayList<>();
    List<SearchResult> split =
        dated.split("wall", "outlet", SearchRequest.of("").withTimeline(Interval.YEAR), labels);
    assertEquals(List.of("Right Times", "Left Daily", "Center Post"), labels);
    assertEquals(List.of(3L, 2L, 1L), split.stream().map(SearchResult::total).toList());

    List<String> chosen = new ArrayList<>();
    List<SearchResult> two =
        dated.split(
            "wall",
            "outlet",
            SearchRequest.of("")
                .withOutlets(List.of("Center Post", "left daily"))
                .withTimeline(Interval.YEAR),
            chosen);
    assertEquals(List.of("Center Post", "left daily"), chosen);
    assertEquals(List.of(1L, 2L), two.stream().map(SearchResult::total).toList());

    List<String> orgs = new ArrayList<>();
    List<SearchResult> byOrg =
        mini.split("", "org", SearchRequest.of("").withTimeline(Interval.YEAR), orgs);
    assertEquals(List.of("Amazon", "Nvidia", "OpenAI"), orgs);
    assertEquals(List.of(2L, 2L, 1L), byOrg.stream().map(SearchResult::total).toList());

    assertEquals(
        "split: unknown key 'color' (keys: outlet, author, bias, topic, org, person, product, place, money)",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    dated.split(
                        "wall",
                        "color",
                        SearchRequest.of("").withTimeline(Interval.YEAR),
                        new ArrayList<>()))
            .getMessage());
  }

  // ---- a headline repeated as the first paragraph ----------------------------------------------

  @Test
  void headline_aHeadingThatRepeatsTheTitle_isNoSection_aRealHeadingStays() throws IOException {
    ArticleView article = headline.findArticle("h1").orElseThrow();
    assertEquals(
        Arrays.asList(null, null, "What comes next"),
        article.paragraphs().stream().map(ParagraphView::section).toList());
    SearchResult r = headline.search(SearchRequest.of("twenty mayors"));
    assertEquals(List.of("h1.p1"), ids(r));
    assertEquals(null, r.hits().getFirst().section());
    assertEquals(null, headline.findParagraph("h1.p2").orElseThrow().section());
    assertEquals("Why it matters", headline.findParagraph("h2.p2").orElseThrow().section());
    // the heading is still searched (weight of a section): every paragraph under it matches
    assertEquals(2, headline.search(SearchRequest.of("\"citing jobs\"")).total());
  }

  // ---- the HTTP API over the backend -----------------------------------------------------------

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void http_search_exactBody() throws Exception {
    var r = get("/api/search?q=shares");

    assertEquals(200, r.statusCode());
    String body = r.body().replaceFirst("\"score\":[0-9.E-]+", "\"score\":S");
    assertEquals(
        "{\"query\":\"shares\",\"total\":1,\"groups\":1,\"hits\":[{\"id\":\"beta.p2\",\"articleId\":\"beta\","
            + "\"title\":\"OpenAI signed a $38 billion deal with AWS, the Amazon-OpenAI partnership said.\","
            + "\"outlet\":\"Cloud Daily\",\"url\":null,\"date\":null,\"paragraph\":2,\"section\":null,"
            + "\"passage\":\"Nvidia <mark>shares</mark> rose after the announcement.\",\"link\":\"/articles/beta#p-2\","
            + "\"sourceLink\":null,\"score\":S"
            + ",\"entities\":[{\"type\":\"org\",\"value\":\"Nvidia\",\"text\":\"Nvidia\",\"start\":0,\"end\":6}],"
            + "\"alsoIn\":[],\"alsoInOutlets\":0,\"permalink\":\""
            + Permalinks.of("beta", "Nvidia shares rose after the announcement.")
            + "\",\"authors\":[],\"meta\":{},\"kind\":\"body\"}],"
            + "\"facets\":{\"outlet\":[{\"value\":\"Cloud Daily\",\"count\":1}],\"author\":[],\"org\":[{\"value\":\"Nvidia\",\"count\":1}],\"person\":[],\"product\":[],"
            + "\"place\":[],\"money\":[]}}",
        body);
  }

  @Test
  void http_articlePage_andPermalink_andParagraph() throws Exception {
    var page = get("/articles/alpha");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<p id=\"p-3\""), page.body());

    var redirect = get(Permalinks.of("beta", "Nvidia shares rose after the announcement."));
    assertEquals(302, redirect.statusCode());
    assertEquals("/articles/beta#p-2", redirect.headers().firstValue("Location").orElse(""));

    assertEquals(200, get("/api/paragraphs/beta.p2").statusCode());
    assertEquals(200, get("/api/articles/beta").statusCode());
  }

  @Test
  void http_userMistakes_are4xxNamingTheParameter() throws Exception {
    for (String[] c :
        new String[][] {
          {"/api/search?q=foo%20AND", "400"},
          {"/api/search?outlet=Nope", "400"},
          {"/api/search?q=*ai", "400"},
          {"/api/search?limit=0", "400"},
          {"/api/search?meta=nope:x", "400"},
          {"/api/paragraphs/nosuch.p1", "404"},
          {"/api/articles/nosuch", "404"},
          {"/articles/nosuch", "404"},
          {"/api/timeline?q=a&q=b&q=c&q=d", "400"}
        }) {
      assertEquals(Integer.parseInt(c[1]), get(c[0]).statusCode(), c[0]);
    }
    assertEquals(
        "{\"status\":400,\"error\":\"unknown outlet 'Nope' (values: 'Chip Weekly', 'Cloud Daily')\"}",
        get("/api/search?outlet=Nope").body());
  }
}
