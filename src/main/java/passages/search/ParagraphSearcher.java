package passages.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import passages.index.Fields;
import passages.model.ArticleIds;
import passages.model.EntityType;

/**
 * Searches a paragraph index on disk. One instance per process: it holds a {@link SearcherManager},
 * so {@link #refresh()} picks up a new commit without a restart. Thread-safe.
 */
public final class ParagraphSearcher implements Closeable {
  /** Relevance first; ties in reading order (article id, then paragraph), so results are stable. */
  private static final Sort ORDER = new Sort(
      SortField.FIELD_SCORE,
      new SortField(Fields.ARTICLE_ID, SortField.Type.STRING),
      new SortedNumericSortField(Fields.PARAGRAPH, SortField.Type.INT));
  private static final Sort READING_ORDER = new Sort(new SortedNumericSortField(Fields.PARAGRAPH, SortField.Type.INT));
  private static final int MAX_ARTICLE_PARAGRAPHS = 100_000;

  private final Directory directory;
  private final SearcherManager manager;
  private final QueryFactory queries = new QueryFactory();
  private final FacetsConfig facetsConfig = Fields.facetsConfig();
  private volatile Snapshot snapshot;

  /** Facet state computed once per index reader. {@code state} is null when no facet was indexed. */
  private record Snapshot(DirectoryReader reader, SortedSetDocValuesReaderState state, Set<String> outlets) {}

  /**
   * Opens the index in {@code indexDir}.
   *
   * @throws IndexNotFoundException when there is no index there
   */
  public ParagraphSearcher(Path indexDir) throws IOException {
    this.directory = FSDirectory.open(indexDir);
    try {
      this.manager = new SearcherManager(directory, null);
    } catch (IOException e) {
      directory.close();
      throw e;
    }
  }

  /** Makes searches see the index's latest commit; returns whether it changed. */
  public boolean refresh() throws IOException {
    manager.maybeRefresh();
    return true;
  }

  /**
   * Runs {@code request}.
   *
   * @throws InvalidRequestException for a bad query or an unknown outlet
   */
  public SearchResult search(SearchRequest request) throws IOException {
    Query base = queries.parse(request.q());
    IndexSearcher searcher = manager.acquire();
    try {
      Snapshot snap = snapshot(searcher);
      DrillDownQuery query = new DrillDownQuery(facetsConfig, base);
      for (String outlet : request.outlets()) {
        if (!snap.outlets().contains(outlet)) {
          throw new InvalidRequestException("unknown outlet '" + outlet + "'");
        }
        query.add(Fields.OUTLET, outlet);
      }
      for (EntityFilter e : request.entities()) query.add(e.type().key(), e.value());

      int n = request.offset() + request.limit();
      var top = new TopFieldCollectorManager(ORDER, n, null, Integer.MAX_VALUE);
      Object[] results = searcher.search(query, new MultiCollectorManager(top, new FacetsCollectorManager()));
      TopFieldDocs docs = (TopFieldDocs) results[0];
      FacetsCollector facets = (FacetsCollector) results[1];

      ScoreDoc[] page = docs.scoreDocs.length <= request.offset()
          ? new ScoreDoc[0]
          : Arrays.copyOfRange(docs.scoreDocs, request.offset(), docs.scoreDocs.length);
      String[] passages = highlight(searcher, base, page);
      StoredFields stored = searcher.storedFields();
      List<Hit> hits = new ArrayList<>(page.length);
      for (int i = 0; i < page.length; i++) {
        ParagraphView p = view(stored.document(page[i].doc));
        float score = ((FieldDoc) page[i]).fields[0] instanceof Float f ? f : Float.NaN;
        String passage = passages[i] != null ? passages[i] : MarkFormatter.escape(p.text());
        hits.add(new Hit(p.id(), p.articleId(), p.title(), p.outlet(), p.url(), p.paragraph(), p.section(),
            passage, Links.articleLink(p.articleId(), p.paragraph()), Links.sourceLink(p.url(), p.text()),
            score, p.entities()));
      }
      return new SearchResult(request.q(), docs.totalHits.value(), hits, facetCounts(snap, facets, request.facetLimit()));
    } catch (IndexSearcher.TooManyClauses e) {
      // fuzzy, wildcard and range terms expand when the query is rewritten against the index: "fa~2 fb~2 …"
      // parses fine but expands past the clause limit on a real vocabulary
      throw new InvalidRequestException("query expands to too many terms (at most " + IndexSearcher.getMaxClauseCount()
          + " clauses); use fewer fuzzy, wildcard or range terms");
    } finally {
      manager.release(searcher);
    }
  }

