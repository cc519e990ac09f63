package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.index.Indexer;
import passages.ingest.CorpusReader;

/**
 * Dates, date ranges, sort by date, timelines and metadata facets over a real index of a small
 * dated corpus, beyond what {@code passages.web.BackendContractTest} checks on both backends (the
 * month timeline, from/to totals) (src/test/resources/dated: 6 articles, 10 paragraphs; "wall" is
 * in 6 of them, one undated).
 */
class TimeAxisTest {
  @TempDir static Path dir;
  static ParagraphSearcher searcher;

  @BeforeAll
  static void build() throws IOException {
    new Indexer(text -> List.of())
        .rebuild(new CorpusReader(Path.of("src/test/resources/dated")), dir);
    searcher = new ParagraphSearcher(dir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void everyHitCarriesItsArticlesDay_andMetadata() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("critics"));
    Hit hit = r.hits().getFirst();
    assertEquals("2016-01-31", hit.date()); // 23:00 at -05:00 is still the 31st there
    assertEquals(List.of("Bo Kim", "Ann Lee"), hit.authors());
    assertEquals(List.of("topic", "bias"), List.copyOf(hit.meta().keySet()));
    assertEquals("right", hit.meta().get("bias"));
    assertNull(searcher.search(SearchRequest.of("debate")).hits().getFirst().date());
    assertEquals("2016-03-02", searcher.findArticle("d3").orElseThrow().date());
    assertEquals("2016-03-02", searcher.findParagraph("d3.p2").orElseThrow().date());
  }

  @Test
  void timelineByYearAndWeek_andAutoPicksWeeks() throws IOException {
    Timeline year =
        searcher.search(SearchRequest.of("wall").withTimeline(Interval.YEAR)).timeline();
    assertEquals(
        List.of(new Timeline.Bucket("2016-01-01", 5, 7), new Timeline.Bucket("2017-01-01", 0, 1)),
        year.buckets());
    Timeline week =
        searcher.search(SearchRequest.of("wall").withTimeline(Interval.WEEK)).timeline();
    assertEquals(
        new Timeline.Bucket("2016-01-11", 1, 2),
        week.buckets().getFirst()); // Friday the 15th is in the week of Monday the 11th
    assertEquals(new Timeline.Bucket("2016-01-25", 2, 2), week.buckets().get(2));
    assertEquals(new Timeline.Bucket("2017-01-02", 0, 1), week.buckets().getLast());
    assertEquals(52, week.buckets().size());
    // 354 days: more than 200 day buckets, so auto takes weeks (52 buckets)
    Timeline auto =
        searcher.search(SearchRequest.of("wall").withTimeline(Interval.AUTO)).timeline();
    assertEquals("week", auto.interval());
    assertEquals(week.buckets(), auto.buckets());
  }

  @Test
  void badDates_nameTheParameter() {
    assertEquals(
        "from must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '2016-13': months are 01 to 12",
        assertThrows(InvalidRequestException.class, () -> DayRange.parse("2016-13", null))
            .getMessage());
    assertEquals(
        "to must be a date YYYY, YYYY-MM or YYYY-MM-DD, got '2016-02-30': 2016-02 has 29 days",
        assertThrows(InvalidRequestException.class, () -> DayRange.parse(null, "2016-02-30"))
            .getMessage());
    assertEquals(
        "to must be a date YYYY, YYYY-MM or YYYY-MM-DD, got 'yesterday'",
        assertThrows(InvalidRequestException.class, () -> DayRange.parse(null, "yesterday"))
            .getMessage());
    assertEquals(
        "from (2017-01-01) is after to (2016-12-31)",
        assertThrows(InvalidRequestException.class, () -> DayRange.parse("2017", "2016"))
            .getMessage());
    assertEquals(
        "sort must be relevance, newest or oldest, got 'date'",
        assertThrows(InvalidRequestException.class, () -> Order.parse("date")).getMessage());
  }

  @Test
  void sortByDate_undatedLast() throws IOException {
    assertEquals(
        Arrays.asList("2016-03-31", "2016-03-02", "2016-01-31", "2016-01-31", "2016-01-15", null),
        dates(searcher.search(SearchRequest.of("wall").withOrder(Order.NEWEST))));
    assertEquals(
        Arrays.asList("2016-01-15", "2016-01-31", "2016-01-31", "2016-03-02", "2016-03-31", null),
        dates(searcher.search(SearchRequest.of("wall").withOrder(Order.OLDEST))));
    assertEquals(
        Arrays.asList("2016-01-31", "2016-01-31", "2016-01-15", null),
        dates(
            searcher.search(
                SearchRequest.of("wall")
                    .withOrder(Order.NEWEST)
                    .withCollapse(true)
                    .withMetadata(
                        List.of(
                            MetaFilter.parse("topic:immigration"),
                            MetaFilter.parse("bias:left"),
                            MetaFilter.parse("bias:right"))))));
  }

