package passages.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import passages.ingest.CorpusReader;

/**
 * The read side of an index on disk: what its last commit says (corpus fingerprint, schema, entity
 * extractor, paragraphs, failures) and the content hash of every article it holds. Reads only;
 * never writes or locks the index.
 */
public final class IndexStatus {
  private IndexStatus() {}

  /**
   * What an index's last commit holds: its paragraphs, and the corpus items that failed in the run
   * that made it.
   */
  public record Committed(long paragraphs, long failed) {}

  /**
   * Whether the index in {@code indexDir} must be brought in line with {@code corpus}: it is
   * missing, or its last commit was made from other corpus files (names, sizes, modification
   * times), with another schema, or with another entity extractor ({@code entitiesVersion}).
   */
  public static boolean isStale(CorpusReader corpus, Path indexDir, String entitiesVersion)
      throws IOException {
    Map<String, String> data = lastCommit(indexDir);
    return data == null
        || !Fields.SCHEMA_VERSION.equals(data.get(Fields.COMMIT_SCHEMA))
        || !entitiesVersion.equals(data.get(Fields.COMMIT_ENTITIES))
        || !corpus.fingerprint().equals(data.get(Fields.COMMIT_CORPUS));
  }

  /**
   * The schema version of the last commit in {@code indexDir} (see {@link Fields#SCHEMA_VERSION}),
   * or null when there is no index or the commit does not say.
   */
  public static String schema(Path indexDir) throws IOException {
    Map<String, String> data = lastCommit(indexDir);
    return data == null ? null : data.get(Fields.COMMIT_SCHEMA);
  }

  /** Whether {@code indexDir} holds an index (a commit of any schema). */
  public static boolean exists(Path indexDir) throws IOException {
    return lastCommit(indexDir) != null;
  }

  /** The paragraphs and failures of the last commit in {@code indexDir} (an existing index). */
  public static Committed committed(Path indexDir) throws IOException {
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      String failed = reader.getIndexCommit().getUserData().get(Fields.COMMIT_FAILED);
      return new Committed(reader.numDocs(), failed == null ? 0 : Long.parseLong(failed));
    }
  }

  /** Whether {@code dir} holds an index whose last commit has this version's schema. */
  static boolean sameSchema(Directory dir) throws IOException {
    Map<String, String> data = lastCommit(dir);
    return data != null && Fields.SCHEMA_VERSION.equals(data.get(Fields.COMMIT_SCHEMA));
  }

  /** Article id → content hash of every article in the index in {@code dir}. */
  static Map<String, String> articleHashes(Directory dir) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        SortedDocValues ids = leaf.reader().getSortedDocValues(Fields.ARTICLE_ID);
        SortedDocValues hashes = leaf.reader().getSortedDocValues(Fields.ARTICLE_HASH);
        if (ids == null || hashes == null) continue;
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = ids.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
          if (live != null && !live.get(doc)) continue;
          if (hashes.advanceExact(doc)) {
            out.putIfAbsent(
                ids.lookupOrd(ids.ordValue()).utf8ToString(),
                hashes.lookupOrd(hashes.ordValue()).utf8ToString());
          }
        }
      }
    }
    return out;
  }

  /** The user data of the last commit in {@code indexDir}, or null when there is no index. */
  static Map<String, String> lastCommit(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) return null;
    try (Directory dir = FSDirectory.open(indexDir)) {
      return lastCommit(dir);
    }
  }

  /** The user data of the last commit in {@code dir}, or null when there is no index. */
  static Map<String, String> lastCommit(Directory dir) throws IOException {
    try {
      return DirectoryReader.indexExists(dir)
          ? DirectoryReader.listCommits(dir).getLast().getUserData()
          : null;
    } catch (IndexNotFoundException e) {
      return null;
    }
  }
}
