package passages.opensearch;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import passages.index.ArticleSink;
import passages.index.IndexReport;
import passages.index.IndexRun;
import passages.index.Indexer;
import passages.ingest.CorpusReader;

/**
 * Brings the paragraphs behind an OpenSearch alias in line with a corpus through the same pipeline
 * as the embedded index ({@link Indexer#feed}: ingest, clean, entities, content hashes, duplicate
 * ids) and {@link ParagraphWriter}'s crash-safe writes:
 *
 * <ul>
 *   <li>a <b>full build</b> (asked for, no live index yet, or a live index of another {@link
 *       IndexSettings#schemaVersion}) writes a new index and swaps the alias onto it;
 *   <li>otherwise an <b>incremental run</b> writes the new and changed articles (their content hash
 *       differs from the live one) as one write run, removes the articles gone from the corpus (not
 *       those whose file failed to load this time), and commits: every article flips from old to
 *       new at once.
 * </ul>
 *
 * Each commit stores the corpus fingerprint, schema, entity version and failure count in the live
 * index's {@code _meta} ({@link #status}), so a later run can say it is up to date without reading
 * the corpus. Not thread-safe; one run per alias at a time.
 */
public final class OpenSearchIndexer {
  /** {@code _meta} key: the corpus fingerprint ({@link CorpusReader#fingerprint()}). */
  public static final String META_CORPUS = "corpus";

  /** {@code _meta} key: {@link IndexSettings#schemaVersion()}. */
  public static final String META_SCHEMA = "schema";

  /** {@code _meta} key: the entity extractor's version. */
  public static final String META_ENTITIES = "entities";

  /** {@code _meta} key: how many corpus items failed in the run that made the commit. */
  public static final String META_FAILED = "failed";

  private final ParagraphWriter writer;
  private final Indexer pipeline;
  private final String entitiesVersion;
  private final int shards;
  private final int replicas;

  /**
   * @param pipeline the indexer whose pipeline feeds the writer (its progress consumer reports)
   * @param entitiesVersion the version of the pipeline's entity extractor (a change re-writes every
   *     article)
   * @param shards primary shards of a new index
   * @param replicas replicas of each shard of a new index
   */
  public OpenSearchIndexer(
      ParagraphWriter writer, Indexer pipeline, String entitiesVersion, int shards, int replicas) {
    if (shards < 1 || replicas < 0)
      throw new IllegalArgumentException(
          "need shards >= 1 and replicas >= 0, got " + shards + ", " + replicas);
    this.writer = writer;
    this.pipeline = pipeline;
    this.entitiesVersion = entitiesVersion;
    this.shards = shards;
    this.replicas = replicas;
  }

  /**
   * What the live index holds, as its last commit recorded it.
   *
   * @param upToDate same corpus fingerprint, schema and entity version as now
   * @param paragraphs paragraphs searches see
   * @param failed corpus items that failed in the run that made the commit
   */
  public record Status(boolean upToDate, long paragraphs, long failed) {}

  /**
   * The status of {@code writer}'s live index against {@code corpus} and the entity extractor of
   * version {@code entitiesVersion}; empty when there is no live index.
   */
  public static Optional<Status> status(
      ParagraphWriter writer, CorpusReader corpus, String entitiesVersion) throws IOException {
    Optional<ParagraphWriter.Live> live = writer.live();
    if (live.isEmpty()) return Optional.empty();
    Map<String, String> meta = live.get().meta();
    boolean upToDate =
        corpus.fingerprint().equals(meta.get(META_CORPUS))
            && IndexSettings.schemaVersion().equals(meta.get(META_SCHEMA))
            && entitiesVersion.equals(meta.get(META_ENTITIES));
    long failed = Long.parseLong(meta.getOrDefault(META_FAILED, "0"));
    return Optional.of(new Status(upToDate, writer.count(), failed));
  }

  /**
   * Runs the corpus into the cluster: a full build when {@code rebuild} is set, when there is no
   * live index or when its schema differs; an incremental run otherwise.
   *
   * @return the run's report (failed items in it, not thrown)
   * @throws IOException when the cluster fails past the writer's retry time (nothing half-written
   *     becomes visible)
   */
  public IndexReport run(CorpusReader corpus, boolean rebuild) throws IOException {
    long start = System.nanoTime();
    String fingerprint = corpus.fingerprint();
    Optional<ParagraphWriter.Live> live = writer.live();
    boolean full =
        rebuild
            || live.isEmpty()
            || IndexSettings.schemaVersion().equals(live.get().meta().get(META_SCHEMA)) == false;
    if (full) {
      ParagraphWriter.FullBuild build = writer.fullBuild(shards, replicas);
      IndexRun run = pipeline.feed(corpus, Map.of(), serialized(build::add));
      long total = build.commit(meta(fingerprint, run.failureCount()));
      return run.report(0, total, millisSince(start));
    }
    Map<String, ParagraphWriter.LiveArticle> articles = writer.liveArticles();
    Map<String, String> existing = new HashMap<>();
    // an article whose live paragraphs disagree on the hash is written again
    articles.forEach((id, a) -> existing.put(id, a.hash() == null ? "" : a.hash()));
    ParagraphWriter.Update update = writer.update(articles);
    IndexRun run = pipeline.feed(corpus, existing, serialized(update::put));
    long deleted = 0;
    for (String id : existing.keySet()) {
      if (run.saw(id) == false && update.delete(id)) deleted++;
    }
    update.commit(meta(fingerprint, run.failureCount()));
    return run.report(deleted, writer.count(), millisSince(start));
  }

  private interface Write {
    void write(IndexedArticle article) throws IOException;
  }

  /** A sink that hands articles to {@code write} one at a time (the writer is not thread-safe). */
  private static ArticleSink serialized(Write write) {
    Object lock = new Object();
    return (article, mentions, hash) -> {
      IndexedArticle a = new IndexedArticle(article, mentions, hash);
      synchronized (lock) {
        write.write(a);
      }
    };
  }

  private Map<String, String> meta(String fingerprint, long failed) {
    Map<String, String> meta = new HashMap<>();
    meta.put(META_CORPUS, fingerprint);
    meta.put(META_SCHEMA, IndexSettings.schemaVersion());
    meta.put(META_ENTITIES, entitiesVersion);
    meta.put(META_FAILED, Long.toString(failed));
    return meta;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