  @Test
  void metadataFacets_exactCounts_andFilters() throws IOException {
    SearchResult r = searcher.search(SearchRequest.of("wall"));
    assertEquals(
        List.of("outlet", "author", "bias", "topic", "org", "person", "product", "place", "money"),
        List.copyOf(r.facets().keySet())); // "note" is on 1 paragraph in 5: a filter, not a facet
    assertEquals(
        List.of(new FacetValue("Ann Lee", 3), new FacetValue("Bo Kim", 2)),
        r.facets().get("author"));
    assertEquals(
        List.of(new FacetValue("right", 3), new FacetValue("left", 2), new FacetValue("center", 1)),
        r.facets().get("bias"));
    assertEquals(
        List.of(new FacetValue("immigration", 5), new FacetValue("economy", 1)),
        r.facets().get("topic"));

    assertEquals(2, total("wall", MetaFilter.parse("bias:left")));
    assertEquals(
        5,
        total(
            "wall", MetaFilter.parse("bias:left"), MetaFilter.parse("bias:right"))); // same key: OR
    assertEquals(
        3,
        total(
            "wall", MetaFilter.parse("bias:right"), MetaFilter.parse("topic:immigration"))); // AND
    assertEquals(
        0, total("wall", MetaFilter.parse("bias:right"), MetaFilter.parse("topic:economy")));
    assertEquals(3, total("wall", MetaFilter.author("Ann Lee")));
    assertEquals(1, total("wall", MetaFilter.parse("note:only here")));
    SearchResult left =
        searcher.search(
            SearchRequest.of("wall").withMetadata(List.of(MetaFilter.parse("bias:left"))));
    assertEquals(List.of(new FacetValue("left", 2)), left.facets().get("bias"));
    assertEquals(
        "meta: unknown metadata key 'color' (keys: author, bias, note, topic)",
        assertThrows(
                InvalidRequestException.class, () -> total("wall", MetaFilter.parse("color:red")))
            .getMessage());
    assertEquals(
        "meta must be key:value, e.g. meta=bias:left, got 'bias'",
        assertThrows(InvalidRequestException.class, () -> MetaFilter.parse("bias")).getMessage());
  }

  @Test
  void compare_eachQueryItsCounts_theSameAll() throws IOException {
    List<SearchResult> series =
        searcher.compare(
            List.of("wall", "taxes"),
            SearchRequest.of("")
                .withTimeline(Interval.MONTH)
                .withDays(DayRange.parse("2016-01", "2016-03")));
    assertEquals(List.of("wall", "taxes"), series.stream().map(SearchResult::query).toList());
    assertEquals(List.of(5L, 2L), series.stream().map(SearchResult::total).toList());
    assertEquals(List.of(3L, 0L, 2L), counts(series.get(0)));
    assertEquals(List.of(1L, 0L, 1L), counts(series.get(1)));
    assertEquals(
        List.of(4L, 0L, 3L),
        series.get(0).timeline().buckets().stream().map(Timeline.Bucket::all).toList());
    assertEquals(
        series.get(0).timeline().buckets().stream().map(Timeline.Bucket::all).toList(),
        series.get(1).timeline().buckets().stream().map(Timeline.Bucket::all).toList());
    assertEquals(
        "q: at most 3 queries are compared, got 4",
        assertThrows(
                InvalidRequestException.class,
                () -> searcher.compare(List.of("a", "b", "c", "d"), SearchRequest.of("")))
            .getMessage());
  }

  @Test
  void timelineOverEveryParagraph() throws IOException {
    Timeline all = searcher.search(SearchRequest.of("").withTimeline(Interval.YEAR)).timeline();
    assertEquals(
        List.of(new Timeline.Bucket("2016-01-01", 7, 7), new Timeline.Bucket("2017-01-01", 1, 1)),
        all.buckets());
    assertEquals(2, all.undated());
  }

  private static long total(String q, MetaFilter... filters) throws IOException {
    return searcher.search(SearchRequest.of(q).withMetadata(List.of(filters))).total();
  }

  private static List<Long> counts(SearchResult r) {
    return r.timeline().buckets().stream().map(Timeline.Bucket::count).toList();
  }

  private static List<String> dates(SearchResult r) {
    List<String> out = new ArrayList<>();
    for (Hit h : r.hits()) out.add(h.date());
    return out;
  }
}
