package passages.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.search.InvalidRequestException;
import passages.search.ParagraphSearcher;
import passages.search.QueryFactory;
import passages.search.SearchRequest;

/**
 * The query front end takes any text: {@link QueryFactory#parse} either returns a query or throws
 * {@link InvalidRequestException}, and so does running it (rewrite, facets, highlighting) against
 * the seed corpus's index, whose real vocabulary lets fuzzy and wildcard terms expand.
 */
class QueryFuzzTest {
  private static final QueryFactory QUERIES = new QueryFactory();
  private static Path indexDir;
  private static ParagraphSearcher searcher;

  @BeforeAll
  static void buildIndex() throws IOException {
    indexDir = Files.createTempDirectory("passages-query-fuzz");
    new Indexer(text -> List.of()).rebuild(new CorpusReader(Path.of("corpus")), indexDir);
    searcher = new ParagraphSearcher(indexDir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
    try (var files = Files.list(indexDir)) {
      for (Path f : files.toList()) Files.delete(f);
    }
    Files.delete(indexDir);
  }

  @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
  void parseAndSearch(byte[] input) throws IOException {
    String q = new String(input, StandardCharsets.UTF_8);
    if (q.length() > SearchRequest.MAX_QUERY_CHARS)
      q = q.substring(0, SearchRequest.MAX_QUERY_CHARS);
    try {
      QUERIES.parse(q);
      searcher.search(SearchRequest.of(q));
    } catch (InvalidRequestException expected) {
      // the one way a query may be refused
    }
  }
}
