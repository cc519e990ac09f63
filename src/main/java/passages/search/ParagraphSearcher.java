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
    Ranking ranking = options.ranking();
    Query ranked = ranking.apply(new Ranking.FieldQueries(base,
        ranking.titleBoost() > 0 ? queries.parse(request.q(), Fields.TITLE_TEXT) : null,
        ranking.headlineBoost() > 0 ? queries.parse(request.q(), Fields.HEADLINE) : null,
        ranking.sectionBoost() > 0 ? queries.parse(request.q(), Fields.SECTION) : null));
    IndexSearcher managed = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) managed.getIndexReader();
      FacetSnapshot snap = snapshot(reader);
      IndexSearcher searcher = slicing.begin(ExitableDirectoryReader.wrap(reader, Deadline.after(options.budget())));
      searcher.setSimilarity(ranking.similarity());
      try {
        return search(searcher, snap, base, ranked, request);
      } finally {
        slicing.end();
      }
    } finally {
      manager.release(managed);
    }
  }

  /** {@code base} is the query over the text (what the passage marks), {@code ranked} the one that scores hits. */
  private SearchResult search(IndexSearcher searcher, FacetSnapshot snap, Query base, Query ranked, SearchRequest request)
      throws IOException {
    try {
      DrillDownQuery query = new DrillDownQuery(facetsConfig, ofKind(ranked, request.kind()));
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

  /** {@code query} kept to paragraphs of {@code kind}: body text (anything not a caption), captions, or all. */
  private static Query ofKind(Query query, String kind) {
    Query caption = new TermQuery(new Term(Fields.KIND, "caption"));
    return switch (kind) {
      case "all" -> query;
      case "caption" -> new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(caption, BooleanClause.Occur.FILTER).build();
      default -> new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(caption, BooleanClause.Occur.MUST_NOT).build();
    };
  }

  /**
   * Hits one by one in ranked order, except that a paragraph whose text is the same as a hit ranked
   * above it (ignoring case, punctuation and spacing: wire copy) is not shown again: it is listed in that
   * hit's {@link Hit#alsoIn()}. {@code offset} and {@code limit} count the hits shown; {@code total} still
   * counts every matching paragraph.
   */
  private SearchResult flat(IndexSearcher searcher, FacetSnapshot snap, Query marked, Query query, SearchRequest request)
      throws IOException {
    int n = request.offset() + request.limit();
    int fetch = 2 * n + 10; // room for copies folded into a hit above them
    var top = new TopFieldCollectorManager(ORDER, fetch, null, Integer.MAX_VALUE);
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
    long total = docs.totalHits.value();
    Folded folded = Folded.of(searcher.getIndexReader(), docs.scoreDocs);
    while (folded.firsts().size() < n && total > fetch && fetch < 8 * n + 1000) {
      fetch *= 4;
      docs = searcher.search(query, new TopFieldCollectorManager(ORDER, fetch, null, Integer.MAX_VALUE));
      folded = Folded.of(searcher.getIndexReader(), docs.scoreDocs);
    }
    int from = Math.min(request.offset(), folded.firsts().size());
    int to = Math.min(n, folded.firsts().size());
    ScoreDoc[] page = folded.firsts().subList(from, to).toArray(ScoreDoc[]::new);
    List<Hit> hits = StoredParagraphs.hits(searcher, queries.analyzer(), marked, page, request.highlight(), folded.others().subList(from, to));
    return new SearchResult(request.q(), total, total, hits, facets);
  }

  /** Ranked hits with the copies of a text folded into its first: {@code others.get(i)} are the copies of {@code firsts.get(i)}. */
  private record Folded(List<ScoreDoc> firsts, List<List<ScoreDoc>> others) {
    static Folded of(org.apache.lucene.index.IndexReader reader, ScoreDoc[] ranked) throws IOException {
      List<ScoreDoc> firsts = new ArrayList<>();
      List<List<ScoreDoc>> others = new ArrayList<>();
      Map<Long, Integer> bySignature = new HashMap<>();
      var leaves = reader.leaves();
      for (ScoreDoc sd : ranked) {
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves));
        var signatures = org.apache.lucene.index.DocValues.getNumeric(leaf.reader(), Fields.SIGNATURE);
        long sig = signatures.advanceExact(sd.doc - leaf.docBase) ? signatures.longValue() : sd.doc; // unsigned: itself
        Integer first = bySignature.putIfAbsent(sig, firsts.size());
        if (first == null) {
          firsts.add(sd);
          others.add(new ArrayList<>());
        } else if (others.get(first).size() < MAX_ALSO_IN) {
          others.get(first).add(sd);
        }
      }
      return new Folded(firsts, others);
    }
  }

  private SearchResult collapsed(IndexSearcher searcher, FacetSnapshot snap, Query marked, Query query, SearchRequest request)
      throws IOException {
    GroupingSearch grouping = new GroupingSearch(new LongFieldSource(Fields.SIGNATURE), new HashMap<>())
        .setGroupSort(ORDER)
        .setSortWithinGroup(ORDER)
        .setGroupDocsLimit(MAX_ALSO_IN + 1)
        .setAllGroups(true);
    // grouping collects with one collector: it runs on a searcher of the same reader without slices
    IndexSearcher single = new IndexSearcher(searcher.getIndexReader());
    single.setSimilarity(searcher.getSimilarity());
    TopGroups<?> groups = grouping.search(single, query, request.offset(), request.limit());
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

  /**
   * The paragraph of article {@code articleId} that a permalink's {@code fingerprint} links to ({@link
   * Permalinks#resolve}); empty when the article is gone, nothing close is left, or the parts are malformed.
   */
  public Optional<Permalinks.Resolved> findPermalink(String articleId, String fingerprint) throws IOException {
    if (!Permalinks.isWellFormed(articleId, fingerprint)) return Optional.empty();
    Optional<ArticleView> article = findArticle(articleId);
    return article.isEmpty() ? Optional.empty() : Permalinks.resolve(article.get().paragraphs(), fingerprint);
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
