package passages.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import passages.bench.RelevanceMetrics.QueryScore;
import passages.bench.RelevanceMetrics.Summary;
import passages.bench.RelevanceSet.Headline;
import passages.bench.RelevanceSet.ParagraphKey;
import passages.bench.RelevanceSet.Query;
import passages.index.ParagraphDocuments;
import passages.search.Hit;
import passages.search.InvalidRequestException;
import passages.search.ParagraphSearcher;
import passages.search.ParagraphView;
import passages.search.SearchRequest;

/**
 * Scores a search index on a judged {@link RelevanceSet}: each query's top 10 (no collapsing), as a
 * user sees it, against the judgments (P@3, P@10, junk rate, nDCG@10, unjudged hits; see {@link
 * RelevanceMetrics}), per query, per query class and overall; and each headline typed as a quoted
 * phrase (hit@1: the first hit is a paragraph of that article). The unjudged hits can be written
 * out as rows to label (pooling).
 */
public final class RelevanceEval {
  /** Characters of a paragraph's text kept in a judgment's excerpt. */
  public static final int EXCERPT_CHARS = 100;

  /** Attempts at a search before its failure fails the run. */
  static final int ATTEMPTS = 3;

  private final RelevanceSet set;

  public RelevanceEval(RelevanceSet set) {
    this.set = set;
  }

  /** A hit of a query as the set sees it: its key and what a judge needs to read. */
  public record RankedParagraph(
      int rank,
      String paragraphId,
      ParagraphKey key,
      String outlet,
      String title,
      String section,
      String text) {}

  /**
   * One query's hits (the top 10, or more when pooling deeper), its scores (on the top 10), and the
   * hits down to the pool depth with no judgment for the query.
   */
  public record QueryRun(
      Query query, List<RankedParagraph> top, QueryScore score, List<RankedParagraph> unjudged) {}

  /**
   * One headline's search: the article of the first hit, or {@code null} when nothing matched, and
   * whether the headline's article is in the index at all.
   */
  public record HeadlineRun(Headline headline, String firstArticleId, boolean articleIndexed) {
    public boolean hit() {
      return headline.articleId().equals(firstArticleId);
    }
  }

  /** Every run of the set against one index. */
  public record Report(List<QueryRun> queries, List<HeadlineRun> headlines) {
    /** Summaries: {@code all} first, then one per query class in order of first appearance. */
    public Map<String, Summary> summaries() {
      Map<String, List<QueryScore>> byClass = new LinkedHashMap<>();
      byClass.put("all", new ArrayList<>());
      for (QueryRun r : queries) {
        byClass.get("all").add(r.score());
        byClass.computeIfAbsent(r.query().queryClass(), k -> new ArrayList<>()).add(r.score());
      }
      Map<String, Summary> out = new LinkedHashMap<>();
      byClass.forEach((k, v) -> out.put(k, RelevanceMetrics.summarize(v)));
      return out;
    }

    /** Headlines whose first hit is their article. */
    public int headlineHits() {
      return (int) headlines.stream().filter(HeadlineRun::hit).count();
    }

