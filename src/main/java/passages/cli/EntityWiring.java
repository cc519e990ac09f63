package passages.cli;

import java.util.List;
import java.util.function.Function;
import passages.entities.EntityExtractor;
import passages.entities.EntityExtractors;
import passages.ingest.CorpusReader;
import passages.ingest.ParagraphStream;
import passages.model.Entity;

/**
 * The entity extractor the commands index with. Its version is that of the gazetteer and rules, not of
 * the names learned from the corpus: an incremental run does not re-index unchanged articles because a
 * new article taught a new name ({@code index --rebuild} does).
 */
final class EntityWiring {
  private EntityWiring() {}

  record Extractor(Function<String, List<Entity>> function, String version) {}

  /** Gazetteer, patterns and rules only: no pass over the corpus. */
  static Extractor withoutLearning() {
    return wrap(EntityExtractors.create(List.of()));
  }

  /** Gazetteer, patterns and rules plus the names learned from one pass over {@code corpus}. */
  static Extractor learningFrom(CorpusReader corpus) {
    return wrap(EntityExtractors.create(new ParagraphStream(new CorpusReader(corpus.path()), Runtime.getRuntime().availableProcessors())));
  }

  private static Extractor wrap(EntityExtractor extractor) {
    return new Extractor(extractor::extract, EntityExtractors.version());
  }
}
