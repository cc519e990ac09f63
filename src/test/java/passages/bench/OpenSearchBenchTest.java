package passages.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import passages.search.SearchOptions;

/** The raw OpenSearch search the side-by-side benchmark sends for a queries.txt line. */
class OpenSearchBenchTest {
  private final OpenSearchBench bench =
      new OpenSearchBench(
          new OpenSearchBench.Config(
              Path.of("c.jsonl"),
              0,
              Path.of("q.txt"),
              Path.of("w"),
              0,
              1,
              1,
              1,
              1,
              1,
              "bench",
              1,
              0,
              false),
          SearchOptions.DEFAULTS,
          null,
          "http://127.0.0.1:9200",
          false,
          new PrintWriter(new StringWriter()));
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void rawBody_termAndPhrase_top10_everyClauseRequired_noCaptions() throws Exception {
    assertEquals(
        json.readTree(
            """
            {"size":10,"track_total_hits":true,
             "_source":["articleId","paragraph","title","outlet","url","date","text"],
             "query":{"bool":{
               "must":[{"match":{"text":{"query":"median","operator":"and"}}},
                       {"match_phrase":{"text":"know but"}}],
               "must_not":[{"term":{"kind":"caption"}}]}}}
            """),
        json.readTree(bench.rawBody("median \"know but\"", Mode.TOP_10)));
  }

  @Test
  void rawBody_facets_highlightWholeTextAndTermsOfEveryDimension() throws Exception {
    assertEquals(
        json.readTree(
            """
            {"size":10,"track_total_hits":true,
             "_source":["articleId","paragraph","title","outlet","url","date"],
             "query":{"bool":{
               "must":[{"match":{"text":{"query":"senate","operator":"and"}}}],
               "must_not":[{"term":{"kind":"caption"}}]}},
             "highlight":{"fields":{"text":{"type":"unified","number_of_fragments":0,
                                             "pre_tags":["<mark>"],"post_tags":["</mark>"]}}},
             "aggs":{"outlet":{"terms":{"field":"outlet","size":10}},
                     "author":{"terms":{"field":"author","size":10}},
                     "org":{"terms":{"field":"org","size":10}},
                     "person":{"terms":{"field":"person","size":10}},
                     "product":{"terms":{"field":"product","size":10}},
                     "place":{"terms":{"field":"place","size":10}},
                     "money":{"terms":{"field":"money","size":10}}}}
            """),
        json.readTree(bench.rawBody("senate", Mode.FACETS)));
  }
}
