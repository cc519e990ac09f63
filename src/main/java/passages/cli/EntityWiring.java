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
   * Paragraphs read to learn names: a name that recurs in a corpus shows up well within this many,
   * and capping the sample keeps the learning pass to a few seconds whatever the corpus size. Tried
   * on 2026-12-01 (docs/entities.md, fifth round): all of allsides cost about 14% more build time
   * for one or two more organisations per annotated set; one article in three spread over it
   * ({@link ParagraphStream}'s {@code oneIn}) cost the same time as this but found two or three
   * fewer organisations on the blind sets and learned other junk ("CEOs" as an org). Learning more
   * of a corpus needs stricter evidence for a learned name first.
   */
  static final long LEARNING_SAMPLE = 250_000;

  /**
   * Gazetteer, patterns and rules plus the names learned from (a sample of) {@code corpus}; of
   * {@link #version()}.
   */
  static EntityExtractor learningFrom(CorpusReader corpus) {
    var sample =
        new ParagraphStream(
            new CorpusReader(corpus.path()),
            Runtime.getRuntime().availableProcessors(),
            LEARNING_SAMPLE);
    return EntityExtractors.create(sample);
  }
}
