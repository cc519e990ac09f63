package passages.opensearch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.SpanQuery;
import passages.search.InvalidRequestException;

/**
 * Turns the Lucene query that {@code passages.search.QueryFactory} parsed (the guarded classic
 * syntax, our analyzer, entity aliases) into the same query in OpenSearch's DSL, term for term, so
 * a query string means the same thing on both backends: no query text is analysed again by the
 * cluster. Phrases become {@code match_phrase} over their already analysed terms (the {@code
 * whitespace} analyzer only splits them again), so they are scored as Lucene's phrase queries are.
 *
 * <p>Where OpenSearch has no equal: a {@link SynonymQuery} (single-word aliases and the forms a
 * word delimiter stacks at one position) becomes a {@code dis_max} of its terms — the same matches,
 * a score close to but not the same as Lucene's blended one; a multi-term phrase position becomes a
 * {@code span_or} inside a {@code span_near} (same matches, span scoring). A drill-down term of a
 * facet ({@code $facets}: dimension, value) becomes a term on the dimension's keyword field.
 * Stateless and thread-safe.
 */
final class QueryTranslator {
  private static final String FACETS_FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;

  private QueryTranslator() {}

  /**
   * The OpenSearch query matching what {@code q} matches.
   *
   * @throws InvalidRequestException for a query form this translation does not know (named)
   */
  static Query translate(org.apache.lucene.search.Query q) {
    return switch (q) {
      case MatchAllDocsQuery m -> Query.of(x -> x.matchAll(a -> a));
      case MatchNoDocsQuery m -> Query.of(x -> x.matchNone(a -> a));
      case TermQuery t -> term(t.getTerm());
      case BoostQuery b -> boosted(translate(b.getQuery()), b.getBoost());
      case ConstantScoreQuery c ->
          Query.of(x -> x.constantScore(s -> s.filter(translate(c.getQuery()))));
      case BooleanQuery b -> bool(b);
      case SynonymQuery s ->
          Query.of(
              x ->
                  x.disMax(
                      d -> d.queries(s.getTerms().stream().map(QueryTranslator::term).toList())));
      case DisjunctionMaxQuery d ->
          Query.of(
              x ->
                  x.disMax(
                      m ->
                          m.queries(
                                  d.getDisjuncts().stream()
                                      .map(QueryTranslator::translate)
                                      .toList())
                              .tieBreaker(d.getTieBreakerMultiplier())));
      case PhraseQuery p -> phrase(p);
      case MultiPhraseQuery m -> multiPhrase(m);
      case SpanNearQuery n -> Query.of(x -> x.spanNear(span(n).spanNear()));
      case SpanOrQuery o -> Query.of(x -> x.spanOr(span(o).spanOr()));
      case SpanTermQuery t -> Query.of(x -> x.spanTerm(span(t).spanTerm()));
      case PrefixQuery p ->
          Query.of(x -> x.prefix(f -> f.field(p.getField()).value(p.getPrefix().text())));
      case WildcardQuery w ->
          Query.of(x -> x.wildcard(f -> f.field(w.getField()).value(w.getTerm().text())));
      case FuzzyQuery f ->
          Query.of(
              x ->
                  x.fuzzy(
                      z ->
                          z.field(f.getField())
                              .value(FieldValue.of(f.getTerm().text()))
                              .fuzziness(Integer.toString(f.getMaxEdits()))
                              .prefixLength(f.getPrefixLength())
                              .transpositions(f.getTranspositions())
                              .maxExpansions(FuzzyQuery.defaultMaxExpansions)));
      case TermRangeQuery r ->
          Query.of(
              x ->
                  x.range(
                      g -> {
                        g.field(r.getField());
                        if (r.getLowerTerm() != null) {
                          JsonData lo = JsonData.of(r.getLowerTerm().utf8ToString());
                          if (r.includesLower()) g.gte(lo);
                          else g.gt(lo);
                        }
                        if (r.getUpperTerm() != null) {
                          JsonData hi = JsonData.of(r.getUpperTerm().utf8ToString());
                          if (r.includesUpper()) g.lte(hi);
                          else g.lt(hi);
                        }
                        return g;
                      }));
      default ->
          throw new InvalidRequestException(
              "this query form is not supported with --backend opensearch ("
                  + q.getClass().getSimpleName()
                  + ")");
    };
  }

  private static Query term(Term t) {
    if (t.field().equals(FACETS_FIELD)) {
      // a drill-down term "dimension \u001f value": the dimension is a keyword field of the
      // document
      String[] path = FacetsConfig.stringToPath(t.text());
      if (path.length == 2)
        return Query.of(x -> x.term(f -> f.field(path[0]).value(FieldValue.of(path[1]))));
    }
    return Query.of(x -> x.term(f -> f.field(t.field()).value(FieldValue.of(t.text()))));
  }

