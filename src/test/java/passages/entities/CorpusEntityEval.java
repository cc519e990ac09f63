package passages.entities;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import passages.ingest.CorpusReader;
import passages.ingest.IngestResult;
import passages.ingest.ParagraphStream;
import passages.model.Entity;
import passages.model.Paragraph;

/**
 * Test-scope tool: scores the annotated sets as a built index would tag them, without building one:
 * learns names from a corpus as {@code passages index} does ({@link ParagraphStream}, the first
 * {@code PARAGRAPHS} or all), then cleans every article of the corpus that a gold paragraph comes
 * from, reads it with {@link EntityExtractor#extractArticle} and scores the gold paragraphs found
 * in it by exact text (as {@link IndexedEntityEval} does on an index).
 *
 * <pre>
 * java -cp 'target/classes:target/test-classes:target/lib/*' passages.entities.CorpusEntityEval \
 *     CORPUS PARAGRAPHS|all eval-gold.jsonl heldout-gold.jsonl … [--errors]
 * </pre>
 *
 * <p>{@code --errors} is refused for the blind sets ({@link IndexedEntityEval#BLIND}).
 */
public final class CorpusEntityEval {
  private CorpusEntityEval() {}

  public static void main(String[] args) throws Exception {
    boolean errors = false;
    List<String> rest = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--errors")) errors = true;
      else rest.add(a);
    }
    if (rest.size() < 3) {
      System.err.println("usage: CorpusEntityEval CORPUS PARAGRAPHS|all GOLD.jsonl... [--errors]");
      System.exit(2);
    }
    List<String> golds = rest.subList(2, rest.size());
    for (String gold : golds) {
      if (IndexedEntityEval.BLIND.contains(Path.of(gold).getFileName().toString())) {
        System.err.println(gold + " is a blind set: measure it on a built index (totals only)");
        System.exit(2);
      }
    }
    Path corpus = Path.of(rest.get(0));
    long sample = rest.get(1).equals("all") ? Long.MAX_VALUE : Long.parseLong(rest.get(1));
    int threads = Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    EntityExtractor extractor =
        EntityExtractors.create(
            new ParagraphStream(
                new CorpusReader(corpus), threads, sample, Integer.getInteger("oneIn", 1)));
    System.out.printf("learned in %.1f s%n", (System.nanoTime() - t0) / 1e9);

    Map<String, List<EvalSet.Doc>> sets = new HashMap<>();
    Set<String> articles = new HashSet<>();
    for (String gold : golds) {
      List<EvalSet.Doc> docs = EvalSet.gold("/entities/" + Path.of(gold).getFileName());
      sets.put(gold, docs);
      for (EvalSet.Doc d : docs) articles.add(articleId(d));
    }
    Map<String, List<String>> texts = new ConcurrentHashMap<>();
    Map<String, List<List<Entity>>> tags = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      new CorpusReader(corpus)
          .read(
              item ->
                  pool.execute(
                      () -> {
                        if (!(item.load() instanceof IngestResult.Ingested in)) return;
                        String id = in.article().id();
                        if (!articles.contains(id)) return;
                        List<String> ps =
                            in.article().paragraphs().stream().map(Paragraph::text).toList();
                        texts.put(id, ps);
                        tags.put(id, extractor.extractArticle(ps));
                      }));
    }
    for (String gold : golds) {
      List<EvalSet.Doc> docs = sets.get(gold);
      Map<EvalSet.Doc, List<Entity>> predicted = new HashMap<>();
      for (EvalSet.Doc d : docs) {
        List<String> ps = texts.get(articleId(d));
        if (ps == null) continue;
        int k = ps.indexOf(d.text());
        if (k >= 0) predicted.put(d, tags.get(articleId(d)).get(k));
      }
      List<EvalSet.Doc> found = docs.stream().filter(predicted::containsKey).toList();
      System.out.printf("%s: %d of %d paragraphs found%n", gold, found.size(), docs.size());
      EntityScores scores = EntityScores.of(predicted, found);
      if (errors) System.out.print(scores.errors(gold));
      scores.printTotals(gold, System.out);
    }
  }

  private static String articleId(EvalSet.Doc doc) {
    int dash = doc.id().indexOf('-');
    return dash < 0 ? "" : doc.id().substring(dash + 1);
  }
}
