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
import org.apache.lucene.index.QueryTimeout;
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
import passages.index.Fields;
import passages.model.ArticleIds;

/**
 * Searches a paragraph index on disk. One instance per process: it holds a {@link SearcherManager},
 * so {@link #refresh()} picks up a new commit without a restart. Thread-safe.
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

  /** Wall-clock budget of one search (query, highlighting, facets); over it the search is abandoned. */
  public static final long BUDGET_MILLIS = 2000;
  /** Deadline (System.nanoTime) of the search running on this thread; 0 when none. */
  private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[1]);
  /** Asked by the index reader while iterating terms and postings. */
  private static final QueryTimeout BUDGET = () -> {
    long deadline = DEADLINE.get()[0];
    return deadline != 0 && System.nanoTime() > deadline;
  };

  /** A slice of a search run on another thread gets the search's deadline there. */
  private static Runnable withDeadline(Runnable task) {
    long deadline = DEADLINE.get()[0];
    return () -> {
      long[] mine = DEADLINE.get();
      mine[0] = deadline;
      try {
        task.run();
      } finally {
        mine[0] = 0;
      }
    };
  }

  private final Directory directory;
  private final SlicedSearcherFactory slicing =
      new SlicedSearcherFactory(Runtime.getRuntime().availableProcessors(), ParagraphSearcher::withDeadline);
  private final SearcherManager manager;
  private final QueryFactory queries = new QueryFactory();
  private final FacetsConfig facetsConfig = Fields.facetsConfig();
  private volatile FacetSnapshot snapshot;

  /**
   * Opens the index in {@code indexDir}.
   *
   * @throws IndexNotFoundException when there is no index there
   */
  public ParagraphSearcher(Path indexDir) throws IOException {
    this.directory = FSDirectory.open(indexDir);
    try {
      this.manager = new SearcherManager(ExitableDirectoryReader.wrap(DirectoryReader.open(directory), BUDGET), slicing);
    } catch (IOException e) {
      directory.close();
      throw e;
    }
  }

  /** Makes the next searches see the index's latest commit (another process may have written it). */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  /**
   * Runs {@code request}.
   *
   * @throws InvalidRequestException for a bad query or an unknown outlet
   */
  public SearchResult search(SearchRequest request) throws IOException {
    Query base = queries.parse(request.q());
    IndexSearcher managed = manager.acquire();
    DEADLINE.get()[0] = System.nanoTime() + BUDGET_MILLIS * 1_000_000;
    IndexSearcher searcher = slicing.begin(managed);
    try {
      FacetSnapshot snap = snapshot(searcher);
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
      throw new InvalidRequestException("query is too expensive: it ran over the " + BUDGET_MILLIS + " ms budget; make it more specific");
    } catch (IndexSearcher.TooManyClauses e) {
      // fuzzy, wildcard and range terms expand when the query is rewritten against the index: "fa~2 fb~2 …"
      // parses fine but expands past the clause limit on a real vocabulary
      throw new InvalidRequestException("query expands to too many terms (at most " + IndexSearcher.getMaxClauseCount()
          + " clauses); use fewer fuzzy, wildcard or range terms");
    } finally {
      slicing.end();
      DEADLINE.get()[0] = 0;
      manager.release(managed);
    }
  }

  private SearchResult flat(IndexSearcher searcher, FacetSnapshot snap, Query marked, Query query, SearchRequest request)
      throws IOException {
    int n = request.offset() + request.limit();
    var top = new TopFieldCollectorManager(ORDER, n, null, Integer.MAX_VALUE);
    TopFieldDocs docs;
    Map<String, List<FacetValue>> facets = FacetSnapshot.none();
    if (request.facets()) {
      Object[] results = searcher.search(query, new MultiCollectorManager(top, snap.counter(request.facetLimit())));
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
        ? searcher.search(query, snap.counter(request.facetLimit()))
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
   * Runs searches of the index's most frequent words (alone, in pairs and as phrases, with highlighting
   * and facets) for about {@code millis} ms, so the JIT has compiled the hot paths before the first user
   * query. Returns the number of searches run.
   */
  public int warmUp(long millis) throws IOException {
    List<String> words = new ArrayList<>();
    IndexSearcher searcher = manager.acquire();
    try {
      var reader = searcher.getIndexReader();
      if (reader.leaves().isEmpty()) return 0;
      var leaf = reader.leaves().stream().max(java.util.Comparator.comparingInt(l -> l.reader().maxDoc())).orElseThrow();
      var terms = leaf.reader().terms(Fields.TEXT);
      if (terms == null) return 0;
      var it = terms.iterator();
      int min = Math.max(2, leaf.reader().maxDoc() / 200);
      for (var t = it.next(); t != null && words.size() < 200; t = it.next()) {
        String w = t.utf8ToString();
        if (it.docFreq() >= min && w.chars().allMatch(Character::isLetter)) words.add(w);
      }
    } finally {
      manager.release(searcher);
    }
    if (words.isEmpty()) return 0;
    long end = System.nanoTime() + millis * 1_000_000;
    int runs = 0;
    for (int i = 0; System.nanoTime() < end; i++) {
      String a = words.get(i % words.size());
      String b = words.get((i * 7 + 3) % words.size());
      String q = switch (i % 3) {
        case 0 -> a;
        case 1 -> a + " " + b;
        default -> "\"" + a + " " + b + "\"";
      };
      try {
        search(SearchRequest.of(q).withCollapse(i % 5 == 4));
      } catch (InvalidRequestException overBudget) {
        // a cold first search of a very frequent word can exceed the budget: warming is best effort
      }
      runs++;
    }
    return runs;
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

  /** The facet snapshot of the searcher's reader, built on first use (outside any search's time budget). */
  private FacetSnapshot snapshot(IndexSearcher searcher) throws IOException {
    DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
    FacetSnapshot current = snapshot;
    if (current != null && current.isFor(reader)) return current;
    long[] deadline = DEADLINE.get();
    long saved = deadline[0];
    deadline[0] = 0;
    try {
      synchronized (this) {
        current = snapshot;
        if (current == null || !current.isFor(reader)) snapshot = current = FacetSnapshot.of(reader, facetsConfig);
        return current;
      }
    } finally {
      deadline[0] = saved;
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
