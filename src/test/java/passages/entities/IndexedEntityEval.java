package passages.entities;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import passages.index.Fields;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * Test-scope tool: scores the entity tags stored in a built index (so with the names learned from
 * the whole corpus and each paragraph read in its article, as issue 15 measures) against the
 * hand-annotated sets of {@code src/test/resources/entities/}, with the matching of {@link
 * EntityEvaluationTest} ({@link EntityScores}).
 *
 * <pre>
 * mvn -B -q test-compile dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
 * java -cp 'target/classes:target/test-classes:target/lib/*' passages.entities.IndexedEntityEval \
 *     /work/idx/final eval-gold.jsonl heldout-gold.jsonl heldout-2-gold.jsonl [--errors]
 * </pre>
 *
 * <p>A gold paragraph's id is a prefix, {@code -} and its article's id ({@code
 * h2-F7mkSgZEtFA4B4YD}); it is found among the indexed paragraphs of that article by its exact
 * text. Paragraphs not found (the dev set's seed files are no allsides articles; the cleaner may
 * drop or change a paragraph) are counted and listed, and left out of the scores. Prints the
 * index's entity-rules version beside this code's, then per set the totals; {@code --errors} adds
 * every false positive and miss, and is refused for the blind sets, whose errors must not be read.
 */
public final class IndexedEntityEval {
  /** Gold files whose errors are not to be read (the blind measures). */
  static final Set<String> BLIND = Set.of("heldout-4-gold.jsonl", "heldout-5-gold.jsonl");

  private IndexedEntityEval() {}

  public static void main(String[] args) throws IOException {
    boolean errors = false;
    List<String> rest = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--errors")) errors = true;
      else rest.add(a);
    }
    if (rest.size() < 2) {
      System.err.println("usage: IndexedEntityEval INDEX GOLD.jsonl... [--errors]");
      System.exit(2);
    }
    if (errors) {
      for (String gold : rest.subList(1, rest.size())) {
        if (BLIND.contains(Path.of(gold).getFileName().toString())) {
          System.err.println(gold + " is a blind set: --errors refused (totals only)");
          System.exit(2);
        }
      }
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(rest.get(0))))) {
      String tagged = reader.getIndexCommit().getUserData().get(Fields.COMMIT_ENTITIES);
      String code = EntityExtractors.version();
      System.out.printf(
          "index %s: entities %s, this code %s%s%n",
          rest.get(0), tagged, code, code.equals(tagged) ? "" : " (differ)");
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String gold : rest.subList(1, rest.size())) {
        List<EvalSet.Doc> docs = EvalSet.gold("/entities/" + Path.of(gold).getFileName());
        Map<EvalSet.Doc, List<Entity>> predicted = new HashMap<>();
        List<String> noArticle = new ArrayList<>();
        List<String> noText = new ArrayList<>();
        for (EvalSet.Doc d : docs) {
          List<Entity> tags = tagsOf(searcher, d);
          if (tags != null) predicted.put(d, tags);
          else if (paragraphsOf(searcher, d) == 0) noArticle.add(d.id());
          else noText.add(d.id());
        }
        List<EvalSet.Doc> found = docs.stream().filter(predicted::containsKey).toList();
        System.out.printf(
            "%s: %d of %d paragraphs found in the index; article not indexed: %d%s;"
                + " article indexed, text not among its paragraphs: %d%s%n",
            gold,
            found.size(),
            docs.size(),
            noArticle.size(),
            brief(noArticle),
            noText.size(),
            brief(noText));
        EntityScores scores = EntityScores.of(predicted, found);
        if (errors) System.out.print(scores.errors(gold));
        scores.printTotals(gold, System.out);
      }
    }
  }

  /** Up to 10 ids, for the report. */
  private static String brief(List<String> ids) {
    if (ids.isEmpty()) return "";
    return " " + (ids.size() <= 10 ? ids : ids.subList(0, 10) + "…");
  }

  private static String articleId(EvalSet.Doc doc) {
    int dash = doc.id().indexOf('-');
    return dash < 0 ? "" : doc.id().substring(dash + 1);
  }

  /** How many paragraphs of {@code doc}'s article the index holds. */
  private static int paragraphsOf(IndexSearcher searcher, EvalSet.Doc doc) throws IOException {
    return searcher.count(new TermQuery(new Term(Fields.ARTICLE_ID, articleId(doc))));
  }

  /**
   * The mentions stored for {@code doc}'s paragraph: the first paragraph of its article (by id)
   * whose text is the doc's; null when there is none.
   */
  static List<Entity> tagsOf(IndexSearcher searcher, EvalSet.Doc doc) throws IOException {
    String articleId = articleId(doc);
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit :
        searcher.search(new TermQuery(new Term(Fields.ARTICLE_ID, articleId)), 10_000).scoreDocs) {
      Document d = stored.document(hit.doc);
      String text = d.get(Fields.TEXT);
      if (!doc.text().equals(text)) continue;
      List<Entity> out = new ArrayList<>();
      String lines = d.get(Fields.ENTITIES);
      if (lines == null) return out;
      for (String line : lines.split("\n")) {
        String[] f = line.split("\t");
        int start = Integer.parseInt(f[2]);
        int end = Integer.parseInt(f[3]);
        out.add(
            new Entity(
                EntityType.fromKey(f[0]).orElseThrow(),
                f[1],
                text.substring(start, end),
                start,
                end));
      }
      return out;
    }
    return null;
  }
}
