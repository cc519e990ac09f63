package passages.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import passages.model.Article;
import passages.model.Paragraph;

/**
 * Corpus items loaded (parsed and cleaned) by one pass over a corpus, kept for the next pass so it
 * does not load them again: the learning pass before indexing reads the whole corpus, and the
 * indexing pass takes its items from here ({@link CorpusReader#reusing}). Memory is bounded: items
 * are kept while their estimated size fits the budget, and the rest are loaded again by the next
 * pass. Which items are kept may vary from run to run (workers finish in any order); what the next
 * pass gets does not, since a kept item is the result loading it again would give. Thread-safe.
 */
public final class LoadedItems {
  private final Map<Source, IngestResult> kept = new ConcurrentHashMap<>();
  private final AtomicLong budget;

  /**
   * @param budgetBytes the estimated heap the kept items may take; 0 keeps none
   */
  public LoadedItems(long budgetBytes) {
    this.budget = new AtomicLong(Math.max(0, budgetBytes));
  }

  /** Keeps {@code result} of the item from {@code source} if it fits what is left of the budget. */
  void offer(Source source, IngestResult result) {
    long size = estimatedBytes(result);
    if (budget.addAndGet(-size) < 0) {
      budget.addAndGet(size);
      return;
    }
    kept.put(source, result);
  }

  /**
   * The kept result of the item from {@code source}, handed out once (the memory is freed as the
   * next pass goes); null when it was not kept.
   */
  IngestResult take(Source source) {
    return kept.remove(source);
  }

  /** How many items are kept and not yet taken. */
  public int size() {
    return kept.size();
  }

  /** A rough heap size: two bytes a character plus the objects around them. */
  private static long estimatedBytes(IngestResult result) {
    if (!(result instanceof IngestResult.Ingested in)) return 256;
    Article a = in.article();
    long bytes = 512 + 64L * in.dropped().size();
    for (Paragraph p : a.paragraphs()) {
      bytes += 96 + 2L * p.text().length() + (p.section() == null ? 0 : 2L * p.section().length());
    }
    for (DroppedLine d : in.dropped()) bytes += 2L * d.text().length();
    return bytes;
  }
}
