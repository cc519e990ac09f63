package passages.cli;

import passages.entities.EntityExtractor;
import passages.entities.EntityExtractors;
import passages.ingest.CorpusReader;
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

  /**
   * Learning reads one article in this many, spread over the whole corpus (the first, then every
   * third in reading order): about as many paragraphs as the first 250,000 that were read until
   * 2026-12-01, but from every part of the corpus, so a name is learned wherever its articles lie,
   * and the same on every run. Reading it all costs about 14% more build time for about 1% more
   * recall (docs/entities.md, fifth round).
   */
  static final int LEARNING_ONE_IN = 3;

  /**
   * Gazetteer, patterns and rules plus the names learned from a sample spread over {@code corpus}
   * ({@link #LEARNING_ONE_IN}); of {@link #version()}.
   */
  static EntityExtractor learningFrom(CorpusReader corpus) {
    var sample =
        new ParagraphStream(
            new CorpusReader(corpus.path()),
            Runtime.getRuntime().availableProcessors(),
            Long.MAX_VALUE,
            LEARNING_ONE_IN);
    return EntityExtractors.create(sample);
  }
}
