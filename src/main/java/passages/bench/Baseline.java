package passages.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * The raw-Lucene baseline, as ../shared/bench/lucene builds it: StandardAnalyzer, paragraph text
 * stored, outlet as a sorted-set facet, one writer thread, no cleaning, no entities.
 */
final class Baseline implements AutoCloseable {
  private final Analyzer analyzer = new StandardAnalyzer();
  private final FacetsConfig facets = new FacetsConfig();
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private DefaultSortedSetDocValuesReaderState state;
  private UnifiedHighlighter highlighter;

  /**
   * Builds the index from a JSONL(.gz) corpus with a {@code paragraphs} array per line; returns
   * paragraphs.
   */
  long build(Path jsonl, Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    long rows = 0;
    try (FSDirectory fsd = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(
                fsd,
                new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(256));
        InputStream raw = Files.newInputStream(jsonl);
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    jsonl.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw,
                    StandardCharsets.UTF_8),
                1 << 16)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        JsonNode a = json.readTree(line);
        String outlet = a.path("outlet").asText("");
        for (JsonNode p : a.path("paragraphs")) {
          Document d = new Document();
          d.add(new StoredField("id", (int) rows));
          d.add(new StoredField("aid", a.path("id").asText("")));
          d.add(new StoredField("outlet", outlet));
          d.add(new SortedSetDocValuesFacetField("outlet", outlet.isEmpty() ? "(none)" : outlet));
          d.add(new StoredField("title", a.path("title").asText("")));
          d.add(new TextField("text", p.asText(""), Field.Store.YES));
          w.addDocument(facets.build(d));
          rows++;
        }
      }
      w.commit();
      w.forceMerge(1);
      w.commit();
    }
    return rows;
  }

  void open(Path dir) throws IOException {
    reader = DirectoryReader.open(FSDirectory.open(dir));
    searcher = new IndexSearcher(reader);
    state = new DefaultSortedSetDocValuesReaderState(reader, facets);
    highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
  }

  /**
   * Runs one query in {@code mode} (top 10, + highlight, + highlight + outlet facet); returns hits.
   */
  long run(Query q, Mode mode) throws IOException {
    Set<String> idOnly = Set.of("id");
    TopDocs td;
    FacetsCollector fc = null;
    if (mode.facets) {
      FacetsCollectorManager.FacetsResult fr =
          FacetsCollectorManager.search(searcher, q, 10, new FacetsCollectorManager());
      td = fr.topDocs();
      fc = fr.facetsCollector();
    } else {
      td = searcher.search(q, 10);
    }
    StoredFields sf = searcher.storedFields();
    for (ScoreDoc sd : td.scoreDocs) sf.document(sd.doc, idOnly);
    if (mode.highlight) highlighter.highlight("text", q, td);
    if (fc != null && td.totalHits.value() > 0) {
      FacetResult res = new SortedSetDocValuesFacetCounts(state, fc).getTopChildren(10, "outlet");
      if (res == null) throw new IllegalStateException("no facet result");
    }
    return td.totalHits.value();
  }

  /**
   * A queries.txt line: every clause required; a quoted clause is a phrase; terms already lower
   * case.
   */
  static Query parse(String line) {
    List<Query> clauses = new ArrayList<>();
    for (Clause c : clauses(line)) {
      clauses.add(
          c.phrase()
              ? new PhraseQuery("text", c.text().split("\\s+"))
              : new TermQuery(new Term("text", c.text())));
    }
    if (clauses.size() == 1) return clauses.getFirst();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : clauses) b.add(q, BooleanClause.Occur.MUST);
    return b.build();
  }

  /** A clause of a queries.txt line: a term, or the words of a quoted phrase. */
  record Clause(String text, boolean phrase) {}

  /**
   * The clauses of a queries.txt line, in order: whitespace separates terms, {@code "…"} is one
   * phrase (an unclosed quote runs to the end of the line).
   */
  static List<Clause> clauses(String line) {
    List<Clause> out = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int j = line.indexOf('"', i + 1);
        if (j < 0) j = line.length();
        String phrase = line.substring(i + 1, j).trim();
        if (!phrase.isEmpty()) out.add(new Clause(phrase, true));
        i = j + 1;
      } else {
        int j = i;
        while (j < line.length() && !Character.isWhitespace(line.charAt(j))) j++;
        out.add(new Clause(line.substring(i, j), false));
        i = j;
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) reader.close();
  }
}
