package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.entities.EntityExtractor;
import passages.entities.EntityExtractors;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.ingest.ParagraphStream;

/** Entity facets, filters and query-time aliases on the seeds, indexed with the real extractor. */
class EntitySearchTest {
  @TempDir static Path indexDir;
  static ParagraphSearcher seeds;

  @BeforeAll
  static void build() throws IOException {
    EntityExtractor extractor =
        EntityExtractors.create(new ParagraphStream(new CorpusReader(Path.of("corpus")), 2));
    new Indexer(extractor, EntityExtractors.version(), 2, p -> {})
        .rebuild(new CorpusReader(Path.of("corpus")), indexDir);
    seeds = new ParagraphSearcher(indexDir);
  }

  @AfterAll
  static void close() throws IOException {
    seeds.close();
  }

  @Test
  void facets_allParagraphs_countsPerType() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of("").withFacetLimit(5));

    assertEquals(
        List.of(
            new FacetValue("OpenAI", 57),
            new FacetValue("Amazon", 46),
            new FacetValue("Amazon Web Services", 21),
            new FacetValue("Microsoft", 15),
            new FacetValue("Nvidia", 10)),
        r.facets().get("org"));
    assertEquals(List.of(new FacetValue("Sam Altman", 1)), r.facets().get("person"));
    assertEquals(
        List.of(
            new FacetValue("$10 billion", 11),
            new FacetValue("$500 billion", 9),
            new FacetValue("$38 billion", 3),
            new FacetValue("$1 trillion", 1),
            new FacetValue("$13 billion", 1)),
        r.facets().get("money"));
    assertEquals(List.of(new FacetValue("Silicon Valley", 1)), r.facets().get("place"));
  }

  @Test
  void facets_denseAndSparseCounting_sameAnswers() throws IOException {
    try (ParagraphSearcher denseSearcher =
            new ParagraphSearcher(
                indexDir, SearchOptions.DEFAULTS.withFacetCounting(FacetCounting.DENSE));
        ParagraphSearcher sparseSearcher =
            new ParagraphSearcher(
                indexDir, SearchOptions.DEFAULTS.withFacetCounting(FacetCounting.SPARSE));
        ParagraphSearcher adaptiveSearcher =
            new ParagraphSearcher(
                indexDir, SearchOptions.DEFAULTS.withFacetCounting(FacetCounting.ADAPTIVE))) {
      for (String q :
          List.of(
              "", "Amazon", "OpenAI OR Nvidia", "\"$10 billion\"", "cloud", "nosuchwordanywhere")) {
        for (int limit : List.of(1, 3, 10, 1000)) {
          SearchRequest r = SearchRequest.of(q).withFacetLimit(limit);
          var dense = denseSearcher.search(r).facets();
          var sparse = sparseSearcher.search(r).facets();
          var adaptive = adaptiveSearcher.search(r).facets();

          assertEquals(dense, sparse, q + " / " + limit);
          assertEquals(dense, adaptive, q + " / " + limit);
          // and again: the reused count arrays were left clean
          assertEquals(dense, denseSearcher.search(r).facets(), q + " / " + limit + " (again)");
          assertEquals(
              dense, sparseSearcher.search(r).facets(), q + " / " + limit + " (again, sparse)");
          assertEquals(
              dense, adaptiveSearcher.search(r).facets(), q + " / " + limit + " (again, adaptive)");
        }
      }
    }
  }

  @Test
  void search_splitAcrossCores_sameHitsTotalsAndFacets() throws IOException {
    for (FacetCounting counting : List.of(FacetCounting.SPARSE, FacetCounting.DENSE)) {
      try (ParagraphSearcher sliced =
          new ParagraphSearcher(
              indexDir, SearchOptions.DEFAULTS.withPartitionFrom(0).withFacetCounting(counting))) {
        for (String q :
            List.of(
                "",
                "Amazon",
                "OpenAI OR Nvidia",
                "\"$10 billion\"",
                "cloud chips",
                "nosuchwordanywhere")) {
          for (boolean collapse : List.of(false, true)) {
            SearchRequest r = SearchRequest.of(q).withLimit(7).withOffset(2).withCollapse(collapse);
            assertEquals(
                seeds.search(r),
                sliced.search(r),
                q + " collapse=" + collapse + " counting=" + counting);
          }
        }
      }
    }
  }

  @Test
  void facets_noJunkValuesFromTheSeeds() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of("").withFacetLimit(1000));

    for (var dim : r.facets().entrySet()) {
      if (dim.getKey().equals("outlet")) continue;
      for (FacetValue v : dim.getValue()) {
        for (String junk :
            List.of(
                "What",
                "Why",
                "Key",
                "Market",
                "Contact",
                "Python",
                "Khogendra",
                "Manisha",
                "Edit Profile",
                "Open for Collaboration",
                "Website",
                "New Update")) {
          assertTrue(!v.value().startsWith(junk), dim.getKey() + ": " + v.value());
        }
      }
    }
  }

  @Test
  void hits_carryTheirEntities() throws IOException {
    Hit hit =
        seeds.search(SearchRequest.of("\"upcoming Trainium3 accelerator\"")).hits().getFirst();

    assertEquals(
        List.of(
            new HitEntity("product", "Trainium3", "Trainium3", 13, 22),
            new HitEntity("org", "Amazon Web Services", "AWS", 89, 92)),
        hit.entities());
  }

  @Test
  void entityFilter_sameTypeOr_differentTypesAnd() throws IOException {
    java.util.Set<String> amazon = idSet(request("", "org:Amazon"));
    java.util.Set<String> aws = idSet(request("", "org:Amazon Web Services"));
    java.util.Set<String> union = new java.util.TreeSet<>(amazon);
    union.addAll(aws);

    assertEquals(List.of(46, 21), List.of(amazon.size(), aws.size()));
    assertEquals(union, idSet(request("", "org:Amazon", "org:Amazon Web Services")));
    assertEquals(
        java.util.Set.of("000_a5713e335d5c133d.p10", "001_ed1477a7c1dbfa86.p26"),
        idSet(request("", "org:Amazon Web Services", "product:Trainium3")));
    assertEquals(java.util.Set.of(), idSet(request("", "org:Amazon", "product:Trainium3")));
    assertEquals(
        List.of("001_ed1477a7c1dbfa86.p17", "002_812369ea3ecc10d9.p5", "004_0998a82aa1485130.p2"),
        seeds.search(request("", "money:$38 billion")).hits().stream().map(Hit::id).toList());
  }

  @Test
  void aliases_nameFindsItsOtherForms_andTheMatchedFormIsMarked() throws IOException {
    SearchResult full = seeds.search(SearchRequest.of("\"Amazon Web Services\""));
    SearchResult bare = seeds.search(SearchRequest.of("Amazon Web Services"));
    SearchResult acronym = seeds.search(SearchRequest.of("AWS"));

    // 22 paragraphs name it; 2 more sit under a section heading that does
    assertEquals(24, full.total());
    assertEquals(List.of(24L, 24L), List.of(bare.total(), acronym.total()));
    String trainium3 =
        seeds
            .search(SearchRequest.of("\"Amazon Web Services\" \"upcoming Trainium3\""))
            .hits()
            .getFirst()
            .passage();
    assertTrue(trainium3.contains("with <mark>AWS</mark> executives"), trainium3);
  }

  @Test
  void aliases_moneyForms() throws IOException {
    SearchResult r = seeds.search(SearchRequest.of("$10B"));

    assertEquals(11, r.total());
    assertTrue(
        r.hits().stream().anyMatch(h -> h.passage().contains("<mark>$10 billion</mark>")),
        r.hits().toString());
  }

  private static java.util.Set<String> idSet(SearchRequest r) throws IOException {
    SearchRequest all =
        SearchRequest.of(r.q()).withOutlets(r.outlets()).withEntities(r.entities()).withLimit(100);
    return new java.util.TreeSet<>(seeds.search(all).hits().stream().map(Hit::id).toList());
  }

  private static SearchRequest request(String q, String... entities) {
    return SearchRequest.of(q)
        .withEntities(java.util.Arrays.stream(entities).map(EntityFilter::parse).toList());
  }
}
