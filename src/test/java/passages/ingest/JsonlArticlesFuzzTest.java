package passages.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import passages.model.ArticleIds;

/**
 * One JSONL line, whatever it holds, becomes exactly one outcome naming its source: an article with
 * a valid id and non-blank paragraphs, or a failure with a message. It never throws. (In this
 * package because {@link JsonlArticles} is package-private; the other fuzz tests are in {@code
 * passages.fuzz}.)
 */
class JsonlArticlesFuzzTest {
  @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
  void parse(byte[] line) {
    IngestResult result =
        JsonlArticles.parse(new Source("wire.jsonl", 7), new String(line, StandardCharsets.UTF_8));

    assertEquals("wire.jsonl:7", result.source().toString());
    switch (result) {
      case IngestResult.Failed f -> assertFalse(f.message().isBlank());
      case IngestResult.Ingested in -> {
        assertTrue(ArticleIds.isValid(in.article().id()), in.article().id());
        assertFalse(in.article().paragraphs().isEmpty());
        assertFalse(in.article().title().isBlank());
      }
    }
  }
}
