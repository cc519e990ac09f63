package passages.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.valuesource.LongFieldSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.grouping.GroupingSearch;
import org.apache.lucene.search.grouping.TopGroups;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOFunction;
import passages.index.Fields;
import passages.model.ArticleIds;

/**
 * Searches a paragraph index on disk. One instance per process: it holds a {@link SearcherManager},
 * so {@link #refresh()} picks up a new commit without a restart. How it searches (time budget,
 * splitting across cores, facet counting) is fixed by the {@link SearchOptions} it is opened with.
 * Thread-safe.
 */
public final class ParagraphSearcher implements SearchBackend {
  /** Relevance first; ties in reading order (article id, then paragraph), so results are stable. */
  private static final Sort ORDER =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(Fields.ARTICLE_ID, SortField.Type.STRING),
          new SortField(Fields.PARAGRAPH, SortField.Type.INT));

  private static final Sort READING_ORDER =
      new Sort(new SortField(Fields.PARAGRAPH, SortField.Type.INT));
  private static final int MAX_ARTICLE_PARAGRAPHS = 100_000;

  private final Directory directory;
  private final SearchOptions options;
  private final SlicedSearcherFactory slicing;
  private final SearcherManager manager;
  private final QueryFactory queries = new QueryFactory();
  private final FacetsConfig facetsConfig = Fields.facetsConfig();

  /** The norms of the scored fields, held in memory ({@link InMemoryNorms}). */
  private final InMemoryNorms.Cache norms =
      new InMemoryNorms.Cache(
          java.util.Set.of(Fields.TEXT, Fields.HEADLINE, Fields.SECTION, Fields.TITLE_TEXT));

  private volatile FacetSnapshot snapshot;
  private volatile DaySnapshot days;

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
      this.manager =
          new SearcherManager(new InMemoryNorms(DirectoryReader.open(directory), norms), null);
    } catch (IOException e) {
      directory.close();
      throw e;
    }
    this.slicing =
        new SlicedSearcherFactory(
            Runtime.getRuntime().availableProcessors(), options.partitionFrom());
  }

  /**
   * Makes the next searches see the index's latest commit (another process may have written it).
   */
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  /**
   * Runs {@code request} within the options' time budget: its own {@link Deadline}, through which
   * every read of the index by this search (on any thread) goes.
   *
   * @throws InvalidRequestException for a bad query, an unknown outlet, or a search over the time
   *     budget
   */
  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return run(request, false);
  }

  /**
   * Runs {@code request}; with {@code timelineOnly} it only counts the matches per day (no hits,
   * facets or top-documents collection: the total is the sum of the days and the undated), for
   * {@link #compare}.
   */
  private SearchResult run(SearchRequest request, boolean timelineOnly) throws IOException {
    Query base = queries.parse(request.q());
    Ranking ranking = options.ranking();
    boolean rescore = rescores(request, base);
    var fields =
        new Ranking.FieldQueries(
            base,
            ranking.titleBoost() > 0 ? queries.parse(request.q(), Fields.TITLE_TEXT) : null,
            ranking.headlineBoost() > 0 ? queries.parse(request.q(), Fields.HEADLINE) : null,
            ranking.sectionBoost() > 0 ? queries.parse(request.q(), Fields.SECTION) : null);
    Query ranked = rescore ? ranking.match(fields) : ranking.apply(fields);
    IndexSearcher managed = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) managed.getIndexReader();
      FacetSnapshot snap = snapshot(reader);
      DaySnapshot daySnap = request.timeline() == null ? null : days(reader);
      IndexSearcher searcher =
          slicing.begin(ExitableDirectoryReader.wrap(reader, Deadline.after(options.budget())));
      searcher.setSimilarity(ranking.similarity());
      try {
        return search(searcher, snap, daySnap, base, ranked, request, timelineOnly);
      } finally {
        slicing.end();
      }
    } finally {
      manager.release(managed);
    }
  }

  /**
   * {@code base} is the query over the text (what the passage marks), {@code ranked} the one that
   * scores hits; with {@code timelineOnly} only the days of the matches are counted.
   */
  private SearchResult search(
      IndexSearcher searcher,
      FacetSnapshot snap,
      DaySnapshot daySnap,
      Query base,
      Query ranked,
      SearchRequest request,
      boolean timelineOnly)
      throws IOException {
    try {
      request = FilterValues.resolve(request, snap.values(), snap.filterKeys());
      Query kept = ofKind(ranked, request.kind());
      Query dated =
          request.days().isAll()
              ? kept
              : new BooleanQuery.Builder()
                  .add(kept, BooleanClause.Occur.MUST)
                  .add(
                      IntField.newRangeQuery(
                          Fields.DAY, request.days().from(), request.days().to()),
                      BooleanClause.Occur.FILTER)
                  .build();
      DrillDownQuery query = new DrillDownQuery(facetsConfig, dated);
      for (String outlet : request.outlets()) {
        if (!snap.hasOutlet(outlet)) {
          throw new InvalidRequestException("unknown outlet '" + outlet + "'");
        }
        query.add(Fields.OUTLET, outlet);
      }
      for (EntityFilter e : request.entities()) query.add(e.type().key(), e.value());
      for (MetaFilter m : request.metadata()) {
        if (!snap.isFilterKey(m.key())) {
          throw new InvalidRequestException(
              m.key().equals(Fields.AUTHOR)
                  ? "no article of this index has an author"
                  : FilterValues.unknownKey("meta", m.key(), snap.filterKeys()));
        }
        query.add(m.key(), m.value());
      }

      if (timelineOnly) {
        DaySnapshot.Counts counts = searcher.search(query, daySnap.counter());
        long total = counts.undated();
        for (int c : counts.perDay()) total += c;
        return new SearchResult(
            request.q(),
            total,
            total,
            List.of(),
            Map.of(),
            daySnap.timeline(counts, request.timeline(), request.days()));
      }
      return request.collapse()
          ? collapsed(searcher, snap, daySnap, base, query, request)
          : flat(searcher, snap, daySnap, base, query, request, rescores(request, base));
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw new InvalidRequestException(
          "query is too expensive: it ran over the "
              + options.budget().toMillis()
              + " ms budget; make it more specific");
    } catch (IndexSearcher.TooManyClauses e) {
      // fuzzy, wildcard and range terms expand when the query is rewritten against the index: "fa~2
      // fb~2 …"
      // parses fine but expands past the clause limit on a real vocabulary
      throw new InvalidRequestException(
          "query expands to too many terms (at most "
              + IndexSearcher.getMaxClauseCount()
              + " clauses); use fewer fuzzy, wildcard or range terms");
    }
  }

  /**
   * {@code query} kept to paragraphs of {@code kind}: body text (anything not a caption), captions,
   * or all.
   */
  private static Query ofKind(Query query, String kind) {
    Query caption = new TermQuery(new Term(Fields.KIND, "caption"));
    return switch (kind) {
      case "all" -> query;
      case "caption" ->
          new BooleanQuery.Builder()
              .add(query, BooleanClause.Occur.MUST)
              .add(caption, BooleanClause.Occur.FILTER)
              .build();
      default ->
          new BooleanQuery.Builder()
              .add(query, BooleanClause.Occur.MUST)
              .add(caption, BooleanClause.Occur.MUST_NOT)
              .build();
    };
  }

  /**
   * Hits one by one in ranked order, except that a paragraph whose text is the same as a hit ranked
   * above it (ignoring case, punctuation and spacing: wire copy) is not shown again: it is listed
   * in that hit's {@link Hit#alsoIn()}. {@code offset} and {@code limit} count the hits shown;
   * {@code total} still counts every matching paragraph.
   */
  private SearchResult flat(
      IndexSearcher searcher,
      FacetSnapshot snap,
      DaySnapshot daySnap,
      Query marked,
      Query query,
      SearchRequest request,
      boolean rescore)
      throws IOException {
    int n = request.offset() + request.limit();
    int fetch = 2 * n + 10; // room for copies folded into a hit above them
    if (rescore) fetch = Math.max(fetch, Ranking.RESCORE_WINDOW);
    Sort order = sort(request.order());
    List<CollectorManager<?, ?>> counting = counters(request, snap, daySnap);
    Object[] results =
        searchAll(
            searcher,
            query,
            Arrays.asList(top(order, fetch, rescore), counting.get(0), counting.get(1)));
    TopDocs docs = (TopDocs) results[0];
    Extras extras = extras(results, 1, request, snap, daySnap);
    long total = docs.totalHits.value();
    Folded<ScoreDoc> folded = fold(searcher.getIndexReader(), ranked(searcher, docs, rescore));
    while (folded.firsts().size() < n && total > fetch && fetch < 8 * n + 1000) {
      fetch *= 4;
      docs = searcher.search(query, top(order, fetch, rescore));
      folded = fold(searcher.getIndexReader(), ranked(searcher, docs, rescore));
    }
    int from = Math.min(request.offset(), folded.firsts().size());
    int to = Math.min(n, folded.firsts().size());
    ScoreDoc[] page = folded.firsts().subList(from, to).toArray(ScoreDoc[]::new);
    List<Hit> hits =
        StoredParagraphs.hits(
            searcher,
            queries.analyzer(),
            marked,
            page,
            request.highlight(),
            folded.others().subList(from, to));
    return new SearchResult(request.q(), total, total, hits, extras.facets(), extras.timeline());
  }

  /**
   * Whether {@code request}'s hits get the quality prior on its top hits only ({@link
   * Ranking#rescores}).
   */
  private boolean rescores(SearchRequest request, Query base) {
    return options.ranking().rescores()
        && !(base instanceof org.apache.lucene.search.MatchAllDocsQuery)
        && request.order() == Order.RELEVANCE
        && !request.collapse();
  }

  /**
   * The collectors counting what {@code request} asks besides hits, in this order: the facets, and
   * the matches per day for the timeline (counted in the facet pass when both are asked, else on
   * their own); null for what it does not ask.
   */
  private List<CollectorManager<?, ?>> counters(
      SearchRequest request, FacetSnapshot snap, DaySnapshot daySnap) {
    boolean joint = daySnap != null && request.facets() && snap.countsDays();
    return Arrays.asList(
        request.facets()
            ? snap.counter(request.facetLimit(), options.facetCounting(), joint ? daySnap : null)
            : null,
        daySnap != null && !joint ? daySnap.counter() : null);
  }

  /**
   * Runs {@code query} once with every non-null collector of {@code managers}; returns their
   * results in the same places (null where the manager is null). Collectors not asked for are left
   * out rather than run as no-ops: every collector is called for every match.
   */
  private static Object[] searchAll(
      IndexSearcher searcher, Query query, List<CollectorManager<?, ?>> managers)
      throws IOException {
    List<CollectorManager<?, ?>> asked = managers.stream().filter(m -> m != null).toList();
    Object[] results = new Object[managers.size()];
    if (asked.isEmpty()) return results;
    Object[] got =
        asked.size() == 1
            ? new Object[] {searcher.search(query, asked.getFirst())}
            : searcher.search(
                query, new MultiCollectorManager(asked.toArray(CollectorManager<?, ?>[]::new)));
    for (int i = 0, j = 0; i < managers.size(); i++)
      if (managers.get(i) != null) results[i] = got[j++];
    return results;
  }

  /** The facets and timeline from what {@link #counters} counted, at {@code results[at..at+1]}. */
  private static Extras extras(
      Object[] results, int at, SearchRequest request, FacetSnapshot snap, DaySnapshot daySnap) {
    FacetSnapshot.Counted counted = (FacetSnapshot.Counted) results[at];
    DaySnapshot.Counts days =
        counted != null && counted.days() != null
            ? counted.days()
            : (DaySnapshot.Counts) results[at + 1];
    return new Extras(
        counted != null ? counted.facets() : snap.empty(),
        daySnap == null ? null : daySnap.timeline(days, request.timeline(), request.days()));
  }

  /** A search's facets (every dimension, empty when not asked) and timeline (null when not). */
  private record Extras(Map<String, List<FacetValue>> facets, Timeline timeline) {}

  /**
   * Collects the best {@code fetch} hits in {@code order}, counting every match. With {@code
   * rescore} (relevance order) by score alone, ties by document: cheaper per match than comparing
   * reading order too; {@link #ranked} puts the ties of the rescored window in reading order.
   */
  private static CollectorManager<?, ? extends TopDocs> top(
      Sort order, int fetch, boolean rescore) {
    return rescore
        ? new TopScoreDocCollectorManager(fetch, Integer.MAX_VALUE)
        : new TopFieldCollectorManager(order, fetch, null, Integer.MAX_VALUE);
  }

  /**
   * The top hits in their final order: with {@code rescore}, the first {@link
   * Ranking#RESCORE_WINDOW} by the match get their paragraph's quality prior ({@link
   * Fields#QUALITY}) added and are re-sorted (ties in reading order, as {@link #ORDER}); hits below
   * the window keep the match order after them (ties by document), so a deeper page (more hits
   * fetched) never reorders an earlier one. Otherwise as collected.
   */
  private static ScoreDoc[] ranked(IndexSearcher searcher, TopDocs docs, boolean rescore)
      throws IOException {
    if (!rescore) return docs.scoreDocs;
    IndexReader reader = searcher.getIndexReader();
    ScoreDoc[] out = docs.scoreDocs.clone();
    int window = Math.min(out.length, Ranking.RESCORE_WINDOW);
    long[] quality = HitValues.numeric(reader, out, window, Fields.QUALITY);
    for (int i = 0; i < window; i++) {
      float prior = quality[i] == HitValues.MISSING ? 0f : Ranking.prior(quality[i]);
      out[i] = new ScoreDoc(out[i].doc, out[i].score + prior);
    }
    Arrays.sort(out, 0, window, (x, y) -> Float.compare(y.score, x.score));
    for (int from = 0, to; from < window; from = to) {
      to = from + 1;
      while (to < window && out[to].score == out[from].score) to++;
      if (to - from > 1) inReadingOrder(reader, out, from, to);
    }
    return out;
  }

  /**
   * Sorts {@code hits[from..to)} (equal scores) by article id, then paragraph: ties are rare, so
   * these values are read for them only.
   */
  private static void inReadingOrder(IndexReader reader, ScoreDoc[] hits, int from, int to)
      throws IOException {
    ScoreDoc[] tied = Arrays.copyOfRange(hits, from, to);
    BytesRef[] articles = HitValues.sorted(reader, tied, tied.length, Fields.ARTICLE_ID);
    long[] paragraphs = HitValues.numeric(reader, tied, tied.length, Fields.PARAGRAPH);
    Integer[] order = new Integer[tied.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(
        order,
        Comparator.comparing(
                (Integer i) -> articles[i],
                Comparator.nullsLast(Comparator.<BytesRef>naturalOrder()))
            .thenComparingLong(i -> paragraphs[i]));
    for (int i = 0; i < order.length; i++) hits[from + i] = tied[order[i]];
  }

  /** {@code ranked} with the copies of a text folded into its first ({@link Folded}). */
  private static Folded<ScoreDoc> fold(IndexReader reader, ScoreDoc[] ranked) throws IOException {
    long[] signatures = HitValues.numeric(reader, ranked, ranked.length, Fields.SIGNATURE);
    // every paragraph has a signature
    for (int i = 0; i < ranked.length; i++)
      if (signatures[i] == HitValues.MISSING) signatures[i] = ranked[i].doc;
    return Folded.of(Arrays.asList(ranked), signatures);
  }

  private SearchResult collapsed(
      IndexSearcher searcher,
      FacetSnapshot snap,
      DaySnapshot daySnap,
      Query marked,
      Query query,
      SearchRequest request)
      throws IOException {
    Sort order = sort(request.order());
    GroupingSearch grouping =
        new GroupingSearch(new LongFieldSource(Fields.SIGNATURE), new HashMap<>())
            .setGroupSort(order)
            .setSortWithinGroup(order)
            .setGroupDocsLimit(MAX_ALSO_IN + 1)
            .setAllGroups(true);
    // grouping collects with one collector: it runs on a searcher of the same reader without slices
    IndexSearcher single = new IndexSearcher(searcher.getIndexReader());
    single.setSimilarity(searcher.getSimilarity());
    TopGroups<?> groups = grouping.search(single, query, request.offset(), request.limit());
    // a page past the last group comes back empty with every count 0 (Lucene's grouping gives up
    // before counting): take the counts of the first page; this page stays empty
    boolean pastTheEnd = request.offset() > 0 && (groups == null || groups.groups.length == 0);
    TopGroups<?> counts = pastTheEnd ? grouping.search(single, query, 0, 1) : groups;
    Extras extras = new Extras(snap.empty(), null);
    if (request.facets() || request.timeline() != null) {
      Object[] results = searchAll(searcher, query, counters(request, snap, daySnap));
      extras = extras(results, 0, request, snap, daySnap);
    }
    int size = groups == null ? 0 : groups.groups.length;
    ScoreDoc[] page = new ScoreDoc[size];
    List<List<ScoreDoc>> others = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ScoreDoc[] docs = groups.groups[i].scoreDocs();
      page[i] = docs[0];
      others.add(Arrays.asList(docs).subList(1, docs.length));
    }
    List<Hit> hits =
        StoredParagraphs.hits(
            searcher, queries.analyzer(), marked, page, request.highlight(), others);
    long total = counts == null ? 0 : counts.totalHitCount;
    long groupCount = counts == null || counts.totalGroupCount == null ? 0 : counts.totalGroupCount;
    return new SearchResult(
        request.q(), total, groupCount, hits, extras.facets(), extras.timeline());
  }

  /** The paragraph with id {@code id}, if indexed. Malformed ids are simply not found. */
  @Override
  public Optional<ParagraphView> findParagraph(String id) throws IOException {
    var ref = ArticleIds.parseParagraphId(id);
    if (ref.isEmpty()) return Optional.empty();
    IndexSearcher searcher = manager.acquire();
    try {
      Query exact =
          new BooleanQuery.Builder()
              .add(
                  new TermQuery(new Term(Fields.ARTICLE_ID, ref.get().articleId())),
                  BooleanClause.Occur.FILTER)
              .add(
                  NumericDocValuesField.newSlowExactQuery(Fields.PARAGRAPH, ref.get().ordinal()),
                  BooleanClause.Occur.FILTER)
              .build();
      TopDocs td = searcher.search(exact, 1);
      if (td.scoreDocs.length == 0) return Optional.empty();
      return Optional.of(
          StoredParagraphs.view(searcher.storedFields().document(td.scoreDocs[0].doc)));
    } finally {
      manager.release(searcher);
    }
  }

  /** The article with id {@code id} and all its paragraphs in order, if indexed. */
  @Override
  public Optional<ArticleView> findArticle(String id) throws IOException {
    if (!ArticleIds.isValid(id)) return Optional.empty();
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs td =
          searcher.search(
              new TermQuery(new Term(Fields.ARTICLE_ID, id)),
              MAX_ARTICLE_PARAGRAPHS,
              READING_ORDER);
      if (td.scoreDocs.length == 0) return Optional.empty();
      StoredFields stored = searcher.storedFields();
      List<ParagraphView> paragraphs = new ArrayList<>(td.scoreDocs.length);
      for (ScoreDoc sd : td.scoreDocs)
        paragraphs.add(StoredParagraphs.view(stored.document(sd.doc)));
      return Optional.of(ArticleView.of(id, paragraphs));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Applies {@code read} to the index's current reader (for {@link WarmUp}, which picks its words
   * there).
   */
  <T> T read(IOFunction<IndexReader, T> read) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return read.apply(searcher.getIndexReader());
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public long paragraphCount() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public SearchResult countTimeline(SearchRequest request) throws IOException {
    if (request.timeline() == null)
      throw new IllegalArgumentException("countTimeline needs a request with a timeline interval");
    return run(request, true);
  }

  /**
   * The sort of {@code order}: relevance, or day first (undated last), then relevance, then reading
   * order.
   */
  private static Sort sort(Order order) {
    if (order == Order.RELEVANCE) return ORDER;
    boolean newest = order == Order.NEWEST;
    SortField day = new SortedNumericSortField(Fields.DAY, SortField.Type.INT, newest);
    day.setMissingValue(newest ? Integer.MIN_VALUE : Integer.MAX_VALUE);
    return new Sort(
        day,
        SortField.FIELD_SCORE,
        new SortField(Fields.ARTICLE_ID, SortField.Type.STRING),
        new SortField(Fields.PARAGRAPH, SortField.Type.INT));
  }

  /**
   * The day snapshot of {@code reader}, built on first use (before any search's time budget
   * starts).
   */
  private DaySnapshot days(DirectoryReader reader) throws IOException {
    DaySnapshot current = days;
    if (current != null && current.isFor(reader)) return current;
    synchronized (this) {
      current = days;
      if (current == null || !current.isFor(reader)) days = current = DaySnapshot.of(reader);
      return current;
    }
  }

  /**
   * The facet snapshot of {@code reader}, built on first use (before any search's time budget
   * starts).
   */
  private FacetSnapshot snapshot(DirectoryReader reader) throws IOException {
    FacetSnapshot current = snapshot;
    if (current != null && current.isFor(reader)) return current;
    synchronized (this) {
      current = snapshot;
      if (current == null || !current.isFor(reader))
        snapshot = current = FacetSnapshot.of(reader, facetsConfig);
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
