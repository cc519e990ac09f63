package passages.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * The hand-annotated evaluation set under {@code src/test/resources/entities/} (see its README).
 */
final class EvalSet {
  record Doc(String id, String text, List<Entity> gold) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The development set: the seeds and 175 sampled paragraphs (rules were tuned looking at its
   * errors).
   */
  static List<Doc> gold() {
    return gold("/entities/eval-gold.jsonl");
  }

  static List<Doc> gold(String resource) {
    List<Doc> docs = new ArrayList<>();
    for (String line : lines(resource, false)) {
      try {
        JsonNode n = JSON.readTree(line);
        List<Entity> gold = new ArrayList<>();
        for (JsonNode e : n.get("entities")) {
          gold.add(
              new Entity(
                  EntityType.fromKey(e.get("type").asText()).orElseThrow(),
                  e.get("value").asText(),
                  e.get("text").asText(),
                  e.get("start").asInt(),
                  e.get("end").asInt()));
        }
        docs.add(new Doc(n.get("id").asText(), n.get("text").asText(), gold));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return docs;
  }

  /**
   * The allsides corpus the sampled paragraphs come from; test data, read in place, never copied
   * here.
   */
  static final java.nio.file.Path ALLSIDES =
      java.nio.file.Path.of("../shared/data/allsides-news/articles.jsonl.gz");

  /**
   * The corpus the extractor learns from: every paragraph of the sampled articles (listed by id,
   * read from {@link #ALLSIDES}), plus the eval texts; or, when the environment variable {@code
   * ENTITIES_CORPUS} names a JSONL.gz file like allsides-news, all its paragraphs instead of the
   * sampled articles'.
   */
  static List<String> corpus(List<Doc> docs) {
    return corpus("/entities/eval-context-ids.txt", docs);
  }

  static List<String> corpus(String idsResource, List<Doc> docs) {
    String full = System.getenv("ENTITIES_CORPUS");
    java.util.Set<String> ids =
        full == null ? java.util.Set.copyOf(lines(idsResource, false)) : null;
    java.nio.file.Path source = full == null ? ALLSIDES : java.nio.file.Path.of(full);
    if (!java.nio.file.Files.isRegularFile(source)) {
      throw new IllegalStateException(
          source.toAbsolutePath().normalize()
              + " is missing: the entity evaluation reads the "
              + "sampled articles from the shared allsides corpus (clone the project beside ../shared)");
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(java.nio.file.Files.newInputStream(source), 1 << 16),
                StandardCharsets.UTF_8),
            1 << 16)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) continue;
        if (ids != null && !ids.contains(idOf(line))) continue;
        for (JsonNode p : JSON.readTree(line).get("paragraphs")) out.add(p.asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Doc d : docs) out.add(d.text());
    return out;
  }

  /**
   * The article each doc's paragraph stands in, as the list of its paragraphs (the doc's text among
   * them): for allsides docs the sampled article (read from {@link #ALLSIDES}, found by the
   * paragraph's exact text), for the seed docs the seed's docs in order. A doc whose article is not
   * found stands alone.
   */
  static java.util.Map<Doc, List<String>> articles(String idsResource, List<Doc> docs) {
    java.util.Set<String> ids = java.util.Set.copyOf(lines(idsResource, false));
    java.util.Map<String, List<String>> byParagraph = new java.util.HashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(java.nio.file.Files.newInputStream(ALLSIDES), 1 << 16),
                StandardCharsets.UTF_8),
            1 << 16)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank() || !ids.contains(idOf(line))) continue;
        List<String> paragraphs = new ArrayList<>();
        for (JsonNode p : JSON.readTree(line).get("paragraphs")) paragraphs.add(p.asText());
        for (String p : paragraphs) byParagraph.putIfAbsent(p, paragraphs);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    java.util.Map<String, List<String>> seeds = new java.util.LinkedHashMap<>();
    for (Doc d : docs) {
      if (d.id().startsWith("seed-"))
        seeds
            .computeIfAbsent(d.id().substring(0, d.id().indexOf('.')), k -> new ArrayList<>())
            .add(d.text());
    }
    java.util.Map<Doc, List<String>> out = new java.util.LinkedHashMap<>();
    for (Doc d : docs) {
      List<String> article =
          d.id().startsWith("seed-")
              ? seeds.get(d.id().substring(0, d.id().indexOf('.')))
              : byParagraph.get(d.text());
      out.put(d, article == null ? List.of(d.text()) : article);
    }
    return out;
  }

  /** The id of a corpus line, read from its start ({@code {"id": "…"}) without parsing the whole line. */
  private static String idOf(String line) {
    int start = line.indexOf("\"id\": \"");
    if (start < 0) return "";
    start += 7;
    int end = line.indexOf('"', start);
    return end < 0 ? "" : line.substring(start, end);
  }

  static List<String> lines(String resource, boolean gzip) {
    try (InputStream raw = EvalSet.class.getResourceAsStream(resource)) {
      if (raw == null) throw new IllegalStateException("missing " + resource);
      InputStream in = gzip ? new GZIPInputStream(raw) : raw;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EvalSet() {}
}
