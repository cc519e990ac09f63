package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.index.Indexer;
import passages.ingest.CorpusReader;

/**
 * Search over two real indexes on disk: the five seeds (corpus/) and a tiny hand-written corpus.
 */
class ParagraphSearcherTest {
  @TempDir static Path seedsDir;
  @TempDir static Path miniDir;
  static ParagraphSearcher seeds;
  static ParagraphSearcher mini;

  @BeforeAll
  static void buildIndexes() throws IOException {
    new Indexer(text -> List.of()).rebuild(new CorpusReader(Path.of("corpus")), seedsDir);
    new Indexer(text -> List.of())
        .rebuild(new CorpusReader(Path.of("src/test/resources/corpus-mini")), miniDir);
    seeds = new ParagraphSearcher(seedsDir);
    mini = new ParagraphSearcher(miniDir);
  }

  @AfterAll
  static void close() throws IOException {
    seeds.close();
    mini.close();
  }

  @Test
  void search_trainium3_findsExactlyTheTwoParagraphsNamingIt() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of("Trainium3"));

    assertEquals(2, r.total());
    // the paragraph naming Trainium3 and its instance name Trn3 ranks above the one naming
    // Trainium3 only
    assertEquals(List.of("000_a5713e335d5c133d.p10", "001_ed1477a7c1dbfa86.p26"), ids(r));
    assertEquals(
        "The upcoming <mark>Trainium3</mark> accelerator is beginning to roll out in select data centers, "
            + "with AWS executives signaling plans to scale deployment rapidly in the coming year.",
        r.hits().get(1).passage());
    assertEquals(List.of(new FacetValue("Khogendra Rupini", 1)), r.facets().get("outlet"));
  }

  @Test
  void search_trainium3_matchesTrn3AndSpacedForm() throws IOException {
    var expected = java.util.Set.of("001_ed1477a7c1dbfa86.p26", "000_a5713e335d5c133d.p10");
    assertEquals(
        expected, java.util.Set.copyOf(ids(seeds.search(SearchRequest.of("\"trainium 3\"")))));
    assertEquals(expected, java.util.Set.copyOf(ids(seeds.search(SearchRequest.of("Trn3")))));
    SearchResult spaced = mini.search(SearchRequest.of("Trainium3"));
    assertEquals(
        "Amazon said its <mark>Trainium 3</mark> chips will ship next year, according to the company&#39;s statement.",
        spaced.hits().getFirst().passage());
  }

  @Test
  void search_trainiumAtCiol_onlyCiolsParagraph() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of("Trainium").withOutlets(List.of("CIOL")));

    assertEquals(List.of("002_812369ea3ecc10d9.p12"), ids(r));
    assertEquals(List.of(new FacetValue("CIOL", 1)), r.facets().get("outlet"));
  }

  @Test
  void search_dollarPhrase_findsTheThreeParagraphs() throws IOException {
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
  void search_junkFromTheSeeds_findsNothing() throws IOException {
    for (String q :
        List.of(
            "Advertisment",
            "\"Open for Collaboration\"",
            "\"website design\"",
            "\"author-image\"",
            "\"Python Programming\"",
            "\"Was this page helpful\"",
            "\"Manisha Sharma\"",
            "\"New Update\"")) {
      assertEquals(0, seeds.search(SearchRequest.of(q)).total(), q);
    }
  }

  @Test
  void search_blankQuery_matchesEveryParagraphWithExactFacets() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of(""));

    assertEquals(97, r.total());
    assertEquals(
        List.of(
            new FacetValue("Khogendra Rupini", 36),
            new FacetValue("Dailyza", 23),
            new FacetValue("CIOL", 16),
            new FacetValue("SecurityOnline", 6)),
        r.facets().get("outlet"));
  }

  @Test
  void search_identicalTextsOnOnePage_shownOnceWithTheOtherInAlsoIn(@TempDir Path dupDir)
      throws IOException {
    new Indexer(text -> List.of())
        .rebuild(new CorpusReader(Path.of("src/test/resources/corpus-dup")), dupDir);
    try (ParagraphSearcher dup = new ParagraphSearcher(dupDir)) {
      SearchResult r = dup.search(SearchRequest.of("budget"));

      assertEquals(3, r.total()); // every matching paragraph is counted
      assertEquals(List.of("wire-a.p1", "wire-b.p2"), ids(r));
      assertEquals(
          List.of(new Hit.Duplicate("wire-b.p1", "Wire B", "/articles/wire-b#p-1")),
          r.hits().getFirst().alsoIn());
      assertEquals(1, r.hits().getFirst().alsoInOutlets());
      assertEquals(List.of("wire-b.p2"), ids(dup.search(SearchRequest.of("budget").withOffset(1))));
    }
  }

  @Test
  void search_pagesInARow_equalOneLongPage() throws IOException {
    SearchRequest q = SearchRequest.of("OpenAI").withFacets(false);
    List<String> paged = new java.util.ArrayList<>();
    for (int offset = 0; offset < 60; offset += 10) {
      paged.addAll(ids(seeds.search(q.withOffset(offset).withLimit(10))));
    }
    assertEquals(ids(seeds.search(q.withLimit(60))), paged);
    assertEquals(paged.size(), new java.util.HashSet<>(paged).size());
  }

  @Test
  void search_not_excludesParagraphsWhoseTextHasIt_evenWhenTheirSectionOrHeadlineMatches()
      throws IOException {
    // on the seeds, 5 paragraphs under a section or headline naming OpenAI say Amazon
    // in their text: before, the section or headline branch matched them despite the NOT
    SearchResult r = seeds.search(SearchRequest.of("openai NOT amazon").withLimit(100));
    for (Hit h : r.hits()) {
      String text = seeds.findParagraph(h.id()).orElseThrow().text().toLowerCase(Locale.ROOT);
      assertFalse(text.matches("(?s).*\\bamazon.*"), h.id() + " says Amazon");
    }
    assertEquals(19, r.total()); // 24 before
  }

  @Test
  void search_booleanSyntax_andOrNotParentheses() throws IOException {
    assertEquals(List.of("alpha.p2"), ids(mini.search(SearchRequest.of("nvidia NOT shares"))));
    // BM25: the rarer word ranks its paragraph first; of the two naming Nvidia, the sentence of 13
    // words ranks
    // above the line of 6 (the quality prior)
    assertEquals(
        List.of("alpha.p1", "alpha.p2", "beta.p2"),
        ids(mini.search(SearchRequest.of("nvidia OR statement"))));
    assertEquals(
        List.of("alpha.p1"), ids(mini.search(SearchRequest.of("(amazon AND chips) OR nothing"))));
    assertEquals(List.of(), ids(mini.search(SearchRequest.of("amazon nvidia"))));
  }

  @Test
  void search_possessiveAndHyphenatedForms_match() throws IOException {
    assertEquals(List.of("alpha.p1"), ids(mini.search(SearchRequest.of("company"))));
    assertEquals(List.of("beta.p1"), ids(mini.search(SearchRequest.of("OpenAI’s partnership"))));
    assertEquals(
        "OpenAI signed a $38 billion deal with AWS, the <mark>Amazon</mark>-OpenAI partnership said.",
        mini.search(SearchRequest.of("amazon")).hits().get(1).passage());
  }

  @Test
  void search_storedMarkup_isEscapedInPassage() throws IOException {
    Hit hit = mini.search(SearchRequest.of("onerror")).hits().getFirst();

    assertEquals(
        "A paragraph with &lt;img src=x <mark>onerror</mark>=alert(1)&gt; in it must stay text.",
        hit.passage());
    assertEquals(
        "<mark>Analysts</mark> note that Nvidia remains the market leader &amp; expect &lt;b&gt;little&lt;/b&gt; change.",
        mini.search(SearchRequest.of("analysts")).hits().getFirst().passage());
  }

  @Test
  void search_hit_carriesLinksAndMetadata() throws IOException {
    Hit hit = mini.search(SearchRequest.of("onerror")).hits().getFirst();

    assertEquals("alpha.p3", hit.id());
    assertEquals("alpha", hit.articleId());
    assertEquals("Chip Deals Heat Up", hit.title());
    assertEquals("Chip Weekly", hit.outlet());
    assertEquals(3, hit.paragraph());
    assertEquals("/articles/alpha#p-3", hit.link());
    assertEquals(
        "https://example.com/chips/deals?id=7#:~:text=A%20paragraph%20with%20%3Cimg,it%20must%20stay%20text.",
        hit.sourceLink());
    assertEquals(null, mini.search(SearchRequest.of("shares")).hits().getFirst().sourceLink());
  }

  @Test
  void search_paging_offsetAndLimit() throws IOException {
    SearchResult page = mini.search(SearchRequest.of("").withLimit(2).withOffset(3));

    assertEquals(5, page.total());
    assertEquals(List.of("beta.p1", "beta.p2"), ids(page));
    assertEquals(List.of(), ids(mini.search(SearchRequest.of("").withLimit(2).withOffset(10))));
  }

  @Test
  void search_outletFilter_repeatsAsOr() throws IOException {
    assertEquals(
        5,
        mini.search(SearchRequest.of("").withOutlets(List.of("Chip Weekly", "Cloud Daily")))
            .total());
    assertEquals(2, mini.search(SearchRequest.of("").withOutlets(List.of("Cloud Daily"))).total());
  }

  @Test
  void search_userMistakes_areInvalidRequestsNamingTheProblem() throws IOException {
    assertEquals(
        "invalid query: Cannot parse 'foo AND': Encountered \"<EOF>\" at line 1, column 7.",
        assertThrows(InvalidRequestException.class, () -> mini.search(SearchRequest.of("foo AND")))
            .getMessage());
    assertEquals(
        "invalid query: Cannot parse '*ai': '*ai': a wildcard needs at least 2 letters before it",
        assertThrows(InvalidRequestException.class, () -> mini.search(SearchRequest.of("*ai")))
            .getMessage());
    for (String[] c :
        new String[][] {
          {
            "/.*a.*b.*/",
            "invalid query: Cannot parse '/.*a.*b.*/': regular expressions (/…/) are not supported; use words, \"phrases\" or prefix*"
          },
          {
            "a*",
            "invalid query: Cannot parse 'a*': 'a*': a wildcard needs at least 2 letters before it"
          },
          {
            "n?idia",
            "invalid query: Cannot parse 'n?idia': 'n?idia': a wildcard needs at least 2 letters before it"
          },
          {
            "ab* ac* ad* ae* af* ag* ah* ai* aj*",
            "invalid query: Cannot parse 'ab* ac* ad* ae* af* ag* ah* ai* aj*': too many wildcard, prefix or fuzzy terms (at most 8)"
          },
          {
            "outlet:CIOL",
            "invalid query: Cannot parse 'outlet:CIOL': unknown field 'outlet:' (only the paragraph text is searched; filter outlets with outlet=)"
          },
          {
            "re:nvid*",
            "invalid query: Cannot parse 're:nvid*': unknown field 're:' (only the paragraph text is searched; filter outlets with outlet=)"
          }
        }) {
      assertEquals(
          c[1],
          assertThrows(InvalidRequestException.class, () -> mini.search(SearchRequest.of(c[0])))
              .getMessage(),
          c[0]);
    }
    assertEquals(List.of("alpha.p2", "beta.p2"), ids(mini.search(SearchRequest.of("nvid*"))));
    assertEquals(List.of("alpha.p2", "beta.p2"), ids(mini.search(SearchRequest.of("nvidai~1"))));
    assertEquals(5, mini.search(SearchRequest.of("*:*")).total());
    assertEquals(
        "unknown outlet 'Nope'",
        assertThrows(
                InvalidRequestException.class,
                () -> mini.search(SearchRequest.of("").withOutlets(List.of("Nope"))))
            .getMessage());
    assertEquals(
        "limit must be 1..100, got 0",
        assertThrows(InvalidRequestException.class, () -> SearchRequest.of("").withLimit(0))
            .getMessage());
  }

  @Test
  void search_wordBeforeAColonThatNamesNoField_isText() throws IOException {
    for (String[] pair :
        new String[][] {
          {"Amazon: OpenAI", "Amazon OpenAI"},
          {"Update: Trainium3", "Update Trainium3"},
          {"OpenAI: \"cloud deal\"", "OpenAI \"cloud deal\""}
        }) {
      assertEquals(
          ids(seeds.search(SearchRequest.of(pair[1]))),
          ids(seeds.search(SearchRequest.of(pair[0]))),
          pair[0]);
    }
    assertEquals(
        List.of("000_a5713e335d5c133d.p10", "001_ed1477a7c1dbfa86.p26"),
        ids(seeds.search(SearchRequest.of("Trainium3: Trainium3"))).stream().sorted().toList());
    assertTrue(seeds.search(SearchRequest.of("Amazon: OpenAI")).total() > 0);
  }

  @Test
  void findParagraph_knownAndUnknownIds() throws IOException {
    ParagraphView p = mini.findParagraph("beta.p2").orElseThrow();

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
            List.of(),
            "/p/beta/" + Permalinks.fingerprint("Nvidia shares rose after the announcement."),
            List.of(),
            Map.of(),
            "body"),
        p);
    for (String bad : List.of("beta.p3", "beta", "../beta.p1", "beta.p0", "", "beta.p1\0")) {
      assertEquals(java.util.Optional.empty(), mini.findParagraph(bad), bad);
    }
  }

  @Test
  void findArticle_paragraphsInOrder() throws IOException {
    ArticleView a = mini.findArticle("alpha").orElseThrow();

    assertEquals(
        List.of("alpha.p1", "alpha.p2", "alpha.p3"),
        a.paragraphs().stream().map(ParagraphView::id).toList());
    assertEquals("2025-12-16", a.date());
    assertEquals(java.util.Optional.empty(), mini.findArticle("../alpha"));
  }

  @Test
  void ids_stableAcrossRebuild(@TempDir Path again) throws IOException {
    new Indexer(text -> List.of()).rebuild(new CorpusReader(Path.of("corpus")), again);
    try (ParagraphSearcher rebuilt = new ParagraphSearcher(again)) {
      SearchRequest all = SearchRequest.of("").withLimit(100);
      assertEquals(ids(seeds.search(all)), ids(rebuilt.search(all)));
    }
  }

  @Test
  void search_collapse_foldsSameTextFromSeveralOutlets(@TempDir Path corpus, @TempDir Path index)
      throws IOException {
    java.nio.file.Files.writeString(
        corpus.resolve("a.txt"),
        "The senate passed the budget on Tuesday, officials said.\nA unique line about budgets.\n");
    java.nio.file.Files.writeString(
        corpus.resolve("b.txt"),
        "The Senate passed the budget on Tuesday — officials said\u2026\n");
    java.nio.file.Files.writeString(
        corpus.resolve("c.txt"), "THE SENATE PASSED THE BUDGET ON TUESDAY, OFFICIALS SAID.\n");
    java.nio.file.Files.writeString(
        corpus.resolve("sources.json"),
        "{\"a.txt\": {\"outlet\": \"Alpha\"}, \"b.txt\": {\"outlet\": \"Beta\"}, \"c.txt\": {\"outlet\": \"Alpha\"}}");
    new Indexer(text -> List.of()).rebuild(new CorpusReader(corpus), index);

    try (ParagraphSearcher s = new ParagraphSearcher(index)) {
      SearchResult flat = s.search(SearchRequest.of("budget"));
      SearchResult folded = s.search(SearchRequest.of("budget").withCollapse(true));

      assertEquals(List.of(4L, 4L), List.of(flat.total(), flat.groups()));
      assertEquals(List.of(4L, 2L), List.of(folded.total(), folded.groups()));
      Hit unique =
          folded.hits().stream().filter(h -> h.id().equals("a.p2")).findFirst().orElseThrow();
      Hit senate =
          folded.hits().stream().filter(h -> !h.id().equals("a.p2")).findFirst().orElseThrow();
      assertEquals(List.of(), unique.alsoIn());
      assertEquals(2, senate.alsoIn().size());
      assertEquals(1, senate.alsoInOutlets());
      assertEquals(
          java.util.Set.of("a.p1", "b.p1", "c.p1"),
          java.util.Set.of(senate.id(), senate.alsoIn().get(0).id(), senate.alsoIn().get(1).id()));
      assertEquals(
          List.of(new FacetValue("Alpha", 3), new FacetValue("Beta", 1)),
          folded.facets().get("outlet"));
    }
  }

  @Test
  void search_withoutHighlightOrFacets_plainPassageEmptyFacets() throws IOException {
    SearchResult r = mini.search(SearchRequest.of("shares").withHighlight(false).withFacets(false));

    assertEquals("Nvidia shares rose after the announcement.", r.hits().getFirst().passage());
    assertEquals(List.of(), r.facets().get("outlet"));
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  static Map<String, List<FacetValue>> facets(SearchResult r) {
    return r.facets();
  }
}