    /** The report as Markdown: a row per query, then the summary table and the headline score. */
    public String toMarkdown() {
      StringBuilder sb = new StringBuilder();
      sb.append("| query | class | P@3 | P@10 | junk@10 | nDCG@10 | unjudged | q |\n");
      sb.append("|---|---|---:|---:|---:|---:|---:|---|\n");
      for (QueryRun r : queries) {
        QueryScore s = r.score();
        sb.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.2f | %.2f | %d/%d | %.3f | %d | `%s` |%n",
                r.query().id(),
                r.query().queryClass(),
                s.p3(),
                s.p10(),
                s.junk(),
                s.hits(),
                s.ndcg(),
                s.unjudged(),
                r.query().text()));
      }
      sb.append('\n');
      sb.append("| set | queries | P@3 | P@10 | junk@10 | nDCG@10 | unjudged hits |\n");
      sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
      summaries()
          .forEach(
              (name, s) ->
                  sb.append(
                      String.format(
                          Locale.ROOT,
                          "| %s | %d | %.3f | %.3f | %.1f%% | %.3f | %d of %d |%n",
                          name,
                          s.queries(),
                          s.p3(),
                          s.p10(),
                          100 * s.junkRate(),
                          s.ndcg(),
                          s.unjudged(),
                          s.hits())));
      if (!headlines.isEmpty()) {
        sb.append('\n')
            .append(
                String.format(
                    Locale.ROOT, "headline hit@1: %d of %d%n", headlineHits(), headlines.size()));
        for (HeadlineRun h : headlines) {
          if (!h.hit()) {
            sb.append(
                String.format(
                    Locale.ROOT,
                    "  missed %s %s (first hit: %s%s)%n",
                    h.headline().articleId(),
                    h.headline().phraseQuery(),
                    h.firstArticleId() == null ? "none" : h.firstArticleId(),
                    h.articleIndexed() ? "" : "; the article is not in the index"));
          }
        }
      }
      return sb.toString();
    }

    /**
     * The unjudged hits (down to the pool depth) as judgments.tsv rows with label and grade left
     * empty, followed by what a judge reads: rank, paragraph id, outlet, title, section, full text
     * (tabs and line breaks as spaces). The first six columns of a labelled row are a judgments.tsv
     * row. Each paragraph is listed once per query.
     */
    public List<String> poolRows() {
      List<String> rows = new ArrayList<>();
      for (QueryRun r : queries) {
        var seen = new java.util.HashSet<ParagraphKey>();
        for (RankedParagraph p : r.unjudged()) {
          if (!seen.add(p.key())) continue;
          rows.add(
              String.join(
                  "\t",
                  r.query().id(),
                  p.key().articleId(),
                  p.key().signatureHex(),
                  "",
                  "",
                  excerpt(p.text()),
                  Integer.toString(p.rank()),
                  p.paragraphId(),
                  cell(p.outlet()),
                  cell(p.title()),
                  cell(p.section()),
                  cell(p.text())));
        }
      }
      return rows;
    }
  }

  /**
   * Runs every query and headline of the set on {@code searcher}; the pool is the unjudged top 10.
   */
  public Report run(ParagraphSearcher searcher) throws IOException {
    return run(searcher, RelevanceMetrics.DEPTH);
  }

  /**
   * Runs every query and headline of the set on {@code searcher}, scoring the top 10 and pooling
   * the unjudged hits down to {@code poolDepth}.
   *
   * @param poolDepth 1..{@value SearchRequest#MAX_LIMIT}
   */
  public Report run(ParagraphSearcher searcher, int poolDepth) throws IOException {
    if (poolDepth < 1 || poolDepth > SearchRequest.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "poolDepth must be 1.." + SearchRequest.MAX_LIMIT + ", got " + poolDepth);
    }
    List<QueryRun> runs = new ArrayList<>();
    for (Query q : set.queries()) {
      List<RankedParagraph> top = top(searcher, q, Math.max(poolDepth, RelevanceMetrics.DEPTH));
      var judged = set.judgmentsOf(q.id());
      var score = RelevanceMetrics.score(top.stream().map(RankedParagraph::key).toList(), judged);
      runs.add(
          new QueryRun(
              q,
              top,
              score,
              top.stream().limit(poolDepth).filter(p -> !judged.containsKey(p.key())).toList()));
    }
    List<HeadlineRun> headlines = new ArrayList<>();
    for (Headline h : set.headlines()) {
      var hits = search(searcher, h.phraseQuery(), 1, "headline of " + h.articleId());
      headlines.add(
          new HeadlineRun(
              h,
              hits.isEmpty() ? null : hits.getFirst().articleId(),
              searcher.findArticle(h.articleId()).isPresent()));
    }
    return new Report(runs, headlines);
  }

  private static List<RankedParagraph> top(ParagraphSearcher searcher, Query q, int limit)
      throws IOException {
    List<Hit> hits = search(searcher, q.text(), limit, "query " + q.id());
    List<RankedParagraph> top = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      ParagraphView v =
          searcher
              .findParagraph(h.id())
              .orElseThrow(
                  () -> new IllegalStateException("hit " + h.id() + " is not in the index"));
      var key = new ParagraphKey(v.articleId(), ParagraphDocuments.signature(v.text()));
      top.add(
          new RankedParagraph(
              top.size() + 1, v.id(), key, v.outlet(), v.title(), v.section(), v.text()));
    }
    return top;
  }

  /**
   * The top {@code limit} hits of {@code q}. A search that runs over the time budget (a cold index
   * on a busy machine) is tried again, up to {@value #ATTEMPTS} times: the scores need every query
   * answered.
   */
  private static List<Hit> search(ParagraphSearcher searcher, String q, int limit, String what)
      throws IOException {
    var request =
        SearchRequest.of(q)
            .withLimit(limit)
            .withFacetLimit(1)
            .withHighlight(false)
            .withFacets(false);
    for (int attempt = 1; ; attempt++) {
      try {
        return searcher.search(request).hits();
      } catch (InvalidRequestException e) {
        if (attempt == ATTEMPTS)
          throw new InvalidRequestException(what + " (" + q + "): " + e.getMessage());
      }
    }
  }

  /** The first {@value #EXCERPT_CHARS} characters of {@code text}, on one line. */
  public static String excerpt(String text) {
    String one = cell(text);
    return one.length() <= EXCERPT_CHARS ? one : one.substring(0, EXCERPT_CHARS);
  }

  private static String cell(String s) {
    return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
  }
}
