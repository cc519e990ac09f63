package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.index.Fields;
import passages.index.Indexer;
import passages.ingest.CorpusReader;

/**
 * A photo caption is indexed with {@code kind=caption} (a term to filter on, and stored), body text
 * with {@code kind=body}.
 */
class CaptionKindTest {
  @TempDir Path corpus;
  @TempDir Path index;

  @Test
  void index_captionAndBody_kindIndexedAndStored() throws IOException {
    Files.writeString(
        corpus.resolve("wire.jsonl"),
        """
        {"id": "wire1", "outlet": "Wire", "title": "Senate passes the bill", "paragraphs": ["The Senate passed the bill on Tuesday.", \
        "Senate Majority Leader Mitch McConnell speaks to reporters in Washington, U.S., May 3, 2020. REUTERS/Jonathan Ernst", \
        "What happens next", "The House votes next week, aides said."]}
        """,
        StandardCharsets.UTF_8);

    new Indexer(text -> List.of()).rebuild(new CorpusReader(corpus), index);

    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertEquals(1, searcher.count(new TermQuery(new Term(Fields.KIND, "caption"))));
      assertEquals(2, searcher.count(new TermQuery(new Term(Fields.KIND, "body"))));
    }
    try (ParagraphSearcher searcher = new ParagraphSearcher(index)) {
      assertEquals(
          List.of("body", "caption", "body"),
          searcher.findArticle("wire1").orElseThrow().paragraphs().stream()
              .map(ParagraphView::kind)
              .toList());
      ParagraphView last = searcher.findParagraph("wire1.p3").orElseThrow();
      assertEquals("What happens next", last.section());
      assertEquals("body", last.kind());
    }
  }
}
