package passages.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jsoup.parser.Parser;
import passages.search.DayRange;
import passages.search.EntityFilter;
import passages.search.Hit;
import passages.search.InvalidRequestException;
import passages.search.MetaFilter;
import passages.search.Order;
import passages.search.SearchBackend;
import passages.search.SearchRequest;
import passages.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code passages search QUERY}: prints the matching paragraphs, matches in [brackets]. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Search the index.")
final class SearchCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "QUERY",
      description = "Query (Lucene classic syntax; \"\" matches all).")
  String query;

  @Option(
      names = "--outlet",
      paramLabel = "O",
      description = "Only this outlet (repeatable: any of them).")
  List<String> outlets = new ArrayList<>();

  @Option(
      names = "--entity",
      paramLabel = "TYPE:VALUE",
      description = "Only paragraphs mentioning it, e.g. org:Amazon (repeatable).")
  List<String> entities = new ArrayList<>();

  @Option(
      names = "--limit",
      defaultValue = "10",
      paramLabel = "N",
      description = "Hits to show, 1..100 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--offset",
      defaultValue = "0",
      paramLabel = "N",
      description = "Hits to skip (default: ${DEFAULT-VALUE}).")
  int offset;

  @Option(
      names = "--collapse",
      description = "Fold paragraphs with the same text from several outlets into one hit.")
  boolean collapse;

  @Option(
      names = "--kind",
      defaultValue = "body",
      paramLabel = "KIND",
      description =
          "Which paragraphs: body (article text), caption (photo captions) or all (default: ${DEFAULT-VALUE}).")
  String kind;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "Only paragraphs published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description =
          "Only paragraphs published on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; inclusive).")
  String to;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "relevance (default), newest or oldest (undated last).")
  String sort;

  @Option(
      names = "--meta",
      paramLabel = "KEY:VALUE",
      description =
          "Only articles with this metadata, e.g. bias:left (repeatable: same key any, different keys all).")
  List<String> meta = new ArrayList<>();

  @Option(
      names = "--author",
      paramLabel = "NAME",
      description = "Only articles by this author (repeatable: any of them).")
  List<String> authors = new ArrayList<>();

  @Option(
      names = "--json",
      description = "Print the result as JSON, as GET /api/search returns it.")
  boolean json;

  @Mixin IndexOptions index = new IndexOptions();
  @Mixin BackendOptions backend = new BackendOptions();
  @Spec CommandSpec spec;

  /** A request's mistake that names one of this command's options, as the API names it. */
  private static final java.util.regex.Pattern OPTION_MISTAKE =
      java.util.regex.Pattern.compile(
          "^(limit|offset|from|to|sort|meta|entity|author)( must be|:)");

  @Override
  public Integer call() throws Exception {
    try {
      return search();
    } catch (InvalidRequestException e) {
      // the API's "limit must be 1..100" is --limit here
      throw new UserException(
          OPTION_MISTAKE.matcher(e.getMessage()).replaceFirst("--$1$2"), Main.EXIT_USAGE);
    }
  }

  private Integer search() throws Exception {
    if (kind != null && !SearchRequest.KINDS.contains(kind))
      throw new UserException(
          "--kind must be body, caption or all, got '" + kind + "'", Main.EXIT_USAGE);
    var request =
        SearchRequest.of(query)
            .withOutlets(outlets)
            .withEntities(entities.stream().map(EntityFilter::parse).toList())
            .withLimit(limit)
            .withOffset(offset)
            .withCollapse(collapse)
            .withKind(kind)
            .withDays(DayRange.parse(from, to))
            .withOrder(Order.parse(sort))
            .withMetadata(
                java.util.stream.Stream.concat(
                        meta.stream().map(MetaFilter::parse),
                        authors.stream().map(MetaFilter::author))
                    .toList());
    if (!backend.isOpenSearch() && index.index == null)
      IndexOptions.refreshDefault(spec.commandLine().getErr());
    try (SearchBackend searcher = backend.isOpenSearch() ? backend.openSearcher() : index.open()) {
      SearchResult result = searcher.search(request);
      var out = spec.commandLine().getOut();
      if (json) {
        out.println(passages.web.WebApp.jsonMapper().writeValueAsString(result));
        return 0;
      }
      out.printf(
          "%d %s%s: %s%n",
          result.total(),
          result.total() == 1 ? "paragraph matches" : "paragraphs match",
          result.groups() < result.total()
              ? " in " + result.groups() + (result.groups() == 1 ? " group" : " groups")
              : "",
          query.isBlank() ? "(everything)" : query);
      for (Hit h : result.hits()) {
        out.println();
        out.printf(
            "%s  %s · %s%s%s%n",
            h.id(),
            h.outlet() == null ? "Unknown outlet" : h.outlet(),
            h.title(),
            h.section() == null ? "" : " › " + h.section(),
            h.date() == null ? "" : " · " + h.date());
        out.println("  " + plain(h.passage()));
        out.println("  " + h.link());
        if (!h.alsoIn().isEmpty()) {
          out.printf(
              "  also in %d other outlet%s: %s%n",
              h.alsoInOutlets(),
              h.alsoInOutlets() == 1 ? "" : "s",
              String.join(
                  ", ",
                  h.alsoIn().stream()
                      .map(d -> d.id() + (d.outlet() == null ? "" : " (" + d.outlet() + ")"))
                      .toList()));
        }
      }
      return 0;
    }
  }

  /** The passage as terminal text: marks shown as [brackets], entities decoded. */
  static String plain(String passage) {
    return Parser.unescapeEntities(passage.replace("<mark>", "[").replace("</mark>", "]"), false);
  }
}
