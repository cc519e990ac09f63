package passages.cli;

import java.io.IOException;
import passages.entities.EntityExtractor;
import passages.entities.EntityExtractors;
import passages.ingest.CorpusReader;
import passages.ingest.LoadedItems;
import passages.ingest.ParagraphStream;

/**
 * The entity extractor the commands index with. Its version is that of the gazetteer and rules, not
 * of the names learned from the corpus: an incremental run does not re-index unchanged articles
 * because a new article taught a new name ({@code index --rebuild} does).
 */
final class EntityWiring {
  private EntityWiring() {}

  /**
   * The version the indexes are tagged with: that of the gazetteer and rules (see the class
   * comment).
   */
  static String version() {
    return EntityExtractors.version();
  }

  /** Paragraphs read to learn names: all of them (the benchmark learns as {@code index} does). */
  static final long LEARNING_SAMPLE = Long.MAX_VALUE;

  /**
   * The share of the heap the learning pass may fill with loaded articles for the indexing pass (a
   * quarter: all of allsides' 825,000 paragraphs, about 600 MB, under the default heap of a 24 GB
   * machine).
   */
  private static final int KEEP_HEAP_DIVISOR = 4;

  /**
   * An extractor and the corpus to index with it.
   *
   * @param extractor gazetteer, patterns and rules plus the names learned from the whole corpus
   * @param corpus the same corpus, its items already loaded where the learning pass kept them
   */
  record Learned(EntityExtractor extractor, CorpusReader corpus) {}

  /**
   * Learns names from the whole of {@code corpus} (every paragraph, so the same corpus always
   * teaches the same names), keeping the loaded articles, as far as the heap allows, for the
   * indexing pass: it then neither parses nor cleans them again. When a corpus file changes while
   * learning, nothing kept is reused.
   */
  static Learned learningFrom(CorpusReader corpus) throws IOException {
    String before = corpus.fingerprint();
    LoadedItems kept = new LoadedItems(Runtime.getRuntime().maxMemory() / KEEP_HEAP_DIVISOR);
    EntityExtractor extractor =
        EntityExtractors.create(
            new ParagraphStream(
                new CorpusReader(corpus.path()), Runtime.getRuntime().availableProcessors(), kept));
    boolean unchanged = corpus.fingerprint().equals(before);
    return new Learned(extractor, unchanged ? corpus.reusing(kept) : corpus);
  }
}
