package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InMemoryNorms} scores as the reader it wraps, and follows it to a new commit. */
class InMemoryNormsTest {
  @TempDir Path dir;

  /** 40 paragraphs of 1 to 8 words, every 10th with no word at all (sparse norms on disk). */
  private static void add(IndexWriter w, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      Document d = new Document();
      d.add(
          new TextField(
              "text", i % 10 == 0 ? "—" : "wall " + "long ".repeat(i % 8), Field.Store.NO));
      w.addDocument(d);
    }
  }

  @Test
  void sameNormsAndScores_asTheSparseNormsOnDisk_andAfterANewCommit() throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      add(w, 0, 40);
      w.commit();
      InMemoryNorms.Cache cache = new InMemoryNorms.Cache(Set.of("text"));
      DirectoryReader plain = DirectoryReader.open(directory);
      DirectoryReader held = new InMemoryNorms(DirectoryReader.open(directory), cache);
      assertSame(plain, held, 36);

      add(w, 40, 60);
      w.commit();
      DirectoryReader newer = DirectoryReader.openIfChanged(held);
      assertNotNull(newer);
      assertTrue(newer instanceof InMemoryNorms);
      DirectoryReader plainNewer = DirectoryReader.openIfChanged(plain);
      assertSame(plainNewer, newer, 54);
      for (DirectoryReader r : List.of(plain, held, newer, plainNewer)) r.close();
    }
  }

  /** Both readers give every document the same norm and every "wall" hit the same score. */
  private static void assertSame(DirectoryReader expected, DirectoryReader got, int walls)
      throws IOException {
    for (int i = 0; i < expected.leaves().size(); i++) {
      LeafReaderContext e = expected.leaves().get(i);
      NumericDocValues want = e.reader().getNormValues("text");
      NumericDocValues have = got.leaves().get(i).reader().getNormValues("text");
      for (int doc = 0; doc < e.reader().maxDoc(); doc++)
        if (want.advanceExact(doc)) {
          assertTrue(have.advanceExact(doc));
          assertEquals(want.longValue(), have.longValue(), "doc " + doc);
        }
    }
    var query = new TermQuery(new Term("text", "wall"));
    var a = new IndexSearcher(expected).search(query, new TopScoreDocCollectorManager(100, 100));
    var b = new IndexSearcher(got).search(query, new TopScoreDocCollectorManager(100, 100));
    assertEquals(walls, a.scoreDocs.length);
    assertEquals(hits(a.scoreDocs), hits(b.scoreDocs));
  }

  private static List<String> hits(ScoreDoc[] docs) {
    List<String> out = new ArrayList<>();
    for (ScoreDoc d : docs) out.add(d.doc + ":" + d.score);
    return out;
  }
}
