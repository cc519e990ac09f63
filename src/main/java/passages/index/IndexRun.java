package passages.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import passages.entities.EntityExtractor;
import passages.ingest.CorpusItem;
import passages.ingest.DropReason;
import passages.ingest.DroppedLine;
import passages.ingest.IngestResult;
import passages.ingest.Source;
import passages.model.Article;
import passages.model.Entity;
import passages.model.Paragraph;

/**
 * The state of one indexing run, shared by its workers: which corpus item holds each article id
 * (the duplicate-id protocol), the counts, the failures, and the first fatal error. {@link
 * #process} is called from any worker thread; the rest once the workers are done. Where the
 * articles go is the run's {@link ArticleSink}: the Lucene index or another backend.
 */
public final class IndexRun {
  private final ArticleSink sink;
  private final Map<String, String> existing;
  private final EntityExtractor entities;
  private final Function<Article, String> hash;
  private final Map<String, Claim> seen = new ConcurrentHashMap<>();

  /**
   * Claim and write of one article id happen under one of these, so duplicates resolve in corpus
   * order.
   */
  private final Object[] idLocks = new Object[256];

  private final Map<DropReason, AtomicLong> dropped = new ConcurrentHashMap<>();
  private final List<IngestResult.Failed> failures =
      Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong failureCount = new AtomicLong();
  private final List<IndexReport.Note> notes = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong noteCount = new AtomicLong();
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong indexed = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong paragraphs = new AtomicLong();
  private final AtomicReference<IOException> fatal = new AtomicReference<>();

  /**
   * Who holds an article id in this run: the item read first (lowest {@code seq}) wins, whatever
   * order the workers finish in. A {@code failed} claim only keeps the id's indexed paragraphs from
   * being deleted; any readable item with that id takes it over.
   */
  private record Claim(
      long seq,
      Source source,
      boolean failed,
      boolean written,
      int paragraphs,
      List<DroppedLine> dropped) {}

  /**
   * @param sink where new and changed articles are written
   * @param existing article id → content hash of the articles already in the index (skipped when
   *     unchanged)
   * @param entities finds the entity mentions of a paragraph; thread-safe
   * @param hash the content hash of an article as indexed
   */
  IndexRun(
      ArticleSink sink,
      Map<String, String> existing,
      EntityExtractor entities,
      Function<Article, String> hash) {
    this.sink = sink;
    this.existing = existing;
    this.entities = entities;
    this.hash = hash;
    for (int i = 0; i < idLocks.length; i++) idLocks[i] = new Object();
  }

  /**
   * Loads, cleans and indexes item number {@code seq} of the corpus (or counts its failure). Never
   * throws.
   */
  void process(CorpusItem item, long seq) {
    if (fatal.get() != null) return;
    try {
      switch (item.load()) {
        case IngestResult.Failed f -> {
          // keep what the index has of an article whose file failed this time: nothing is lost
          if (item.articleId() != null) {
            seen.putIfAbsent(
                item.articleId(), new Claim(seq, item.source(), true, false, 0, List.of()));
          }
          fail(f);
        }
        case IngestResult.Ingested in -> index(in, seq);
      }
    } catch (IOException e) {
      fatal.compareAndSet(null, e);
    } finally {
      items.incrementAndGet();
    }
  }

  private void index(IngestResult.Ingested in, long seq) throws IOException {
    Article a = in.article();
    String articleHash = hash.apply(a);
    synchronized (idLocks[Math.floorMod(a.id().hashCode(), idLocks.length)]) {
      Claim held = seen.get(a.id());
      if (held != null && !held.failed()) {
        if (held.seq() < seq) {
          fail(duplicate(in.source(), a.id(), held.source()));
          return;
        }
        fail(duplicate(held.source(), a.id(), in.source()));
        withdraw(held);
      }
      boolean written = held != null && held.written();
      int count = 0;
      if (written || !articleHash.equals(existing.get(a.id()))) {
        // the article's paragraphs read together: a surname alone takes the full name met elsewhere
        // in it
        List<List<Entity>> mentions =
            entities.extractArticle(a.paragraphs().stream().map(Paragraph::text).toList());
        sink.write(a, mentions, articleHash);
        written = true;
        count = a.paragraphs().size();
        indexed.incrementAndGet();
        paragraphs.addAndGet(count);
      } else {
        unchanged.incrementAndGet();
      }
      for (DroppedLine d : in.dropped())
        dropped.computeIfAbsent(d.reason(), k -> new AtomicLong()).incrementAndGet();
      for (String note : in.notes())
        if (noteCount.incrementAndGet() <= Indexer.MAX_REPORTED_FAILURES)
          notes.add(new IndexReport.Note(in.source(), note));
      seen.put(a.id(), new Claim(seq, in.source(), false, written, count, in.dropped()));
    }
  }

  /**
   * Takes back the counts of a claim that a claim read earlier replaced (its paragraphs are
   * overwritten).
   */
  private void withdraw(Claim c) {
    if (c.written()) {
      indexed.decrementAndGet();
      paragraphs.addAndGet(-c.paragraphs());
    } else {
      unchanged.decrementAndGet();
    }
    for (DroppedLine d : c.dropped()) dropped.get(d.reason()).decrementAndGet();
  }

  private static IngestResult.Failed duplicate(Source source, String id, Source first) {
    return new IngestResult.Failed(
        source, "duplicate article id '" + id + "' (already read from " + first + "); skipped");
  }

  private void fail(IngestResult.Failed f) {
    if (failureCount.incrementAndGet() <= Indexer.MAX_REPORTED_FAILURES) failures.add(f);
  }

  /** The first I/O error of a worker, which ends the run; null when none. */
  public IOException fatal() {
    return fatal.get();
  }

  /** Corpus items processed so far. */
  public long items() {
    return items.get();
  }

  /** Paragraphs written so far. */
  public long paragraphs() {
    return paragraphs.get();
  }

  /** Corpus items that failed so far. */
  public long failureCount() {
    return failureCount.get();
  }

  /** Whether some corpus item of this run has article id {@code id} (read or failed). */
  public boolean saw(String id) {
    return seen.containsKey(id);
  }

  /**
   * The report of the finished run, failures in corpus order (by file, then line).
   *
   * @param deleted articles removed because they left the corpus
   * @param totalParagraphs paragraphs in the index after the run
   * @param millis the run's duration
   */
  public IndexReport report(long deleted, long totalParagraphs, long millis) {
    Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    dropped.forEach((k, v) -> drops.put(k, v.get()));
    List<IngestResult.Failed> sorted = new ArrayList<>(failures);
    sorted.sort(Comparator.comparing(IngestResult.Failed::source));
    List<IndexReport.Note> notesSorted = new ArrayList<>(notes);
    notesSorted.sort(Comparator.comparing(IndexReport.Note::source));
    return new IndexReport(
        indexed.get(),
        unchanged.get(),
        deleted,
        paragraphs.get(),
        totalParagraphs,
        drops,
        failureCount.get(),
        sorted,
        millis,
        noteCount.get(),
        notesSorted);
  }
}
