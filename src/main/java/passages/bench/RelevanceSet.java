package passages.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A judged relevance set read from a directory: {@code queries.tsv} ({@code id, class, query}),
 * {@code judgments.tsv} ({@code queryId, articleId, signature, label, grade, excerpt}) and {@code
 * headlines.tsv} ({@code articleId, headline}). Tab-separated, UTF-8; blank lines and lines
 * starting with {@code #} are skipped. A judgment is keyed by article id and the paragraph's text
 * signature ({@link passages.index.ParagraphDocuments#signature} as 16 hex digits), never by
 * paragraph ordinal, so it survives re-cleaning that renumbers paragraphs.
 *
 * @param queries in file order
 * @param judgments per query id: judgment by paragraph key
 * @param headlines in file order
 */
public record RelevanceSet(
    List<Query> queries,
    Map<String, Map<ParagraphKey, Judgment>> judgments,
    List<Headline> headlines) {
  public static final String QUERIES = "queries.tsv";
  public static final String JUDGMENTS = "judgments.tsv";
  public static final String HEADLINES = "headlines.tsv";

  public RelevanceSet {
    queries = List.copyOf(queries);
    Map<String, Map<ParagraphKey, Judgment>> copy = new HashMap<>();
    judgments.forEach((q, m) -> copy.put(q, Map.copyOf(m)));
    judgments = Map.copyOf(copy);
    headlines = List.copyOf(headlines);
  }

  /**
   * A query of the set: its id, class (e.g. {@code bench}, {@code analyst}) and text in the query
   * syntax.
   */
  public record Query(String id, String queryClass, String text) {
    public Query {
      Objects.requireNonNull(id);
      Objects.requireNonNull(queryClass);
      Objects.requireNonNull(text);
    }
  }

  /** Identifies a paragraph across re-indexing: its article and its text signature. */
  public record ParagraphKey(String articleId, long signature) {
    /** The signature as written in the files: 16 lower-case hex digits. */
    public String signatureHex() {
      return HexFormat.of().toHexDigits(signature);
    }
  }

  /**
   * What a judge said of a paragraph for a query; {@code grade} is 0..3, {@code excerpt} is for
   * humans only.
   */
  public record Judgment(
      String queryId, ParagraphKey paragraph, Label label, int grade, String excerpt) {
    public Judgment {
      Objects.requireNonNull(queryId);
      Objects.requireNonNull(paragraph);
      Objects.requireNonNull(label);
      if (grade < 0 || grade > 3)
        throw new IllegalArgumentException("grade must be 0..3, got " + grade);
    }

    /** A hit a reporter could use: substantive and at least mentioning the topic (grade >= 1). */
    public boolean good() {
      return label == Label.SUBSTANTIVE && grade >= 1;
    }

    /** The gain in nDCG: the grade of a substantive paragraph, 0 for any other label. */
    public int gain() {
      return label == Label.SUBSTANTIVE ? grade : 0;
    }
  }

  /**
   * The kind of paragraph a judge saw (see the guidelines in
   * src/test/resources/relevance/README.md).
   */
  public enum Label {
    SUBSTANTIVE("substantive"),
    FRAGMENT("fragment"),
    JUNK("junk"),
    OFFTOPIC("offtopic");

    private final String key;

    Label(String key) {
      this.key = key;
    }

    /** The label as written in judgments.tsv. */
    public String key() {
      return key;
    }

    static Label parse(String s) {
      for (Label l : values()) if (l.key.equals(s)) return l;
      return null;
    }
  }

  /** An article's headline, typed as a quoted phrase, should find that article first. */
  public record Headline(String articleId, String text) {
    /** The headline as a phrase query: its double quotes and backslashes become spaces. */
    public String phraseQuery() {
      return "\"" + text.replace('"', ' ').replace('\\', ' ').strip() + "\"";
    }
  }

  /** Judgments of one query, by paragraph (empty when none). */
  public Map<ParagraphKey, Judgment> judgmentsOf(String queryId) {
    return judgments.getOrDefault(queryId, Map.of());
  }

  /**
   * Reads the set in {@code dir}; {@code headlines.tsv} may be absent.
   *
   * @throws IllegalArgumentException naming file and line for a malformed row, an unknown query id,
   *     a duplicate query id or a paragraph judged twice for one query
   */
  public static RelevanceSet read(Path dir) throws IOException {
    List<Query> queries = new ArrayList<>();
    Map<String, Query> byId = new LinkedHashMap<>();
    for (Row row : rows(dir.resolve(QUERIES), 3)) {
      Query q = new Query(row.cell(0), row.cell(1), row.cell(2));
      if (q.id().isEmpty() || q.queryClass().isEmpty() || q.text().isBlank())
        throw row.error("empty id, class or query");
      if (byId.putIfAbsent(q.id(), q) != null)
        throw row.error("duplicate query id '" + q.id() + "'");
      queries.add(q);
    }
    Map<String, Map<ParagraphKey, Judgment>> judgments = new HashMap<>();
    Path judgmentsFile = dir.resolve(JUDGMENTS);
    for (Row row : Files.exists(judgmentsFile) ? rows(judgmentsFile, 6) : List.<Row>of()) {
      String queryId = row.cell(0);
      if (!byId.containsKey(queryId)) throw row.error("unknown query id '" + queryId + "'");
      long signature;
      try {
        if (row.cell(2).length() != 16) throw new NumberFormatException();
        signature = HexFormat.fromHexDigitsToLong(row.cell(2));
      } catch (NumberFormatException e) {
        throw row.error("signature must be 16 hex digits, got '" + row.cell(2) + "'");
      }
      Label label = Label.parse(row.cell(3));
      if (label == null)
        throw row.error(
            "label must be substantive, fragment, junk or offtopic, got '" + row.cell(3) + "'");
      if (!row.cell(4).matches("[0-3]"))
        throw row.error("grade must be 0..3, got '" + row.cell(4) + "'");
      var key = new ParagraphKey(row.cell(1), signature);
      var judgment = new Judgment(queryId, key, label, Integer.parseInt(row.cell(4)), row.cell(5));
      if (judgments.computeIfAbsent(queryId, k -> new HashMap<>()).putIfAbsent(key, judgment)
          != null) {
        throw row.error(
            "paragraph " + key.articleId() + " " + row.cell(2) + " judged twice for " + queryId);
      }
    }
    List<Headline> headlines = new ArrayList<>();
    Path headlinesFile = dir.resolve(HEADLINES);
    for (Row row : Files.exists(headlinesFile) ? rows(headlinesFile, 2) : List.<Row>of()) {
      if (row.cell(0).isEmpty() || row.cell(1).isBlank())
        throw row.error("empty article id or headline");
      headlines.add(new Headline(row.cell(0), row.cell(1)));
    }
    return new RelevanceSet(queries, judgments, headlines);
  }

  private record Row(Path file, int line, String[] cells) {
    String cell(int i) {
      return cells[i];
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(file + ":" + line + ": " + message);
    }
  }

  /** The data rows of {@code file}, each with exactly {@code columns} cells. */
  private static List<Row> rows(Path file, int columns) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] cells = line.split("\t", -1);
      if (cells.length != columns) {
        throw new IllegalArgumentException(
            file
                + ":"
                + (i + 1)
                + ": expected "
                + columns
                + " tab-separated columns, got "
                + cells.length);
      }
      rows.add(new Row(file, i + 1, cells));
    }
    return rows;
  }
}
