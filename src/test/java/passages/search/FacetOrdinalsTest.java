package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.index.Fields;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * Facet counts of passages' in-memory ordinals ({@link FacetOrdinals}: article-level values counted
 * per group, entities per paragraph) against Lucene's own {@link SortedSetDocValuesFacetCounts} on
 * the same matches, for every dimension, on the dated fixture (6 articles, 10 paragraphs; two
 * authors on one article; topic and bias metadata) with every capitalised word tagged a person, so
 * paragraphs of one article carry different entities over the same article-level values.
 */
class FacetOrdinalsTest {
  @TempDir static Path dir;

  @BeforeAll
  static void build() throws IOException {
    new Indexer(FacetOrdinalsTest::capitalisedWords)
        .rebuild(new CorpusReader(Path.of("src/test/resources/dated")), dir);
  }

  /** Every capitalised word as a person: entities that differ between paragraphs of an article. */
  private static List<Entity> capitalisedWords(String text) {
    List<Entity> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\\b[A-Z][a-z]+\\b").matcher(text);
    while (m.find())
      out.add(new Entity(EntityType.PERSON, m.group(), m.group(), m.start(), m.end()));
    return out;
  }

  @Test
  void everyDimension_sameCountsAsLucenesFacetCounting() throws IOException {
    try (var directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory);
        ParagraphSearcher searcher = new ParagraphSearcher(dir)) {
      IndexSearcher lucene = new IndexSearcher(reader);
      var state = new DefaultSortedSetDocValuesReaderState(reader, Fields.facetsConfig());
      var queries = new QueryFactory();
      List<String> dims = List.of("outlet", "author", "bias", "topic", "person");
      int checked = 0;
      for (String q : List.of("", "wall", "taxes", "border wall", "critics OR taxes")) {
        Query query = q.isEmpty() ? new MatchAllDocsQuery() : queries.parse(q);
        FacetsCollector fc = lucene.search(query, new FacetsCollectorManager());
        var expectedCounts = new SortedSetDocValuesFacetCounts(state, fc);
        Map<String, List<FacetValue>> expected = new LinkedHashMap<>();
        for (String dim : dims) {
          FacetResult r = expectedCounts.getTopChildren(100, dim);
          List<FacetValue> values = new ArrayList<>();
          if (r != null)
            for (LabelAndValue lv : r.labelValues)
              values.add(new FacetValue(lv.label, lv.value.intValue()));
          values.sort(
              (a, b) ->
                  a.count() != b.count()
                      ? Long.compare(b.count(), a.count())
                      : a.value().compareTo(b.value()));
          expected.put(dim, values);
        }
        var facets = searcher.search(SearchRequest.of(q).withKind("all").withFacetLimit(100));
        for (String dim : dims) {
          assertEquals(expected.get(dim), facets.facets().get(dim), q + " / " + dim);
          checked += expected.get(dim).size();
        }
      }
      assertEquals(58, checked); // facet values compared, so the test cannot pass on empty lists
    }
  }

  @Test
  void timeline_countedWithTheFacets_sameAsCountedAlone_alsoSplitAcrossCores() throws IOException {
    try (ParagraphSearcher one = new ParagraphSearcher(dir);
        ParagraphSearcher sliced =
            new ParagraphSearcher(dir, SearchOptions.DEFAULTS.withPartitionFrom(0))) {
      long matches = 0; // summed over the buckets and the undated: the test compares real counts
      for (String q : List.of("", "wall", "taxes", "critics OR taxes", "nosuchword")) {
        for (boolean collapse : List.of(false, true)) {
          SearchRequest r =
              SearchRequest.of(q)
                  .withKind("all")
                  .withCollapse(collapse)
                  .withTimeline(Interval.MONTH);
          Timeline alone = one.search(r.withFacets(false)).timeline();
          assertEquals(alone, one.search(r).timeline(), q);
          assertEquals(alone, sliced.search(r).timeline(), q + " sliced");
          matches += alone.undated();
          for (Timeline.Bucket b : alone.buckets()) matches += b.count();
        }
      }
      assertEquals(42, matches);
    }
  }
}
