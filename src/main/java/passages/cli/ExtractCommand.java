package passages.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import passages.ingest.html.ExtractedPage;
import passages.ingest.html.HtmlArticleExtractor;
import passages.ingest.html.HtmlExtractionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code extract FILE} prints the article text of one saved web page; {@code extract --out DIR
 * FILE...} writes {@code DIR/<file name up to its first dot>.txt} for each page. The text is the
 * body paragraphs separated by a blank line, each section heading on its own line before its first
 * paragraph. A page that fails gets one line on stderr and the run goes on. Exit code: 0 all pages
 * done, 1 some failed, 2 bad arguments.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = "Extract the article text from saved web pages (.html, .html.gz).")
public final class ExtractCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write DIR/<name>.txt per page instead of printing.")
  Path out;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Saved web pages, optionally gzipped.")
  List<Path> files;

  @Override
  public Integer call() {
    if (out == null && files.size() != 1) {
      throw new ParameterException(
          spec.commandLine(), "without --out give exactly one FILE (got " + files.size() + ")");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (out != null) {
      try {
        Files.createDirectories(out);
      } catch (IOException e) {
        stderr.println(out + ": cannot create output folder (" + e.getMessage() + ")");
        return 2;
      }
    }
    HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    int failed = 0;
    for (Path file : files) {
      String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
      try {
        ExtractedPage page = extractor.extract(Files.readAllBytes(file), name);
        if (out == null) {
          stdout.print(page.bodyText());
          stdout.flush();
        } else {
          Files.writeString(
              out.resolve(stem(name) + ".txt"), page.bodyText(), StandardCharsets.UTF_8);
        }
      } catch (HtmlExtractionException e) {
        stderr.println(e.getMessage());
        failed++;
      } catch (IOException e) {
        stderr.println(name + ": " + reason(e));
        failed++;
      }
    }
    stderr.flush();
    return failed == 0 ? 0 : 1;
  }

  /**
   * The file name up to its first dot ("a.html.gz" gives "a"); the whole name when it starts with a
   * dot.
   */
  static String stem(String fileName) {
    int dot = fileName.indexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /** What went wrong reading or writing a file, in words: "no such file: …", not a class name. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException f) return "no such file: " + f.getFile();
    if (e instanceof java.nio.file.AccessDeniedException f)
      return "permission denied: " + f.getFile();
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null)
      return f.getReason().toLowerCase(java.util.Locale.ROOT) + ": " + f.getFile();
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