  private static Query boosted(Query q, float boost) {
    return Query.of(x -> x.bool(b -> b.must(q).boost(boost)));
  }

  private static Query bool(BooleanQuery q) {
    List<Query> must = new ArrayList<>();
    List<Query> should = new ArrayList<>();
    List<Query> filter = new ArrayList<>();
    List<Query> mustNot = new ArrayList<>();
    for (BooleanClause c : q.clauses()) {
      Query t = translate(c.query());
      switch (c.occur()) {
        case MUST -> must.add(t);
        case SHOULD -> should.add(t);
        case FILTER -> filter.add(t);
        case MUST_NOT -> mustNot.add(t);
      }
    }
    int min = q.getMinimumNumberShouldMatch();
    return Query.of(
        x ->
            x.bool(
                b -> {
                  b.must(must).should(should).filter(filter).mustNot(mustNot);
                  // Lucene: a query of SHOULD clauses only needs one; with a MUST or FILTER none
                  // (OpenSearch agrees outside a filter context, and we are in a query context)
                  if (min > 0) b.minimumShouldMatch(Integer.toString(min));
                  else if (!should.isEmpty() && must.isEmpty() && filter.isEmpty())
                    b.minimumShouldMatch("1");
                  return b;
                }));
  }

  /**
   * A phrase with consecutive positions is {@code match_phrase} over its terms joined by spaces
   * (the {@code whitespace} analyzer gives them back as they are); with gaps, a {@code span_near}
   * whose slop covers them.
   */
  private static Query phrase(PhraseQuery p) {
    Term[] terms = p.getTerms();
    int[] positions = p.getPositions();
    if (terms.length == 0) return Query.of(x -> x.matchNone(a -> a));
    if (terms.length == 1) return term(terms[0]);
    int gaps = positions[positions.length - 1] - positions[0] - (positions.length - 1);
    if (gaps == 0) {
      String text = String.join(" ", Arrays.stream(terms).map(Term::text).toList());
      return Query.of(
          x ->
              x.matchPhrase(
                  m -> m.field(p.getField()).query(text).analyzer("whitespace").slop(p.getSlop())));
    }
    List<SpanQuery> clauses = new ArrayList<>();
    for (Term t : terms)
      clauses.add(SpanQuery.of(s -> s.spanTerm(st -> st.field(t.field()).value(t.text()))));
    int slop = p.getSlop() + gaps;
    return Query.of(x -> x.spanNear(n -> n.clauses(clauses).slop(slop).inOrder(true)));
  }

  private static Query multiPhrase(MultiPhraseQuery m) {
    Term[][] arrays = m.getTermArrays();
    int[] positions = m.getPositions();
    if (arrays.length == 0) return Query.of(x -> x.matchNone(a -> a));
    List<SpanQuery> clauses = new ArrayList<>();
    for (Term[] at : arrays) {
      List<SpanQuery> any = new ArrayList<>();
      for (Term t : at)
        any.add(SpanQuery.of(s -> s.spanTerm(st -> st.field(t.field()).value(t.text()))));
      clauses.add(
          any.size() == 1 ? any.getFirst() : SpanQuery.of(s -> s.spanOr(o -> o.clauses(any))));
    }
    if (clauses.size() == 1) return Query.of(x -> x.spanOr(o -> o.clauses(clauses)));
    int gaps = positions[positions.length - 1] - positions[0] - (positions.length - 1);
    int slop = m.getSlop() + gaps;
    return Query.of(x -> x.spanNear(n -> n.clauses(clauses).slop(slop).inOrder(true)));
  }

  private static SpanQuery span(org.apache.lucene.queries.spans.SpanQuery q) {
    return switch (q) {
      case SpanTermQuery t ->
          SpanQuery.of(
              s -> s.spanTerm(st -> st.field(t.getTerm().field()).value(t.getTerm().text())));
      case SpanOrQuery o ->
          SpanQuery.of(
              s ->
                  s.spanOr(
                      x ->
                          x.clauses(
                              Arrays.stream(o.getClauses()).map(QueryTranslator::span).toList())));
      case SpanNearQuery n ->
          SpanQuery.of(
              s ->
                  s.spanNear(
                      x ->
                          x.clauses(
                                  Arrays.stream(n.getClauses()).map(QueryTranslator::span).toList())
                              .slop(n.getSlop())
                              .inOrder(n.isInOrder())));
      default ->
          throw new InvalidRequestException(
              "this query form is not supported with --backend opensearch ("
                  + q.getClass().getSimpleName()
                  + ")");
    };
  }
}
