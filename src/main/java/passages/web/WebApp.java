package passages.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passages.search.DayRange;
import passages.search.EntityFilter;
import passages.search.Interval;
import passages.search.InvalidRequestException;
import passages.search.Links;
import passages.search.MetaFilter;
import passages.search.Order;
import passages.search.SearchBackend;
import passages.search.SearchRequest;
import passages.search.SearchResult;
import passages.search.Timeline;

/**
 * The Javalin application: JSON API under {@code /api}, the article page, and the static search
 * page. Every error is {@link ApiError} JSON (or a small HTML page for page routes); user mistakes
 * are 4xx, never 500, and no answer carries a stack trace or a file path.
 */
public final class WebApp {
  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);

  /** The query parameters {@code /api/search} accepts; any other is a 400. */
  static final Set<String> SEARCH_PARAMS =
      Set.of(
          "q",
          "outlet",
          "entity",
          "limit",
          "offset",
          "facetLimit",
          "collapse",
          "highlight",
          "facets",
          "kind",
          "from",
          "to",
          "sort",
          "timeline",
          "meta",
          "author");

  /** The query parameters {@code /api/timeline} accepts; any other is a 400. */
  static final Set<String> TIMELINE_PARAMS =
      Set.of("q", "outlet", "entity", "kind", "from", "to", "interval", "meta", "author", "split");

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * Request attribute set once our own handler wrote the answer, so error pages don't replace it.
   */
  private static final String ANSWERED = "passages.answered";

  /** The query parameters a permalink accepts; any other is a 400. */
  static final Set<String> PERMALINK_PARAMS = Set.of("format");

  private final SearchBackend searcher;
  private final ObjectMapper mapper = jsonMapper();
  private final byte[] openApi = OpenApiDocument.load();

  /** The app answering from {@code searcher} (either backend; the app does not close it). */
  public WebApp(SearchBackend searcher) {
    this.searcher = searcher;
  }

  /** A configured, not yet started server. */
  public Javalin create() {
    return Javalin.create(
        cfg -> {
          cfg.jsonMapper(new JavalinJackson(mapper, false));
          cfg.staticFiles.add("/web", Location.CLASSPATH);
          cfg.http.defaultContentType = "application/json";
          cfg.routes.before(
              ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Frame-Options", "DENY");
              });
          cfg.routes.get("/api/search", this::search);
          cfg.routes.get("/api/timeline", this::timeline);
          cfg.routes.get("/api/paragraphs/{id}", this::paragraph);
          cfg.routes.get("/api/articles/{id}", this::article);
          cfg.routes.get(
              "/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
          cfg.routes.get("/articles/{id}", this::articlePage);
          cfg.routes.get("/p/{articleId}/{fingerprint}", this::permalink);
          cfg.routes.exception(HttpError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
          cfg.routes.exception(
              InvalidRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
          cfg.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("request {} failed", ctx.path(), e);
                error(ctx, 500, "internal error");
              });
          cfg.startup.showJavalinBanner = false;
          cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
          cfg.routes.error(
              404,
              ctx -> {
                if (ctx.attribute(ANSWERED) == null)
                  error(ctx, 404, "not found: " + Params.clip(ctx.path()));
              });
          // a POST to a GET route is a 405 saying so, not a 404 saying the route does not exist
          cfg.http.prefer405over404 = true;
          cfg.routes.error(
              405,
              ctx -> {
                ctx.header("Allow", "GET, HEAD");
                error(
                    ctx,
                    405,
                    "method "
                        + Params.clip(ctx.method().name())
                        + " not allowed on "
                        + Params.clip(ctx.path())
                        + " (use GET)");
              });
        });
  }

  private void search(Context ctx) throws Exception {
    Params.onlyAllowed(ctx, SEARCH_PARAMS);
    List<EntityFilter> entities =
        ctx.queryParams("entity").stream().map(EntityFilter::parse).toList();
    var request =
        SearchRequest.of(Params.single(ctx, "q", ""))
            .withOutlets(ctx.queryParams("outlet"))
            .withEntities(entities)
            .withLimit(Params.integer(ctx, "limit", 10, 1, SearchRequest.MAX_LIMIT))
            .withOffset(Params.integer(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET))
            .withFacetLimit(Params.integer(ctx, "facetLimit", 10, 1, SearchRequest.MAX_FACET_LIMIT))
            .withCollapse(Params.bool(ctx, "collapse", false))
            .withHighlight(Params.bool(ctx, "highlight", true))
            .withFacets(Params.bool(ctx, "facets", true))
            .withKind(Params.single(ctx, "kind", "body"))
            .withMetadata(metaFilters(ctx))
            .withDays(
                DayRange.parse(Params.single(ctx, "from", null), Params.single(ctx, "to", null)))
            .withOrder(Order.parse(Params.single(ctx, "sort", null)));
    String timeline = Params.single(ctx, "timeline", null);
    if (timeline != null) request = request.withTimeline(Interval.parse("timeline", timeline));
    ctx.json(searcher.search(request));
  }

  /**
   * {@code GET /api/timeline?q=a&q=b&interval=month}: up to three queries over time, under the same
   * filters.
   */
  private void timeline(Context ctx) throws Exception {
    Params.onlyAllowed(ctx, TIMELINE_PARAMS);
    List<EntityFilter> entities =
        ctx.queryParams("entity").stream().map(EntityFilter::parse).toList();
    var request =
        SearchRequest.of("")
            .withOutlets(ctx.queryParams("outlet"))
            .withEntities(entities)
            .withKind(Params.single(ctx, "kind", "body"))
            .withMetadata(metaFilters(ctx))
            .withDays(
                DayRange.parse(Params.single(ctx, "from", null), Params.single(ctx, "to", null)))
            .withTimeline(Interval.parse("interval", Params.single(ctx, "interval", "auto")));
    List<String> queries = ctx.queryParams("q").isEmpty() ? List.of("") : ctx.queryParams("q");
    String split = Params.single(ctx, "split", null);
    List<String> values = new java.util.ArrayList<>();
    List<SearchResult> results;
    if (split == null) {
      results = searcher.compare(queries, request);
    } else {
      if (queries.size() > 1)
        throw HttpError.badRequest("split: give one q to split, got " + queries.size());
      results = searcher.split(queries.getFirst(), split, request, values);
      if (results.isEmpty())
        results = searcher.compare(queries, request); // no value to split by: the query alone
    }
    List<TimelineSeries> series = new java.util.ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      SearchResult r = results.get(i);
      series.add(
          new TimelineSeries(
              r.query(),
              i < values.size() ? split + ":" + values.get(i) : null,
              r.total(),
              r.timeline().buckets(),
              r.timeline().undated()));
    }
    ctx.json(new TimelineAnswer(results.getFirst().timeline().interval(), series));
  }

  /**
   * The answer of {@code /api/timeline}: the interval all series share, and one series per query.
   */
  record TimelineAnswer(String interval, List<TimelineSeries> series) {}

  /**
   * One query's timeline (with {@code split}: the {@code key:value} it was split on): its total
   * under the filters, its buckets (same starts and {@code all} as the others), its undated
   * matches.
   */
  record TimelineSeries(
      String q,
      @JsonInclude(JsonInclude.Include.NON_NULL) String split,
      long total,
      List<Timeline.Bucket> buckets,
      long undated) {}

  /**
   * The JSON mapper of the API's answers (the CLI's {@code --json} uses it too, so both print the
   * same).
   */
  public static ObjectMapper jsonMapper() {
    return new ObjectMapper().addMixIn(SearchResult.class, TimelineOnlyWhenAsked.class);
  }

  /** {@code timeline} is in a search's JSON only when the request asked for it. */
  private abstract static class TimelineOnlyWhenAsked {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Timeline timeline();
  }

  /** The {@code meta=key:value} and {@code author=} filters of a request. */
  private static List<MetaFilter> metaFilters(Context ctx) {
    List<MetaFilter> out = new java.util.ArrayList<>();
    for (String spec : ctx.queryParams("meta")) out.add(MetaFilter.parse(spec));
    for (String name : ctx.queryParams("author")) out.add(MetaFilter.author(name));
    return out;
  }

  private void paragraph(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    ctx.json(
        searcher
            .findParagraph(id)
            .orElseThrow(
                () -> HttpError.notFound("no paragraph with id '" + Params.clip(id) + "'")));
  }

  private void article(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    ctx.json(
        searcher
            .findArticle(id)
            .orElseThrow(() -> HttpError.notFound("no article with id '" + Params.clip(id) + "'")));
  }

  /**
   * A permalink: redirects to the article page at the paragraph's current anchor, or with {@code
   * format=json} answers the paragraph's JSON plus {@code "exact"} (false when the linked text was
   * edited and this is the closest paragraph left). 404 when nothing close is left.
   */
  private void permalink(Context ctx) throws Exception {
    String format = Params.single(ctx, "format", "html");
    // a link people follow gains parameters when shared (utm_source, fbclid): the page ignores
    // them, as the article and search pages do; the JSON form stays strict
    if (format.equals("json")) Params.onlyAllowed(ctx, PERMALINK_PARAMS);
    if (!format.equals("html") && !format.equals("json")) {
      throw new InvalidRequestException(
          "format must be html or json, got '" + Params.clip(format) + "'");
    }
    // hex digits in either case (a link retyped or passed through a tool that upper-cases)
    var resolved =
        searcher.findPermalink(
            ctx.pathParam("articleId"),
            ctx.pathParam("fingerprint").toLowerCase(java.util.Locale.ROOT));
    if (format.equals("json")) {
      var found =
          resolved.orElseThrow(() -> HttpError.notFound("no paragraph left for this permalink"));
      ObjectNode body = mapper.valueToTree(found.paragraph());
      body.put("exact", found.exact());
      ctx.json(body);
    } else if (resolved.isEmpty()) {
      ctx.contentType("text/html; charset=utf-8");
      ctx.attribute(ANSWERED, true);
      ctx.status(404)
          .result(ArticlePage.notFound("This link's paragraph is no longer in the index."));
    } else {
      var p = resolved.get().paragraph();
      ctx.redirect(Links.articleLink(p.articleId(), p.paragraph()), HttpStatus.FOUND);
    }
  }

  private void articlePage(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    var article = searcher.findArticle(id);
    ctx.contentType("text/html; charset=utf-8");
    if (article.isEmpty()) {
      ctx.attribute(ANSWERED, true);
      ctx.status(404).result(ArticlePage.notFound("No article with id '" + Params.clip(id) + "'."));
    } else {
      ctx.result(ArticlePage.render(article.get()));
    }
  }

  private static void error(Context ctx, int status, String message) {
    ctx.attribute(ANSWERED, true);
    ctx.status(status).json(new ApiError(status, message));
  }
}