  /** The paragraph with id {@code id}, if indexed. Malformed ids are simply not found. */
  public Optional<ParagraphView> findParagraph(String id) throws IOException {
    if (ArticleIds.parseParagraphId(id).isEmpty()) return Optional.empty();
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs td = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (td.scoreDocs.length == 0) return Optional.empty();
      return Optional.of(view(searcher.storedFields().document(td.scoreDocs[0].doc)));
    } finally {
      manager.release(searcher);
    }
  }

  /** The article with id {@code id} and all its paragraphs in order, if indexed. */
  public Optional<ArticleView> findArticle(String id) throws IOException {
    if (!ArticleIds.isValid(id)) return Optional.empty();
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs td = searcher.search(new TermQuery(new Term(Fields.ARTICLE_ID, id)), MAX_ARTICLE_PARAGRAPHS, READING_ORDER);
      if (td.scoreDocs.length == 0) return Optional.empty();
      StoredFields stored = searcher.storedFields();
      List<ParagraphView> paragraphs = new ArrayList<>(td.scoreDocs.length);
      for (ScoreDoc sd : td.scoreDocs) paragraphs.add(view(stored.document(sd.doc)));
      ParagraphView first = paragraphs.getFirst();
      return Optional.of(new ArticleView(id, first.title(), first.outlet(), first.url(), first.date(), paragraphs));
    } finally {
      manager.release(searcher);
    }
  }

  /** Number of indexed paragraphs. */
  public int paragraphCount() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
  }

  private String[] highlight(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
    if (page.length == 0) return new String[0];
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, queries.analyzer())
        .withBreakIterator(WholeBreakIterator::new)
        .withMaxLength(Integer.MAX_VALUE - 1)
        .withFormatter(new MarkFormatter())
        .withMaxNoHighlightPassages(0)
        .build();
    TopDocs pageDocs = new TopDocs(new org.apache.lucene.search.TotalHits(page.length,
        org.apache.lucene.search.TotalHits.Relation.EQUAL_TO), page);
    return highlighter.highlight(Fields.TEXT, query, pageDocs, 1);
  }

  private Map<String, List<FacetValue>> facetCounts(Snapshot snap, FacetsCollector fc, int limit) throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    List<String> dims = new ArrayList<>();
    dims.add(Fields.OUTLET);
    for (EntityType t : EntityType.values()) dims.add(t.key());
    SortedSetDocValuesFacetCounts counts = snap.state() == null ? null : new SortedSetDocValuesFacetCounts(snap.state(), fc);
    for (String dim : dims) {
      List<FacetValue> values = new ArrayList<>();
      if (counts != null && snap.state().getOrdRange(dim) != null) {
        FacetResult r = counts.getTopChildren(limit, dim);
        if (r != null) for (LabelAndValue lv : r.labelValues) values.add(new FacetValue(lv.label, lv.value.longValue()));
      }
      out.put(dim, values);
    }
    return out;
  }

  private Snapshot snapshot(IndexSearcher searcher) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    Snapshot current = snapshot;
    if (current != null && current.reader() == reader) return current;
    synchronized (this) {
      current = snapshot;
      if (current != null && current.reader() == reader) return current;
      SortedSetDocValuesReaderState state = null;
      Set<String> outlets = new HashSet<>();
      try {
        state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
      } catch (IllegalArgumentException noFacetsIndexed) {
        // an index with no outlet and no entity at all has no facet doc values
      }
      if (state != null && state.getOrdRange(Fields.OUTLET) != null) {
        FacetResult all = new SortedSetDocValuesFacetCounts(state).getAllChildren(Fields.OUTLET);
        if (all != null) for (LabelAndValue lv : all.labelValues) outlets.add(lv.label);
      }
      snapshot = new Snapshot(reader, state, Set.copyOf(outlets));
      return snapshot;
    }
  }

  private static ParagraphView view(Document d) {
    String text = d.get(Fields.TEXT);
    return new ParagraphView(d.get(Fields.ID), d.get(Fields.ARTICLE_ID), d.getField(Fields.PARAGRAPH).numericValue().intValue(),
        d.get(Fields.SECTION), text, d.get(Fields.TITLE), d.get(Fields.OUTLET), d.get(Fields.URL), d.get(Fields.DATE),
        entities(d.get(Fields.ENTITIES), text));
  }

  private static List<HitEntity> entities(String stored, String text) {
    if (stored == null || stored.isEmpty()) return List.of();
    List<HitEntity> out = new ArrayList<>();
    for (String line : stored.split("\n")) {
      String[] f = line.split("\t");
      int start = Integer.parseInt(f[2]);
      int end = Integer.parseInt(f[3]);
      out.add(new HitEntity(f[0], f[1], text.substring(start, end), start, end));
    }
    return List.copyOf(out);
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}
