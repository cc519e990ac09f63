package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SumQuery} matches and scores as a boolean disjunction of its clauses, on a real index. */
class SumQueryTest {
  @TempDir Path dir;

  /**
   * 300 paragraphs: "wall" in every other text, in the headline of every 31st, in the section of
   * every 43rd (so some match one field, some two, some three), "rare" in every 20th text; every
   * 13th deleted.
   */
  private DirectoryReader index() throws IOException {
    try (IndexWriter w =
        new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(new StandardAnalyzer()))) {
      for (int i = 0; i < 300; i++) {
        Document d = new Document();
        d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
        String words = "the border " + "long ".repeat(i % 5);
        String text = (i % 2 == 0 ? "a wall on " : "a fence on ") + (i % 20 == 0 ? "rare " : "");
        d.add(new TextField("text", text + words, Field.Store.NO));
        if (i % 31 == 0)
          d.add(new TextField("headline", "the wall " + "x ".repeat(i % 3), Field.Store.NO));
        if (i % 43 == 0) d.add(new TextField("section", "wall news", Field.Store.NO));
        w.addDocument(d);
      }
      for (int i = 0; i < 300; i += 13) w.deleteDocuments(new Term("id", Integer.toString(i)));
    }
    return DirectoryReader.open(FSDirectory.open(dir));
  }

  @Test
  void sameHitsScoresAndTotalsAsABooleanDisjunction() throws IOException {
    try (DirectoryReader reader = index()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      // "wall" and "border" are walked in batches (the headline and section match few beside them),
      // "rare" (as many headline and section matches as its own) and the phrase are scored as a
      // boolean disjunction: the same answers either way
      for (Query text :
          List.of(
              new TermQuery(new Term("text", "wall")),
              new TermQuery(new Term("text", "border")),
              new TermQuery(new Term("text", "rare")),
              new PhraseQuery("text", "a", "wall"),
              new TermQuery(new Term("text", "nothing")))) {
        List<Query> clauses =
            List.of(
                text,
                new BoostQuery(new TermQuery(new Term("headline", "wall")), 1f),
                new BoostQuery(new TermQuery(new Term("section", "wall")), 0.3f));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Query q : clauses) any.add(q, BooleanClause.Occur.SHOULD);
        Query expected = notFence(any.build());
        Query sum = notFence(new SumQuery(clauses));

        var want =
            searcher.search(expected, new TopScoreDocCollectorManager(500, Integer.MAX_VALUE));
        var got = searcher.search(sum, new TopScoreDocCollectorManager(500, Integer.MAX_VALUE));
        assertEquals(want.totalHits, got.totalHits, text.toString());
        assertEquals(hits(want.scoreDocs), hits(got.scoreDocs), text.toString());
        assertEquals(searcher.count(expected), searcher.count(sum), text.toString());
      }
      // "wall": 150 texts and 8 more headlines or sections (of fence paragraphs), less the 12 of
      // those 158 that are deleted
      assertEquals(
          146,
          searcher.count(
              new SumQuery(
                  List.of(
                      new TermQuery(new Term("text", "wall")),
                      new TermQuery(new Term("headline", "wall")),
                      new TermQuery(new Term("section", "wall"))))));
    }
  }

  /** {@code q} without the paragraphs whose id is 1 or 2 (an exclusion around it, as in search). */
  private static Query notFence(Query q) {
    return new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("id", "1")), BooleanClause.Occur.MUST_NOT)
        .add(new TermQuery(new Term("id", "2")), BooleanClause.Occur.MUST_NOT)
        .build();
  }

  private static List<String> hits(ScoreDoc[] docs) {
    List<String> out = new ArrayList<>();
    for (ScoreDoc d : docs) out.add(d.doc + ":" + d.score);
    return out;
  }
}
