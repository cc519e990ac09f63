package passages.ingest;

/** Why the cleaner left a line out of the index. */
public enum DropReason {
  /** An advertising label such as "Advertisement" or "Story continues below". */
  AD_LABEL("advertising label"),
  /** A lone lower-case token left by an image or widget ("image", "author-image"). */
  PLACEHOLDER("image/widget placeholder"),
  /** A short label next to a placeholder: byline, avatar caption, "New Update". */
  WIDGET("author/media widget"),
  /** Author promo, contact or feedback block after the article ends. */
  PROMO("promo/contact/feedback block after the article"),
  /** A pipe-table separator row such as "|---|---|". */
  TABLE_RULE("table separator row"),
  /** A line of only punctuation: "***", "___", "• • •". */
  SEPARATOR("separator line"),
  /** "Copyright © 2019 …", "All rights reserved", reprint notices. */
  COPYRIGHT("copyright/reprint notice"),
  /** Newsletter sign-up, app download, follow-us and share prompts. */
  SIGNUP("newsletter/app/social prompt"),
  /** Photo/video labels and captions: "Photo", "Image copyright Getty Images". */
  MEDIA_LABEL("photo/video label"),
  /** "6 years ago", "This article is more than 1 year old". */
  TIMESTAMP("relative timestamp"),
  /** Links to other stories: "More: …", "Read more here", "Read the full story". */
  RELATED("related-story link"),
  /** "The Associated Press contributed to this report.", "Reporting by …; Editing by …". */
  CREDIT("contributor credit"),
  /** "The opinions expressed … are their own", "This is a rush transcript", syndication notices. */
  NOTICE("disclaimer/transcript notice"),
  /**
   * A video player glued into the text: "JUST WATCHED … Replay More Videos … MUST WATCH … 02:40"
   * (cut out of the paragraph it sits in), "Play Video 0:41 …", "CLOSE …" player captions.
   */
  VIDEO_PLAYER("video player widget"),
  /**
   * A promo for other stories: "( Also on POLITICO: … )", "( POLITICO Podcast: … )", series promos
   * ("The Wall - An in-depth examination of …"), story cards (caption, credit, headline and teaser
   * in one line).
   */
  STORY_PROMO("promo/related-story line"),
  /** A site's topic or series tag: "Series: …", and the tag lines it opens the article with. */
  TOPIC_TAG("site topic/series tag"),
  /** An embedded document's label: "… by Jane Doe on Scribd". */
  EMBED("document embed"),
  /** A teaser list above the article: "Story highlights …". */
  TEASER("story highlights teaser"),
  /** The author's bio at the end: "• X and Y are professors at …", "X is a senior fellow at …". */
  AUTHOR_BIO("author bio"),
  /**
   * The article's own headline (and the topic tag before it) repeated in its first block, between
   * its photo's caption and its dek ({@link HeadlineCards}); the headline is searchable as the
   * article's headline.
   */
  REPEATED_HEADLINE("headline repeated in the text");

  private final String description;

  DropReason(String description) {
    this.description = description;
  }

  /** Human-readable reason, as printed by {@code passages clean}. */
  public String description() {
    return description;
  }
}
