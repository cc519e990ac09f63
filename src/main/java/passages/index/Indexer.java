package passages.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import passages.ingest.CorpusReader;
import passages.ingest.DropReason;
import passages.ingest.DroppedLine;
import passages.ingest.IngestResult;
import passages.model.Article;
import passages.model.Entity;
import passages.model.Paragraph;

/**
 * Builds the paragraph index of a corpus: one document per paragraph, committed once at the end with
 * the corpus fingerprint and schema version, so a reader never sees a half-built index.
 */
public final class Indexer {
  private final Function<String, List<Entity>> entities;

  /** @param entities finds the entity mentions of a paragraph text; must be thread-safe */
  public Indexer(Function<String, List<Entity>> entities) {
    this.entities = entities;
  }

  /** Rebuilds the index in {@code indexDir} from {@code corpus}; the previous content is replaced. */
  public IndexReport rebuild(CorpusReader corpus, Path indexDir) throws IOException {
    long start = System.nanoTime();
    String fingerprint = corpus.fingerprint();
    FacetsConfig facets = Fields.facetsConfig();
    IndexWriterConfig config = new IndexWriterConfig(NewsAnalyzer.forIndexing())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setRAMBufferSizeMB(128);
    int[] articles = {0};
    long[] paragraphs = {0};
    Map<DropReason, Integer> dropped = new EnumMap<>(DropReason.class);
    List<IngestResult.Failed> failures = new ArrayList<>();
    try (Directory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, config)) {
      corpus.read(result -> {
        switch (result) {
          case IngestResult.Failed f -> failures.add(f);
          case IngestResult.Ingested in -> {
            for (DroppedLine d : in.dropped()) dropped.merge(d.reason(), 1, Integer::sum);
            Article a = in.article();
            try {
              for (Paragraph p : a.paragraphs()) {
                writer.addDocument(facets.build(ParagraphDocuments.toDocument(a, p, entities.apply(p.text()))));
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            articles[0]++;
            paragraphs[0] += a.paragraphs().size();
          }
        }
      });
      writer.setLiveCommitData(Map.of(Fields.COMMIT_CORPUS, fingerprint, Fields.COMMIT_SCHEMA, Fields.SCHEMA_VERSION).entrySet());
      writer.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new IndexReport(articles[0], paragraphs[0], dropped, failures, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Whether the index in {@code indexDir} is missing, was built from another state of {@code corpus},
   * or with another schema version.
   */
  public static boolean isStale(CorpusReader corpus, Path indexDir) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir)) {
      if (!DirectoryReader.indexExists(dir)) return true;
      Map<String, String> data = new HashMap<>(DirectoryReader.listCommits(dir).getLast().getUserData());
      return !Fields.SCHEMA_VERSION.equals(data.get(Fields.COMMIT_SCHEMA))
          || !corpus.fingerprint().equals(data.get(Fields.COMMIT_CORPUS));
    } catch (IndexNotFoundException e) {
      return true;
    }
  }
}
