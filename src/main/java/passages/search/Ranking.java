package passages.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import passages.index.Fields;

/**
 * How hits are ordered: BM25 over the paragraph text, the article's headline and the section
 * heading (each its own weight: a headline phrase finds its article's first paragraph), plus a
 * paragraph-quality prior stored in the index, so a six-word line that repeats the query does not
 * outrank a substantive paragraph that matches as well. With the default weights the prior is added
 * to the {@value #RESCORE_WINDOW} best hits by the match only ({@link #rescores()}); other weights
 * score it on every match from the feature fields (for tuning). The defaults were tuned on the
 * odd-numbered half of the judged relevance set ({@code src/test/resources/relevance/}) and checked
 * on the even half ({@code RankingSweep}, test scope): P@3 0.857 on the half they were chosen on,
 * 0.943 on the other.
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation (1 = full; lower favours short paragraphs less)
 * @param titleBoost weight of a match in the article's headline, added to paragraphs that match
 *     otherwise
 * @param headlineBoost weight of a match in the headline on the article's first paragraph, which
 *     makes it a match (a headline typed as a query finds its article)
 * @param sectionBoost weight of a match in the paragraph's section heading
 * @param wordsWeight weight of the paragraph-length prior {@code w · words / (words + pivot)}
 * @param wordsPivot words at which the length prior gives half its weight
 * @param proseWeight weight added to paragraphs that read as prose (a sentence of 8+ words ending
 *     in sentence punctuation), not headings, captions or list debris
 */
public record Ranking(
    float k1,
    float b,
    float titleBoost,
    float headlineBoost,
    float sectionBoost,
    float wordsWeight,
    float wordsPivot,
    float proseWeight) {
  /** The tuned defaults. */
  public static final Ranking DEFAULTS =
      new Ranking(
          1.2f,
          0.5f,
          0f,
          1f,
          0.3f,
          Fields.QUALITY_WORDS_WEIGHT,
          Fields.QUALITY_PIVOT,
          Fields.QUALITY_PROSE_WEIGHT);

  /** Plain BM25 over the paragraph text, as before the quality prior (for comparisons). */
  public static final Ranking TEXT_ONLY = new Ranking(1.2f, 0.75f, 0f, 0f, 0f, 0f, 20f, 0f);

  public Ranking {
    if (k1 < 0
        || b < 0
        || b > 1
        || titleBoost < 0
        || headlineBoost < 0
        || sectionBoost < 0
        || wordsWeight < 0
        || wordsPivot <= 0
        || proseWeight < 0) {
      throw new IllegalArgumentException("bad ranking " + this);
    }
  }

  /** The similarity every field is scored with. */
  Similarity similarity() {
    return new BM25Similarity(k1, b);
  }

  /**
   * The scored query: a match in the text, the headline (first paragraphs only) or the section
   * heading; a match in the title adds to it, and so does the quality prior. What the query
   * excludes at its top level ({@code NOT amazon}) excludes paragraphs whose text has it, whichever
   * field matched. A query matching everything stays unscored (reading order).
   *
   * @param fields the query parsed over each field: text, and title, headline and section (each
   *     null when its weight is 0)
   */
  Query apply(FieldQueries fields) {
    if (fields.text() instanceof MatchAllDocsQuery) return fields.text();
    Query match = fields.text();
    if (headlineBoost > 0 || sectionBoost > 0) {
      List<Query> any = new ArrayList<>(List.of(fields.text()));
      if (headlineBoost > 0) any.add(new BoostQuery(fields.headline(), headlineBoost));
      if (sectionBoost > 0) any.add(new BoostQuery(fields.section(), sectionBoost));
      match = new SumQuery(any);
      // "openai NOT amazon": a paragraph whose text says Amazon is out, also when its headline or
      // section is what matches openai
      if (fields.text() instanceof BooleanQuery text
          && text.clauses().stream().anyMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
        BooleanQuery.Builder kept = new BooleanQuery.Builder().add(match, BooleanClause.Occur.MUST);
        for (BooleanClause c : text.clauses())
          if (c.occur() == BooleanClause.Occur.MUST_NOT) kept.add(c);
        match = kept.build();
      }
    }
    if (titleBoost == 0 && wordsWeight == 0 && proseWeight == 0) return match;
    BooleanQuery.Builder scored = new BooleanQuery.Builder().add(match, BooleanClause.Occur.MUST);
    if (titleBoost > 0)
      scored.add(new BoostQuery(fields.title(), titleBoost), BooleanClause.Occur.SHOULD);
    if (wordsWeight == Fields.QUALITY_WORDS_WEIGHT
        && wordsPivot == Fields.QUALITY_PIVOT
        && proseWeight == Fields.QUALITY_PROSE_WEIGHT) {
      // the index holds this prior precomputed: one feature to read per match instead of two
      scored.add(
          FeatureField.newLinearQuery(Fields.FEATURES, Fields.FEATURE_QUALITY, 1f),
          BooleanClause.Occur.SHOULD);
      return scored.build();
    }
    if (wordsWeight > 0) {
      scored.add(
          FeatureField.newSaturationQuery(
              Fields.FEATURES, Fields.FEATURE_WORDS, wordsWeight, wordsPivot),
          BooleanClause.Occur.SHOULD);
    }
    if (proseWeight > 0) {
      scored.add(
          FeatureField.newLinearQuery(Fields.FEATURES, Fields.FEATURE_PROSE, proseWeight),
          BooleanClause.Occur.SHOULD);
    }
    return scored.build();
  }

  /**
   * Whether this ranking's quality prior is the one folded into the index ({@link Fields#QUALITY})
   * with no title weight: then hits are ordered by the match alone and only the top {@link
   * #RESCORE_WINDOW} get the prior added ({@link #match}, {@link #prior}), instead of scoring the
   * prior on every match.
   */
  public boolean rescores() {
    return titleBoost == 0
        && wordsWeight == Fields.QUALITY_WORDS_WEIGHT
        && wordsPivot == Fields.QUALITY_PIVOT
        && proseWeight == Fields.QUALITY_PROSE_WEIGHT;
  }

  /** Hits, best by the match alone, that get the prior added when {@link #rescores()}. */
  public static final int RESCORE_WINDOW = 100;

  /** The match query of {@link #apply} without the title weight and the prior. */
  Query match(FieldQueries fields) {
    return new Ranking(k1, b, 0f, headlineBoost, sectionBoost, 0f, wordsPivot, 0f).apply(fields);
  }

  /** The prior of a paragraph whose {@link Fields#QUALITY} doc value is {@code stored}. */
  static float prior(long stored) {
    return Float.intBitsToFloat((int) stored);
  }

  /** A user's query parsed over each searchable field. */
  record FieldQueries(Query text, Query title, Query headline, Query section) {}
}
