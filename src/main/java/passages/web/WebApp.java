package passages.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import passages.search.EntityFilter;
import passages.search.InvalidRequestException;
import passages.search.Links;
import passages.search.ParagraphSearcher;
import passages.search.SearchRequest;

/**
 * The Javalin application: JSON API under {@code /api}, the article page, and the static search page.
 * Every error is {@link ApiError} JSON (or a small HTML page for page routes); user mistakes are 4xx,
 * never 500, and no answer carries a stack trace or a file path.
 */
public final class WebApp {
  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
  /** The query parameters {@code /api/search} accepts; any other is a 400. */
  static final Set<String> SEARCH_PARAMS = Set.of("q", "outlet", "entity", "limit", "offset", "facetLimit", "collapse", "highlight", "facets", "kind");
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Request attribute set once our own handler wrote the answer, so error pages don't replace it. */
  private static final String ANSWERED = "passages.answered";

  private static final Set<String> PERMALINK_PARAMS = Set.of("format");

  private final ParagraphSearcher searcher;
  private final ObjectMapper mapper = new ObjectMapper();
  private final byte[] openApi = OpenApiDocument.load();

  public WebApp(ParagraphSearcher searcher) {
    this.searcher = searcher;
  }

  /** A configured, not yet started server. */
  public Javalin create() {
    return Javalin.create(cfg -> {
      cfg.jsonMapper(new JavalinJackson(mapper, false));
      cfg.staticFiles.add("/web", Location.CLASSPATH);
      cfg.http.defaultContentType = "application/json";
      cfg.routes.before(ctx -> {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
      });
      cfg.routes.get("/api/search", this::search);
      cfg.routes.get("/api/paragraphs/{id}", this::paragraph);
      cfg.routes.get("/api/articles/{id}", this::article);
      cfg.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
      cfg.routes.get("/articles/{id}", this::articlePage);
      cfg.routes.get("/p/{articleId}/{fingerprint}", this::permalink);
      cfg.routes.exception(HttpError.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
      cfg.routes.exception(InvalidRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("request {} failed", ctx.path(), e);
        error(ctx, 500, "internal error");
      });
      cfg.startup.showJavalinBanner = false;
      cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      cfg.routes.error(404, ctx -> {
        if (ctx.attribute(ANSWERED) == null) error(ctx, 404, "not found: " + Params.clip(ctx.path()));
      });
      cfg.routes.error(405, ctx -> error(ctx, 405, "method not allowed"));
    });
  }

  private void search(Context ctx) throws Exception {
    Params.onlyAllowed(ctx, SEARCH_PARAMS);
    List<EntityFilter> entities = ctx.queryParams("entity").stream().map(EntityFilter::parse).toList();
    var request = SearchRequest.of(Params.single(ctx, "q", ""))
        .withOutlets(ctx.queryParams("outlet"))
        .withEntities(entities)
        .withLimit(Params.integer(ctx, "limit", 10, 1, SearchRequest.MAX_LIMIT))
        .withOffset(Params.integer(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET))
        .withFacetLimit(Params.integer(ctx, "facetLimit", 10, 1, SearchRequest.MAX_FACET_LIMIT))
        .withCollapse(Params.bool(ctx, "collapse", false))
        .withHighlight(Params.bool(ctx, "highlight", true))
        .withFacets(Params.bool(ctx, "facets", true))
        .withKind(Params.single(ctx, "kind", "body"));
    ctx.json(searcher.search(request));
  }

  private void paragraph(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    ctx.json(searcher.findParagraph(id).orElseThrow(() -> HttpError.notFound("no paragraph with id '" + Params.clip(id) + "'")));
  }

  private void article(Context ctx) throws Exception {
    String id = ctx.pathParam("id");
    ctx.json(searcher.findArticle(id).orElseThrow(() -> HttpError.notFound("no article with id '" + Params.clip(id) + "'")));
  }

  /**
   * A permalink: redirects to the article page at the paragraph's current anchor, or with
   * {@code format=json} answers the paragraph's JSON plus {@code "exact"} (false when the linked text was
   * edited and this is the closest paragraph left). 404 when nothing close is left.
   */
  private void permalink(Context ctx) throws Exception {
    Params.onlyAllowed(ctx, PERMALINK_PARAMS);
    String format = Params.single(ctx, "format", "html");
    if (!format.equals("html") && !format.equals("json")) {
      throw new InvalidRequestException("format must be html or json, got '" + Params.clip(format) + "'");
    }
    var resolved = searcher.findPermalink(ctx.pathParam("articleId"), ctx.pathParam("fingerprint"));
    if (format.equals("json")) {
      var found = resolved.orElseThrow(() -> HttpError.notFound("no paragraph left for this permalink"));
      ObjectNode body = mapper.valueToTree(found.paragraph());
      body.put("exact", found.exact());
      ctx.json(body);
    } else if (resolved.isEmpty()) {
      ctx.contentType("text/html; charset=utf-8");
      ctx.attribute(ANSWERED, true);
      ctx.status(404).result(ArticlePage.notFound("This link's paragraph is no longer in the index."));
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
