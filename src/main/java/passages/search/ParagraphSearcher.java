package passages.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.queries.function.valuesource.LongFieldSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.grouping.GroupingSearch;
import org.apache.lucene.search.grouping.TopGroups;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOFunction;
import passages.index.Fields;
import passages.model.ArticleIds;

/**
 * Searches a paragraph index on disk. One instance per process: it holds a {@link SearcherManager},
 * so {@link #refresh()} picks up a new commit without a restart. How it searches (time budget, splitting
 * across cores, facet counting) is fixed by the {@link SearchOptions} it is opened with. Thread-safe.
 */
public final class ParagraphSearcher implements Closeable {
  /** Relevance first; ties in reading order (article id, then paragraph), so results are stable. */
  private static final Sort ORDER = new Sort(
      SortField.FIELD_SCORE,
      new SortField(Fields.ARTICLE_ID, SortField.Type.STRING),
      new SortField(Fields.PARAGRAPH, SortField.Type.INT));
  private static final Sort READING_ORDER = new Sort(new SortField(Fields.PARAGRAPH, SortField.Type.INT));
  private static final int MAX_ARTICLE_PARAGRAPHS = 100_000;
  /** Most paragraphs listed in {@link Hit#alsoIn()} for one collapsed hit. */
  public static final int MAX_ALSO_IN = 20;

  private final Directory directory;
  private final SearchOptions options;
  private final SlicedSearcherFactory slicing;
  private final SearcherManager manager;
  private final QueryFactory queries = new QueryFactory();
  private final FacetsConfig facetsConfig = Fields.facetsConfig();
  private volatile FacetSnapshot snapshot;

  /**
   * Opens the index in {@code indexDir} with the {@link SearchOptions#DEFAULTS default options}.
   *
   * @throws IndexNotFoundException when there is no index there
   */
  public ParagraphSearcher(Path indexDir) throws IOException {
    this(indexDir, SearchOptions.DEFAULTS);
  }

  /**
   * Opens the index in {@code indexDir} to search it with {@code options}.
   *
   * @throws IndexNotFoundException when there is no index there
   */
  public ParagraphSearcher(Path indexDir, SearchOptions options) throws IOException {
    this.options = options;
    this.directory = FSDirectory.open(indexDir);
    try {
      this.manager = new SearcherManager(DirectoryReader.open(directory), null);
    } catch (IOException e) {
      directory.close();
      throw e;
    }
    this.slicing = new SlicedSearcherFactory(Runtime.getRuntime().availableProcessors(), options.partitionFrom());
  }

