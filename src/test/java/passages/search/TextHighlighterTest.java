package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.index.Indexer;
import passages.ingest.CorpusReader;

/**
 * {@link TextHighlighter} (a page's texts marked in a small index of their own, as a backend
 * without a local index does) marks every passage of the seeds exactly as the embedded index does.
 */
class TextHighlighterTest {
  @Test
  void seeds_everyQueryForm_sameMarksAsTheEmbeddedIndex(@TempDir Path dir) throws IOException {
    new Indexer(text -> List.of()).rebuild(new CorpusReader(Path.of("corpus")), dir);
    QueryFactory queries = new QueryFactory();
    TextHighlighter highlighter = new TextHighlighter();
    List<String> differences = new ArrayList<>();
    int compared = 0;
    try (ParagraphSearcher searcher = new ParagraphSearcher(dir)) {
      for (String q :
          List.of(
              "Trainium3",
              "\"$38 billion\"",
              "\"cloud capacity\"",
              "train*",
              "nvidai~1",
              "openai NOT amazon",
              "Amazon: OpenAI",
              "\"Amazon Web Services\"",
              "AWS",
              "U.S.",
              "nvidia OR google")) {
        List<Hit> hits = searcher.search(SearchRequest.of(q).withLimit(100)).hits();
        List<String> texts = new ArrayList<>();
        for (Hit h : hits) texts.add(searcher.findParagraph(h.id()).orElseThrow().text());
        List<String> marked = highlighter.highlight(queries.parse(q), texts);
        for (int i = 0; i < hits.size(); i++, compared++)
          if (!hits.get(i).passage().equals(marked.get(i)))
            differences.add(q + " " + hits.get(i).id() + ": " + marked.get(i));
      }
    }
    assertEquals(List.of(), differences);
    assertEquals(true, compared > 100, "passages compared: " + compared);
  }
}
