package passages.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import passages.index.Fields;
import passages.index.NewsAnalyzer;

/**
 * Marks a query's matches in paragraph texts that are not in a local index (a backend that keeps
 * its paragraphs elsewhere): the texts of one page go into a small in-memory index built as the
 * embedded index builds its text field (a one-document {@code MemoryIndex} marks differently where
 * analysis stacks tokens, e.g. {@code train*} in "Trn1") ({@link NewsAnalyzer#forIndexing()},
 * offsets in the postings), and {@link PassageHighlighter} marks them there, so a passage is marked
 * exactly as the embedded index marks it, whichever backend found it. Thread-safe (nothing is
 * shared between calls).
 */
public final class TextHighlighter {
  private static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

  static {
    TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    TEXT_TYPE.freeze();
  }

  private final NewsAnalyzer indexing = NewsAnalyzer.forIndexing();
  private final NewsAnalyzer querying = NewsAnalyzer.forQueries();

  /**
   * Each of {@code texts} HTML-escaped with the matches of {@code query} (parsed by {@link
   * QueryFactory} over the paragraph text) in {@code <mark>}; the escaped text alone where nothing
   * matches.
   */
  public List<String> highlight(Query query, List<String> texts) throws IOException {
    String[] out = new String[texts.size()];
    if (!(query instanceof MatchAllDocsQuery) && !texts.isEmpty()) {
      try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
        // one small segment that lives for this call only: no merges, no merge threads, no commit
        IndexWriterConfig config =
            new IndexWriterConfig(indexing)
                .setUseCompoundFile(false)
                .setCommitOnClose(false)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setMergeScheduler(new SerialMergeScheduler())
                .setMaxFullFlushMergeWaitMillis(0);
        IndexWriter w = new IndexWriter(dir, config);
        try {
          for (String text : texts) {
            Document d = new Document();
            d.add(new Field(Fields.TEXT, text, TEXT_TYPE));
            w.addDocument(d);
          }
          // read without a commit (a near-real-time reader): nothing of this index outlives the
          // call
          try (DirectoryReader reader = DirectoryReader.open(w, false, false)) {
            ScoreDoc[] page = new ScoreDoc[texts.size()];
            for (int i = 0; i < page.length; i++) page[i] = new ScoreDoc(i, 1f);
            String[] marked =
                PassageHighlighter.highlight(
                    new IndexSearcher(reader), querying, query, page, texts.toArray(String[]::new));
            System.arraycopy(marked, 0, out, 0, out.length);
          }
        } finally {
          w.rollback(); // drops the segment and closes the writer
        }
      }
    }
    for (int i = 0; i < out.length; i++)
      if (out[i] == null) out[i] = MarkFormatter.escape(texts.get(i));
    return List.of(out);
  }

  /** {@code text} HTML-escaped as in every passage ({@code & < > " '}). */
  public static String escape(String text) {
    return MarkFormatter.escape(text);
  }
}
