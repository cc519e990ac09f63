package passages.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import passages.bench.RelevanceEval;
import passages.bench.RelevanceSet;
import passages.search.ParagraphSearcher;
import passages.search.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code passages eval}: scores an index on the judged relevance set (see
 * src/test/resources/relevance/README.md).
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Score the index on a judged relevance set: P@3, P@10, junk rate, nDCG@10 per query and class, headline hit@1.")
final class EvalCommand implements Callable<Integer> {
  /** Header of a pool file: the judgments.tsv columns, then what a judge reads. */
  static final String POOL_HEADER =
      "# queryId\tarticleId\tsignature\tlabel\tgrade\texcerpt\trank\tparagraphId\toutlet\ttitle\tsection\ttext";

  @Option(
      names = "--judgments",
      paramLabel = "DIR",
      description =
          "Directory with queries.tsv, judgments.tsv, headlines.tsv (default: the judged set,"
              + " src/test/resources/relevance in the passages folder).")
  Path judgments;

  /** The judged set that comes with passages, wherever the command is run from. */
  static final String DEFAULT_JUDGMENTS = "src/test/resources/relevance";

  @Option(
      names = "--pool",
      paramLabel = "FILE",
      description =
          "Also write the unjudged top-10 hits here, as judgments.tsv rows to label (label and grade empty).")
  Path pool;

  @Option(
      names = "--pool-depth",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Pool the unjudged hits down to rank N, 1..100 (default: ${DEFAULT-VALUE}; the scores always use the top 10).")
  int poolDepth;

  @Mixin IndexOptions index = new IndexOptions();
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (poolDepth < 1 || poolDepth > SearchRequest.MAX_LIMIT) {
      throw new UserException(
          "--pool-depth must be 1.." + SearchRequest.MAX_LIMIT + ", got " + poolDepth,
          Main.EXIT_USAGE);
    }
    Path judgments = this.judgments != null ? this.judgments : Main.defaultPath(DEFAULT_JUDGMENTS);
    if (!Files.isRegularFile(judgments.resolve(RelevanceSet.QUERIES))) {
      throw new UserException("no " + RelevanceSet.QUERIES + " in " + judgments, Main.EXIT_FAILURE);
    }
    RelevanceSet set;
    try {
      set = RelevanceSet.read(judgments);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), Main.EXIT_FAILURE);
    }
    RelevanceEval.Report report;
    try (ParagraphSearcher searcher = index.open()) {
      report = new RelevanceEval(set).run(searcher, poolDepth);
    }
    spec.commandLine().getOut().print(report.toMarkdown());
    spec.commandLine().getOut().flush();
    if (pool != null) {
      List<String> lines = new ArrayList<>();
      lines.add(POOL_HEADER);
      lines.addAll(report.poolRows());
      Files.write(pool, lines, StandardCharsets.UTF_8);
      spec.commandLine()
          .getErr()
          .printf("%d unjudged hits written to %s%n", lines.size() - 1, pool);
    }
    return 0;
  }
}
