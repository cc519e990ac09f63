package passages.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import passages.entities.EntityExtractor;
import passages.entities.EntityExtractors;
import passages.ingest.TextCleaner;
import passages.model.Entity;
import passages.model.Paragraph;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code passages entities FILE | --text "..."}: prints the entity mentions of each paragraph. */
@Command(
    name = "entities",
    mixinStandardHelpOptions = true,
    description =
        "Print the entity mentions (type, canonical value, offsets) of each paragraph of a text file or of --text.")
public final class EntitiesCommand implements Callable<Integer> {

  static final class Input {
    @Parameters(
        index = "0",
        paramLabel = "FILE",
        description = "A plain-text article, cleaned and split into paragraphs as indexing does.")
    Path file;

    @Option(
        names = "--text",
        paramLabel = "TEXT",
        description = "Text to analyse; each line is one paragraph.")
    String text;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(
      names = "--json",
      description = "One JSON object per paragraph per line: paragraph, text, entities.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<String> paragraphs =
        input.file != null ? paragraphs(TextFiles.read(input.file, "entities")) : lines(input.text);
    EntityExtractor extractor = EntityExtractors.create(paragraphs);
    // a file is one article, read as a whole (a surname alone takes the full name met elsewhere in
    // it);
    // --text lines are paragraphs read alone
    List<List<Entity>> all =
        input.file != null
            ? extractor.extractArticle(paragraphs)
            : paragraphs.stream().map(extractor::extract).toList();
    ObjectMapper mapper = new ObjectMapper();
    int n = 0;
    for (String p : paragraphs) {
      List<Entity> entities = all.get(n);
      n++;
      if (json) {
        ObjectNode o = mapper.createObjectNode();
        o.put("paragraph", n);
        o.put("text", p);
        ArrayNode arr = o.putArray("entities");
        for (Entity e : entities) {
          arr.addObject()
              .put("type", e.type().key())
              .put("value", e.value())
              .put("text", e.text())
              .put("start", e.start())
              .put("end", e.end());
        }
        out.println(mapper.writeValueAsString(o));
      } else {
        out.printf("[%d] %s%n", n, p);
        for (Entity e : entities) {
          out.printf(
              "    %-7s %-28s '%s' %d-%d%n",
              e.type().key(), e.value(), e.text(), e.start(), e.end());
        }
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The paragraphs of a raw text file, cleaned and split as indexing does ({@link TextCleaner}).
   */
  static List<String> paragraphs(String raw) {
    return TextCleaner.clean(raw).paragraphs().stream().map(Paragraph::text).toList();
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
