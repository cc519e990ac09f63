package passages.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import passages.ingest.CleanedText;
import passages.ingest.DroppedLine;
import passages.ingest.TextCleaner;
import passages.model.ArticleIds;
import passages.model.Paragraph;
import passages.model.ParagraphKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code passages clean FILE}: shows what would be indexed from a text file, and every dropped line
 * and why.
 */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    description =
        "Show what indexing keeps of a .txt article (paragraph ids, sections, captions) and each dropped line with its reason.")
final class CleanCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "A plain-text article.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String text = TextFiles.read(file, "clean");
    CleanedText cleaned = TextCleaner.clean(text);
    String articleId = ArticleIds.fromFileName(file.getFileName().toString());
    var out = spec.commandLine().getOut();
    out.println("article " + articleId);
    out.println(
        "title: "
            + (cleaned.title() == null ? "(none; made from the first sentence)" : cleaned.title()));
    out.println();
    out.println("kept " + cleaned.paragraphs().size() + " paragraphs:");
    String section = null;
    for (Paragraph p : cleaned.paragraphs()) {
      if (p.section() != null && !p.section().equals(section)) out.println("  § " + p.section());
      section = p.section();
      String caption = p.kind() == ParagraphKind.CAPTION ? "[caption] " : "";
      out.println(
          "  "
              + ArticleIds.paragraphId(articleId, p.ordinal())
              + "  "
              + caption
              + p.text().replace("\n", "\n      "));
    }
    out.println();
    out.println("dropped " + cleaned.dropped().size() + " lines:");
    for (DroppedLine d : cleaned.dropped()) {
      out.printf("  line %d  %-32s %s%n", d.line(), "[" + d.reason().description() + "]", d.text());
    }
    return 0;
  }
}