  /** Makes the next searches see the index's latest commit (another process may have written it). */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  /**
   * Runs {@code request} within the options' time budget: its own {@link Deadline}, through which every
   * read of the index by this search (on any thread) goes.
   *
   * @throws InvalidRequestException for a bad query, an unknown outlet, or a search over the time budget
   */
  public SearchResult search(SearchRequest request) throws IOException {
    Query base = queries.parse(request.q());
    IndexSearcher managed = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) managed.getIndexReader();
      FacetSnapshot snap = snapshot(reader);
      IndexSearcher searcher = slicing.begin(ExitableDirectoryReader.wrap(reader, Deadline.after(options.budget())));
      try {
        return search(searcher, snap, base, request);
      } finally {
        slicing.end();
      }
    } finally {
      manager.release(managed);
    }
  }

  private SearchResult search(IndexSearcher searcher, FacetSnapshot snap, Query base, SearchRequest request) throws IOException {
    try {
      DrillDownQuery query = new DrillDownQuery(facetsConfig, base);
      for (String outlet : request.outlets()) {
        if (!snap.hasOutlet(outlet)) {
          throw new InvalidRequestException("unknown outlet '" + outlet + "'");
        }
        query.add(Fields.OUTLET, outlet);
      }
      for (EntityFilter e : request.entities()) query.add(e.type().key(), e.value());

      return request.collapse() ? collapsed(searcher, snap, base, query, request) : flat(searcher, snap, base, query, request);
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw new InvalidRequestException("query is too expensive: it ran over the " + options.budget().toMillis()
          + " ms budget; make it more specific");
    } catch (IndexSearcher.TooManyClauses e) {
      // fuzzy, wildcard and range terms expand when the query is rewritten against the index: "fa~2 fb~2 …"
      // parses fine but expands past the clause limit on a real vocabulary
      throw new InvalidRequestException("query expands to too many terms (at most " + IndexSearcher.getMaxClauseCount()
          + " clauses); use fewer fuzzy, wildcard or range terms");
    }
  }

  private SearchResult flat(IndexSearcher searcher, FacetSnapshot snap, Query marked, Query query, SearchRequest request)
      throws IOException {
    int n = request.offset() + request.limit();
    var top = new TopFieldCollectorManager(ORDER, n, null, Integer.MAX_VALUE);
    TopFieldDocs docs;
    Map<String, List<FacetValue>> facets = FacetSnapshot.none();
    if (request.facets()) {
      Object[] results = searcher.search(query, new MultiCollectorManager(top, snap.counter(request.facetLimit(), options.facetCounting())));
      docs = (TopFieldDocs) results[0];
      @SuppressWarnings("unchecked")
      var counted = (Map<String, List<FacetValue>>) results[1];
      facets = counted;
    } else {
      docs = searcher.search(query, top);
    }
    ScoreDoc[] page = docs.scoreDocs.length <= request.offset()
        ? new ScoreDoc[0]
        : Arrays.copyOfRange(docs.scoreDocs, request.offset(), docs.scoreDocs.length);
    List<Hit> hits = StoredParagraphs.hits(searcher, queries.analyzer(), marked, page, request.highlight(), List.of());
    long total = docs.totalHits.value();
    return new SearchResult(request.q(), total, total, hits, facets);
  }

  private SearchResult collapsed(IndexSearcher searcher, FacetSnapshot snap, Query marked, Query query, SearchRequest request)
      throws IOException {
    GroupingSearch grouping = new GroupingSearch(new LongFieldSource(Fields.SIGNATURE), new HashMap<>())
        .setGroupSort(ORDER)
        .setSortWithinGroup(ORDER)
        .setGroupDocsLimit(MAX_ALSO_IN + 1)
        .setAllGroups(true);
    // grouping collects with one collector: it runs on a searcher of the same reader without slices
    TopGroups<?> groups = grouping.search(new IndexSearcher(searcher.getIndexReader()), query, request.offset(), request.limit());
    Map<String, List<FacetValue>> facets = request.facets()
        ? searcher.search(query, snap.counter(request.facetLimit(), options.facetCounting()))
        : FacetSnapshot.none();
    int size = groups == null ? 0 : groups.groups.length;
    ScoreDoc[] page = new ScoreDoc[size];
    List<List<ScoreDoc>> others = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ScoreDoc[] docs = groups.groups[i].scoreDocs();
      page[i] = docs[0];
      others.add(Arrays.asList(docs).subList(1, docs.length));
    }
    List<Hit> hits = StoredParagraphs.hits(searcher, queries.analyzer(), marked, page, request.highlight(), others);
    long total = groups == null ? 0 : groups.totalHitCount;
    long groupCount = groups == null || groups.totalGroupCount == null ? 0 : groups.totalGroupCount;
    return new SearchResult(request.q(), total, groupCount, hits, facets);
  }

  /** The paragraph with id {@code id}, if indexed. Malformed ids are simply not found. */
  public Optional<ParagraphView> findParagraph(String id) throws IOException {
    var ref = ArticleIds.parseParagraphId(id);
    if (ref.isEmpty()) return Optional.empty();
    IndexSearcher searcher = manager.acquire();
    try {
      Query exact = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Fields.ARTICLE_ID, ref.get().articleId())), BooleanClause.Occur.FILTER)
          .add(NumericDocValuesField.newSlowExactQuery(Fields.PARAGRAPH, ref.get().ordinal()), BooleanClause.Occur.FILTER)
          .build();
      TopDocs td = searcher.search(exact, 1);
      if (td.scoreDocs.length == 0) return Optional.empty();
      return Optional.of(StoredParagraphs.view(searcher.storedFields().document(td.scoreDocs[0].doc)));
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
      for (ScoreDoc sd : td.scoreDocs) paragraphs.add(StoredParagraphs.view(stored.document(sd.doc)));
      ParagraphView first = paragraphs.getFirst();
      return Optional.of(new ArticleView(id, first.title(), first.outlet(), first.url(), first.date(), paragraphs));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Applies {@code read} to the index's current reader (for {@link WarmUp}, which picks its words there).
   */
  <T> T read(IOFunction<IndexReader, T> read) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return read.apply(searcher.getIndexReader());
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

  /** The facet snapshot of {@code reader}, built on first use (before any search's time budget starts). */
  private FacetSnapshot snapshot(DirectoryReader reader) throws IOException {
    FacetSnapshot current = snapshot;
    if (current != null && current.isFor(reader)) return current;
    synchronized (this) {
      current = snapshot;
      if (current == null || !current.isFor(reader)) snapshot = current = FacetSnapshot.of(reader, facetsConfig);
      return current;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      slicing.shutdown();
      directory.close();
    }
  }
}
