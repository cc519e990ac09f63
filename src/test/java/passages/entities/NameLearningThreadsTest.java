package passages.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import passages.ingest.CorpusReader;
import passages.ingest.ParagraphStream;

/** Learning names on several threads learns exactly what one thread learns. */
class NameLearningThreadsTest {
  /**
   * The first 20,000 paragraphs of the allsides corpus: real text, with names the gazetteer lacks.
   */
  private static final Path ALLSIDES = Path.of("../shared/data/allsides-news/articles.jsonl.gz");

  @Test
  void learn_oneOrFourThreads_sameNames() {
    assertTrue(
        Files.isRegularFile(ALLSIDES),
        ALLSIDES.toAbsolutePath().normalize()
            + " is missing: this test learns from the shared allsides corpus (clone the project beside ../shared)");
    List<String> corpus = new ArrayList<>();
    new ParagraphStream(new CorpusReader(ALLSIDES), 2, 20_000).forEach(corpus::add);

    List<String> one = learned(corpus, 1);
    List<String> four = learned(corpus, 4);

    assertTrue(corpus.size() >= 20_000, "paragraphs read: " + corpus.size());
    assertFalse(one.isEmpty());
    assertEquals(one, four);
  }

  private static List<String> learned(List<String> corpus, int threads) {
    NameRules rules = new NameRules();
    NameTrie trie = new NameTrie();
    Gazetteer.bundled().addTo(trie);
    NameLearner learner = EntityExtractors.learn(corpus, trie, rules, threads);
    learner.learned();
    return learner.report.stream().sorted().toList();
  }
}
