package passages.opensearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import passages.entities.EntityExtractor;
import passages.ingest.CorpusReader;
import passages.ingest.IngestResult;
import passages.model.Article;
import passages.model.Paragraph;

/**
 * Test helper: a full build of a corpus into an OpenSearch alias through {@link ParagraphWriter},
 * articles cleaned by the same ingest code as the embedded index and tagged by the same entity
 * extractor (until {@code passages index --backend opensearch} does this itself).
 */
final class OpenSearchCorpus {
  private OpenSearchCorpus() {}

  /**
   * Writes every article of {@code corpus} to a new index behind {@code alias} (1 shard per node, 1
   * replica) and commits it.
   *
   * @return the number of paragraphs written
   */
  static int build(
      Cluster cluster, String alias, java.nio.file.Path corpus, EntityExtractor entities)
      throws IOException {
    Map<String, Article> articles = new TreeMap<>();
    List<String> failed = new ArrayList<>();
    new CorpusReader(corpus)
        .read(
            item -> {
              switch (item.load()) {
                case IngestResult.Ingested in ->
                    articles.putIfAbsent(in.article().id(), in.article());
                case IngestResult.Failed f -> failed.add(f.toString());
              }
            });
    if (!failed.isEmpty()) throw new IOException("corpus items failed: " + failed);
    ParagraphWriter writer =
        new ParagraphWriter(cluster, alias, 500, Duration.ofMinutes(1), Clock.systemUTC());
    ParagraphWriter.FullBuild build = writer.fullBuild(3, 1);
    int paragraphs = 0;
    for (Article a : articles.values()) {
      var mentions = entities.extractArticle(a.paragraphs().stream().map(Paragraph::text).toList());
      build.add(new IndexedArticle(a, mentions, hash(a)));
      paragraphs += a.paragraphs().size();
    }
    build.commit();
    return paragraphs;
  }

  private static String hash(Article a) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(md.digest(a.toString().getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
