package passages.search;

import java.util.List;

/**
 * One matching paragraph.
 *
 * @param id paragraph id
 * @param articleId article id
 * @param title article title
 * @param outlet outlet, or {@code null} when unknown
 * @param url article url, or {@code null} when unknown
 * @param date the article's publication day {@code YYYY-MM-DD}, or {@code null} when unknown
 * @param paragraph 1-based ordinal in the article
 * @param section heading above the paragraph, or {@code null}
 * @param passage the whole paragraph, HTML-escaped, with matches wrapped in {@code <mark>}
 * @param link path of the page showing this paragraph: {@code /articles/{articleId}#p-{paragraph}}
 * @param sourceLink the url with a text fragment that scrolls to this paragraph, or {@code null}
 * @param score relevance score
 * @param entities entity mentions in the paragraph
 * @param alsoIn with {@code collapse=true}: the other paragraphs with the same text (best first, at
 *     most {@value SearchBackend#MAX_ALSO_IN}); otherwise empty
 * @param alsoInOutlets with {@code collapse=true}: how many distinct other outlets carry the same
 *     text
 * @param permalink durable path to this paragraph, built from its article and text ({@link
 *     Permalinks})
 * @param authors the article's authors (empty when unknown)
 * @param meta the article's further metadata ({@code topic}, {@code bias}, …), in the source's
 *     order
 * @param kind {@code body} (article text) or {@code caption} (a photo caption, found with {@code
 *     kind=caption|all})
 */
public record Hit(
    String id,
    String articleId,
    String title,
    String outlet,
    String url,
    String date,
    int paragraph,
    String section,
    String passage,
    String link,
    String sourceLink,
    float score,
    List<HitEntity> entities,
    List<Duplicate> alsoIn,
    int alsoInOutlets,
    String permalink,
    List<String> authors,
    java.util.Map<String, String> meta,
    String kind) {

  /** Another paragraph with the same text: its id, outlet (or {@code null}) and page link. */
  public record Duplicate(String id, String outlet, String link) {}

  /**
   * The hit of paragraph {@code p}, whichever backend read it: its links built from its article,
   * paragraph and url; {@code alsoIn} the copies of its text, and {@code alsoInOutlets} how many of
   * their outlets differ from its own.
   *
   * @param passage the paragraph's text marked (or escaped) for the page
   */
  public static Hit of(ParagraphView p, String passage, float score, List<Duplicate> alsoIn) {
    java.util.Set<String> outlets = new java.util.HashSet<>();
    for (Duplicate d : alsoIn)
      if (d.outlet() != null && !d.outlet().equals(p.outlet())) outlets.add(d.outlet());
    return new Hit(
        p.id(),
        p.articleId(),
        p.title(),
        p.outlet(),
        p.url(),
        p.date(),
        p.paragraph(),
        p.section(),
        passage,
        Links.articleLink(p.articleId(), p.paragraph()),
        Links.sourceLink(p.url(), p.text()),
        score,
        p.entities(),
        List.copyOf(alsoIn),
        outlets.size(),
        p.permalink(),
        p.authors(),
        p.meta(),
        p.kind());
  }
}
