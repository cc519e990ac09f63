package passages.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import passages.search.InvalidRequestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code passages}: index a corpus of news articles by paragraph and search it.
 *
 * <p>Exit codes: 0 success, 1 failure, 2 bad arguments, 3 partial (indexed, but some corpus items
 * failed).
 */
@Command(
    name = "passages",
    mixinStandardHelpOptions = true,
    version = "passages 0.1.0",
    description = "Paragraph-level full-text search over news articles.",
    subcommands = {
      IndexCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      CleanCommand.class,
      ExtractCommand.class,
      EntitiesCommand.class,
      BenchCommand.class,
      EvalCommand.class
    })
public final class Main implements Runnable {
  /** Exit code of a command that could not complete. */
  public static final int EXIT_FAILURE = 1;

  /** Exit code of an indexing run that completed but could not read some corpus items. */
  public static final int EXIT_PARTIAL = 3;

  /** Exit code of bad arguments. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Lucene logs (through java.util.logging) that the vector incubator module is not readable;
   * passages does no vector search, so that advice is noise on a terminal. Held here so the setting
   * sticks.
   */
  private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams and returns the exit code (what tests call). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          // a bad query or filter is the user's to fix, like a bad option: one line, exit 2
          boolean mine = e instanceof UserException || e instanceof InvalidRequestException;
          err.println("passages: " + (mine ? e.getMessage() : describe(e)));
          return e instanceof UserException u
              ? u.exitCode
              : e instanceof InvalidRequestException ? EXIT_USAGE : EXIT_FAILURE;
        });
    cli.setParameterExceptionHandler(
        (e, params) -> {
          err.println(
              "passages: "
                  + e.getMessage()
                  + " (see: passages "
                  + commandName(e.getCommandLine())
                  + " --help)");
          return EXIT_USAGE;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * The default location of {@code name} (corpus, index): under {@code -Dpassages.home} if set,
   * else here.
   */
  static Path defaultPath(String name) {
    String home = System.getProperty("passages.home");
    return home == null ? Path.of(name) : Path.of(home, name);
  }

  private static String commandName(CommandLine cl) {
    return cl.getCommandName().equals("passages") ? "" : cl.getCommandName();
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
