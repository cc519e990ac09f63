package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * Abbreviation aliases respect case and dots ({@code louisiana} is not "La La Land" nor "Las
 * Vegas"), and number groups are not words ({@code 617} is not "176,617"), on a hand-written
 * article indexed with the real extractor.
 */
class AliasCaseTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus-aliases");
  @TempDir static Path indexDir;
  static ParagraphSearcher searcher;

  @BeforeAll
  static void build() throws IOException {
    EntityExtractor extractor =
        EntityExtractors.create(new ParagraphStream(new CorpusReader(CORPUS), 1));
    new Indexer(extractor::extract, EntityExtractors.version(), 1, p -> {})
        .rebuild(new CorpusReader(CORPUS), indexDir);
    searcher = new ParagraphSearcher(indexDir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void stateName_findsTheNameAndItsTaggedAbbreviation_notLowerCaseWordsOrStems()
      throws IOException {
    assertEquals(List.of("states.p1", "states.p4"), ids("louisiana"));
  }

  @Test
  void cityAcronym_matchesTheCapitalsOnly() throws IOException {
    assertEquals(List.of("states.p5"), ids("\"Los Angeles\""));
    assertEquals(List.of("states.p5"), ids("LA"));
  }

  @Test
  void lowerCaseWord_typedByTheUser_stillMatchesTheWord() throws IOException {
    assertEquals(List.of("states.p2"), ids("\"la la land\""));
  }

  @Test
  void numberGroups_areNotWords() throws IOException {
    assertEquals(List.of("states.p7"), ids("617"));
    assertEquals(List.of("states.p6"), ids("176,617"));
  }

  private static List<String> ids(String q) throws IOException {
    return searcher.search(SearchRequest.of(q)).hits().stream().map(Hit::id).sorted().toList();
  }
}
