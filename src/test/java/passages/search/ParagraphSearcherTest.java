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
 * Search over real indexes on disk, beyond the backend contract that {@code LuceneContractTest}
 * runs on the same fixtures ({@code passages.web.BackendContractTest}): the query syntax's
 * mistakes, exclusions across fields, word forms, collapse across outlets and ids across rebuilds.
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
  void search_possessiveAndHyphenatedForms_match() throws IOException {
    assertEquals(List.of("alpha.p1"), ids(mini.search(SearchRequest.of("company"))));
    assertEquals(List.of("beta.p1"), ids(mini.search(SearchRequest.of("OpenAI’s partnership"))));
  }

  @Test
  void search_wildcardsRegexAndFields_areInvalidRequestsNamingTheProblem() throws IOException {
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

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(Hit::id).toList();
  }

  static Map<String, List<FacetValue>> facets(SearchResult r) {
    return r.facets();
  }
}
