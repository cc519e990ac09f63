package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocAndFloatFeatureBuffer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Matches what any of its clauses matches and scores the sum of the scores of the clauses that
 * match, as a {@link org.apache.lucene.search.BooleanQuery} of SHOULD clauses does (the same
 * matches; the same scores up to float rounding). Built for one large term clause beside small ones
 * (a paragraph's text beside its headline and section heading): the text is scored in Lucene's
 * batches, as a lone term query is, and the few headline and section matches of each batch's span
 * are merged in; a boolean disjunction instead scores every clause window by window into buckets,
 * which on a broad word costs about as much again as scoring the text alone. When the first clause
 * is not a term, or the others match one document in {@value #DENSE_OTHERS} of its or more, or no
 * score is needed, it is the boolean disjunction.
 */
final class SumQuery extends Query {
  /**
   * The other clauses are walked into the first's batches while they match fewer than one document
   * in this many of the first's (beyond, a boolean disjunction's windows cost less).
   */
  private static final int DENSE_OTHERS = 5;

  private final List<Query> clauses;

  /**
   * @param clauses at least one; the first is expected to match the most
   */
  SumQuery(List<Query> clauses) {
    if (clauses.isEmpty()) throw new IllegalArgumentException("no clause");
    this.clauses = List.copyOf(clauses);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    if (clauses.size() == 1) return clauses.getFirst();
    List<Query> rewritten = new ArrayList<>(clauses.size());
    boolean changed = false;
    for (Query q : clauses) {
      Query r = q.rewrite(searcher);
      changed |= r != q;
      rewritten.add(r);
    }
    return changed ? new SumQuery(rewritten) : this;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (Query q : clauses) any.add(q, BooleanClause.Occur.SHOULD);
    Weight disjunction = searcher.createWeight(searcher.rewrite(any.build()), scoreMode, boost);
    // matching alone: a boolean disjunction walks the clauses as bit sets, cheaper; a first clause
    // that is not a term (a phrase, synonyms) is not scored in batches, so the walk gains nothing
    if (!scoreMode.needsScores() || !(clauses.getFirst() instanceof TermQuery)) return disjunction;
    List<Weight> weights = new ArrayList<>(clauses.size());
    for (Query q : clauses) weights.add(searcher.createWeight(q, scoreMode, boost));
    return new Weight(this) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier lead = weights.getFirst().scorerSupplier(context);
        List<ScorerSupplier> present = new ArrayList<>(weights.size());
        present.add(lead);
        long others = 0;
        for (Weight w : weights.subList(1, weights.size())) {
          ScorerSupplier s = w.scorerSupplier(context);
          if (s == null) continue;
          present.add(s);
          others += s.cost();
        }
        if (lead == null) return others == 0 ? null : disjunction.scorerSupplier(context);
        if (present.size() == 1) return lead;
        // the walk pays per match of the other clauses: when they are many, score in windows
        if (others * DENSE_OTHERS > lead.cost()) return disjunction.scorerSupplier(context);
        long total = lead.cost() + others;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            List<Scorer> scorers = new ArrayList<>(present.size());
            for (ScorerSupplier s : present) scorers.add(s.get(leadCost));
            return new SumScorer(scorers);
          }

          @Override
          public BulkScorer bulkScorer() throws IOException {
            return new SumBulkScorer((SumScorer) get(Long.MAX_VALUE));
          }

          @Override
          public long cost() {
            return total;
          }
        };
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        List<Explanation> matched = new ArrayList<>();
        double sum = 0;
        for (Weight w : weights) {
          Explanation e = w.explain(context, doc);
          if (e.isMatch()) {
            matched.add(e);
            sum += e.getValue().floatValue();
          }
        }
        return matched.isEmpty()
            ? Explanation.noMatch("no clause matches")
            : Explanation.match((float) sum, "sum of:", matched);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        for (Weight w : weights) if (!w.isCacheable(ctx)) return false;
        return true;
      }
    };
  }

  /** The clauses' scorers walked side by side; each sub-iterator is positioned on or after doc. */
  private static final class SumScorer extends Scorer {
    private final Scorer[] scorers;
    private final DocIdSetIterator[] iterators;
    private int doc = -1;

    /** Per clause, its matches in the span being scored ({@link #nextDocsAndScores}). */
    private final DocAndFloatFeatureBuffer[] batches;

    private final DocAndFloatFeatureBuffer scratch = new DocAndFloatFeatureBuffer();
    private final int[] at;

    /** The matches of every clause but the first in the span being scored, and their sums. */
    private int[] otherDocs = new int[16];

    private double[] otherScores = new double[16];

    SumScorer(List<Scorer> scorers) {
      this.scorers = scorers.toArray(Scorer[]::new);
      this.iterators = new DocIdSetIterator[this.scorers.length];
      this.batches = new DocAndFloatFeatureBuffer[this.scorers.length];
      this.at = new int[this.scorers.length];
      for (int i = 0; i < iterators.length; i++) {
        iterators[i] = this.scorers[i].iterator();
        batches[i] = new DocAndFloatFeatureBuffer();
      }
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public float score() throws IOException {
      double sum = 0;
      for (int i = 0; i < scorers.length; i++)
        if (iterators[i].docID() == doc) sum += scorers[i].score();
      return (float) sum;
    }

    /**
     * The next matches before {@code upTo} and their scores: a batch of the first clause (its own
     * batch scoring, as a lone term query has) with the matches of the other clauses in the same
     * span of documents merged in.
     */
    @Override
    public void nextDocsAndScores(int upTo, Bits liveDocs, DocAndFloatFeatureBuffer buffer)
        throws IOException {
      buffer.size = 0;
      while (buffer.size == 0) {
        if (iterators[0].docID() >= upTo && othersDoc() >= upTo) break;
        if (iterators[0].docID() < upTo) scorers[0].nextDocsAndScores(upTo, liveDocs, batches[0]);
        else batches[0].size = 0;
        // every match of the first clause before `end` is in its batch
        int end = Math.min(upTo, iterators[0].docID());
        for (int i = 1; i < scorers.length; i++) {
          batches[i].size = 0;
          while (iterators[i].docID() < end) {
            scorers[i].nextDocsAndScores(end, liveDocs, scratch);
            append(batches[i], scratch);
          }
        }
        merge(buffer);
      }
      doc = Math.min(iterators[0].docID(), othersDoc());
    }

    /** Appends {@code from} to {@code to}. */
    private static void append(DocAndFloatFeatureBuffer to, DocAndFloatFeatureBuffer from) {
      if (from.size == 0) return;
      int n = to.size + from.size;
      if (to.docs.length < n) {
        to.docs = java.util.Arrays.copyOf(to.docs, Math.max(n, 2 * to.docs.length));
        to.features = java.util.Arrays.copyOf(to.features, to.docs.length);
      }
      System.arraycopy(from.docs, 0, to.docs, to.size, from.size);
      System.arraycopy(from.features, 0, to.features, to.size, from.size);
      to.size = n;
    }

    /**
     * Merges the clauses' batches into {@code out}, a document's scores summed (in double, then
     * rounded once, as a boolean disjunction sums them). The first clause's batch is the bulk and
     * the others' few, so they are merged among themselves first, then walked into the first's.
     */
    private void merge(DocAndFloatFeatureBuffer out) {
      int others = mergeOthers();
      DocAndFloatFeatureBuffer lead = batches[0];
      if (others == 0) {
        // the common case: the first clause alone; hand its arrays over
        int[] docs = out.docs;
        float[] features = out.features;
        out.docs = lead.docs;
        out.features = lead.features;
        out.size = lead.size;
        lead.docs = docs;
        lead.features = features;
        return;
      }
      out.growNoCopy(lead.size + others);
      int i = 0, n = 0;
      for (int j = 0; j < others; j++) {
        int d = otherDocs[j];
        while (i < lead.size && lead.docs[i] < d) {
          out.docs[n] = lead.docs[i];
          out.features[n++] = lead.features[i++];
        }
        double sum = otherScores[j];
        if (i < lead.size && lead.docs[i] == d) sum += lead.features[i++];
        out.docs[n] = d;
        out.features[n++] = (float) sum;
      }
      int rest = lead.size - i;
      System.arraycopy(lead.docs, i, out.docs, n, rest);
      System.arraycopy(lead.features, i, out.features, n, rest);
      out.size = n + rest;
    }

    /**
     * Merges the batches of every clause but the first into {@link #otherDocs} and {@link
     * #otherScores} (a document's scores summed); returns how many documents.
     */
    private int mergeOthers() {
      int total = 0;
      for (int i = 1; i < batches.length; i++) total += batches[i].size;
      if (total == 0) return 0;
      if (otherDocs.length < total) {
        otherDocs = new int[Math.max(total, 2 * otherDocs.length)];
        otherScores = new double[otherDocs.length];
      }
      java.util.Arrays.fill(at, 0);
      int n = 0;
      while (true) {
        int d = DocIdSetIterator.NO_MORE_DOCS;
        for (int i = 1; i < batches.length; i++)
          if (at[i] < batches[i].size) d = Math.min(d, batches[i].docs[at[i]]);
        if (d == DocIdSetIterator.NO_MORE_DOCS) return n;
        double sum = 0;
        for (int i = 1; i < batches.length; i++)
          if (at[i] < batches[i].size && batches[i].docs[at[i]] == d)
            sum += batches[i].features[at[i]++];
        otherDocs[n] = d;
        otherScores[n++] = sum;
      }
    }

    /** The first document at or after the current one that a clause but the first matches. */
    private int othersDoc() {
      int d = DocIdSetIterator.NO_MORE_DOCS;
      for (int i = 1; i < iterators.length; i++) d = Math.min(d, iterators[i].docID());
      return d;
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      int upTo = DocIdSetIterator.NO_MORE_DOCS;
      for (Scorer s : scorers) upTo = Math.min(upTo, s.advanceShallow(target));
      return upTo;
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      double sum = 0;
      for (Scorer s : scorers) sum += s.getMaxScore(upTo);
      return (float) Math.nextUp(sum);
    }

    @Override
    public DocIdSetIterator iterator() {
      return new DocIdSetIterator() {
        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() throws IOException {
          int next = DocIdSetIterator.NO_MORE_DOCS;
          for (DocIdSetIterator it : iterators) {
            int d = it.docID();
            if (d == doc) d = it.nextDoc();
            if (d < next) next = d;
          }
          return doc = next;
        }

        @Override
        public int advance(int target) throws IOException {
          int next = DocIdSetIterator.NO_MORE_DOCS;
          for (DocIdSetIterator it : iterators) {
            int d = it.docID();
            if (d < target) d = it.advance(target);
            if (d < next) next = d;
          }
          return doc = next;
        }

        @Override
        public long cost() {
          long cost = 0;
          for (DocIdSetIterator it : iterators) cost += it.cost();
          return cost;
        }
      };
    }
  }

  /**
   * Scores a {@link SumScorer} batch by batch ({@link SumScorer#nextDocsAndScores}), as Lucene
   * scores a lone term query (a collector's competitive iterator, a hint, is not used).
   */
  private static final class SumBulkScorer extends BulkScorer {
    private final SumScorer scorer;
    private final DocAndFloatFeatureBuffer buffer = new DocAndFloatFeatureBuffer();
    private final Score score = new Score();

    SumBulkScorer(SumScorer scorer) {
      this.scorer = scorer;
    }

    @Override
    public int score(LeafCollector collector, Bits acceptDocs, int min, int max)
        throws IOException {
      collector.setScorer(score);
      if (scorer.docID() < min) scorer.iterator().advance(min);
      for (scorer.nextDocsAndScores(max, acceptDocs, buffer);
          buffer.size > 0;
          scorer.nextDocsAndScores(max, acceptDocs, buffer)) {
        for (int i = 0; i < buffer.size; i++) {
          score.value = buffer.features[i];
          if (score.value >= score.minCompetitive) collector.collect(buffer.docs[i]);
        }
      }
      return scorer.docID();
    }

    @Override
    public long cost() {
      return scorer.iterator().cost();
    }
  }

  /** The score of the document being collected. */
  private static final class Score extends Scorable {
    private float value;
    private float minCompetitive;

    @Override
    public float score() {
      return value;
    }

    @Override
    public void setMinCompetitiveScore(float minScore) {
      minCompetitive = minScore;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor v = visitor.getSubVisitor(BooleanClause.Occur.SHOULD, this);
    for (Query q : clauses) q.visit(v);
  }

  @Override
  public String toString(String field) {
    StringBuilder out = new StringBuilder("sum(");
    for (int i = 0; i < clauses.size(); i++) {
      if (i > 0) out.append(' ');
      out.append(clauses.get(i).toString(field));
    }
    return out.append(')').toString();
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && clauses.equals(((SumQuery) other).clauses);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), clauses);
  }
}
