package passages.cli;

import java.io.IOException;
import java.io.PrintWriter;
import passages.index.IndexReport;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.opensearch.Cluster;
import passages.opensearch.OpenSearchIndexer;
import passages.opensearch.ParagraphWriter;

/**
 * {@code passages index --backend opensearch}: brings the paragraphs behind an OpenSearch alias in
 * line with one corpus, as {@link IndexJob} does for the embedded index — learns entity names, runs
 * the same pipeline into {@link OpenSearchIndexer} (a full build or an incremental run), shows
 * progress on {@code err}, prints the failures to {@code err} and the report to {@code out}; when
 * the live index is up to date (and no rebuild is asked for), says so without reading the corpus.
 */
final class OpenSearchIndexJob {
  private final CorpusReader corpus;
  private final Cluster cluster;
  private final String alias;
  private final String target;
  private final Integer shards;
  private final Integer replicas;
  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * @param urls the cluster as the user named it (for the messages)
   * @param shards primary shards of a new index, or null for one per data node
   * @param replicas replicas of a new index, or null for 1 (0 on a one-node cluster)
   */
  OpenSearchIndexJob(
      CorpusReader corpus,
      Cluster cluster,
      String alias,
      String urls,
      Integer shards,
      Integer replicas,
      PrintWriter out,
      PrintWriter err) {
    this.corpus = corpus;
    this.cluster = cluster;
    this.alias = alias;
    this.target = "opensearch " + urls + " (alias " + alias + ")";
    this.shards = shards;
    this.replicas = replicas;
    this.out = out;
    this.err = err;
  }

  IndexReport run(boolean rebuild) throws IOException {
    long start = System.nanoTime();
    ParagraphWriter writer = new ParagraphWriter(cluster, alias);
    if (!rebuild) {
      var status = OpenSearchIndexer.status(writer, corpus, EntityWiring.version());
      if (status.isPresent() && status.get().upToDate())
        return IndexJob.upToDate(
            corpus.path(), target, status.get().paragraphs(), status.get().failed(), start, out);
    }
    return IndexJob.runPipeline(
        corpus, target, out, err, pipeline -> indexer(writer, pipeline).run(corpus, rebuild));
  }

  private OpenSearchIndexer indexer(ParagraphWriter writer, Indexer pipeline) throws IOException {
    int dataNodes = -1;
    if (shards == null || replicas == null)
      dataNodes = Math.max(1, cluster.client().cluster().health().numberOfDataNodes());
    return new OpenSearchIndexer(
        writer,
        pipeline,
        EntityWiring.version(),
        shards != null ? shards : dataNodes,
        replicas != null ? replicas : Math.min(1, dataNodes - 1));
  }
}
