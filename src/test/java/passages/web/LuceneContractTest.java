package passages.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import passages.entities.EntityExtractor;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.search.ParagraphSearcher;
import passages.search.SearchBackend;

/** The backend contract on the embedded Lucene index (the default backend). */
class LuceneContractTest extends BackendContractTest {
  @TempDir static Path dir;

  @Override
  protected SearchBackend open(String name, Path corpus, EntityExtractor entities)
      throws IOException {
    Path index = Files.createDirectories(dir.resolve(name));
    new Indexer(entities).rebuild(new CorpusReader(corpus), index);
    return new ParagraphSearcher(index);
  }
}
