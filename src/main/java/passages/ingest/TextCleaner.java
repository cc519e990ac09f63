package passages.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import passages.model.Paragraph;
import passages.model.ParagraphKind;

/**
 * Turns scraped plain text (one block per line) into a title, body paragraphs with sections, and an
 * account of every dropped line.
 *
 * <p>The rules are about the <em>shape</em> of lines, not lists of known strings:
 *
 * <ul>
 *   <li>a lone lower-case token ("image", "author-image") is a placeholder left by a widget;
 *   <li>short label lines in a run with such a placeholder are that widget (byline, "New Update");
 *   <li>a short line that is only an advertising label ("Advertisement") is dropped anywhere;
 *   <li>a run of lines at the very end made of contact/hire calls, feedback widgets, profile links
 *       and short service lists is an author promo block, provided it holds at least one such call;
 *   <li>a short line without sentence punctuation is a heading when text follows it: it becomes the
 *       {@code section} of the paragraphs below it (the first line of the text, if heading-shaped,
 *       is the title); short lines followed by more short lines, or ending the text, are content
 *       (lists, captions);
 *   <li>consecutive pipe-table rows form one paragraph; list items and all other lines are
 *       paragraphs.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class TextCleaner {
  /** Longest heading, in words; longer lines are paragraphs whatever their punctuation. */
  static final int MAX_HEADING_WORDS = 16;

  /**
   * Longest line that may be site boilerplate (copyright, sign-up, caption…); longer lines are
   * content.
   */
  static final int MAX_BOILERPLATE_WORDS = 30;

  /** Most author bios an article ends with. */
  static final int MAX_BIOS = 3;

  private static final Pattern WHITESPACE =
      Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");
  private static final Pattern PLACEHOLDER = Pattern.compile("[a-z][a-z_-]{0,30}");
  private static final Pattern AD_LABEL =
      Pattern.compile(
          "(?i)(advert\\w*( advert\\w*)*|ads?|sponsored( content| post)?|promoted( content)?|paid (content|post)"
              + "|(the )?story continues below|story continued below|continue reading( below)?"
              + "|article continues (below|after (this )?(ad|advertisement))"
              + "|advertisement:? continue reading the main story)[\\s.:!]*");
  private static final Pattern BULLET = Pattern.compile("^([-*•–—]|\\d{1,2}[.)])\\s+\\S.*");
  private static final Pattern TABLE_RULE =
      Pattern.compile("\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?");
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!…:;,\"”’)\\]]$");

  /**
   * Calls to action that only author promo, contact and feedback boxes make: contact/hire calls,
   * service offers, profile and feedback widgets, follow/subscribe prompts.
   */
  private static final Pattern PROMO_CALL =
      Pattern.compile(
          "(?i)^(contact\\b|are you looking for\\b|help (us )?improve\\b|edit profile\\b"
              + "|(subscribe|sign up)\\b.*\\b(newsletter|updates)\\b|follow (us|me)\\b|share (this|on)\\b)"
              // one word-boundary check per position, then the phrases (a boundary in each phrase
              // was checked
              // once per phrase per position: four times slower on long paragraphs)
              + "|\\b(contact (us|me)|get in touch|reach out to (us|me)|hire (me|us)"
              + "|open for (collaboration|work|hire|projects)|looking to collaborate"
              + "|available for (a variety of |freelance |new )?(professional )?(services|work|projects|hire)"
              + "|look no further|(i|we) specialize|our services|was this (page|article|post) (helpful|useful)"
              + "|with us\\. contact)\\b");

  private TextCleaner() {}

  /** Cleans {@code raw}; never throws for any input string (an empty text gives no paragraphs). */
  public static CleanedText clean(String raw) {
    List<DroppedLine> cuts = new ArrayList<>();
    return clean(split(raw, cuts), true, cuts);
  }

  /** Blocks at the start of a text in which the article's own card is looked for. */
  private static final int CARD_BLOCKS = 2;

  /**
   * Cleans text that is already split into blocks (one per paragraph, as JSONL corpora give it).
   * The {@link DroppedLine#line()} of a dropped block is its 1-based position in {@code blocks};
   * line breaks inside a block are spaces.
   *
   * @param title the article's headline when the corpus gives it, else null: then a heading-shaped
   *     first block is the title. A known headline repeated in one of the first blocks between a
   *     photo's caption and the dek is cut out of it ({@link HeadlineCards}).
   */
  public static CleanedText cleanBlocks(List<String> blocks, String title) {
    return cleanBlocks(blocks, title == null, title);
  }

  /**
   * Cleans blocks as {@link #cleanBlocks(List, String)} does, with no headline to look for.
   *
   * @param detectTitle whether a heading-shaped first block is the title (false when the title is
   *     known)
   */
  public static CleanedText cleanBlocks(List<String> blocks, boolean detectTitle) {
    return cleanBlocks(blocks, detectTitle, null);
  }

  private static CleanedText cleanBlocks(List<String> blocks, boolean detectTitle, String title) {
    List<Line> lines = new ArrayList<>(blocks.size());
    List<DroppedLine> cuts = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      String raw = blocks.get(i) == null ? "" : blocks.get(i);
      if (i < CARD_BLOCKS && title != null && addCard(lines, cuts, i + 1, raw, title)) continue;
      addLine(lines, cuts, i + 1, raw);
    }
    return clean(lines, detectTitle, cuts);
  }

  /**
   * Adds {@code raw} as line {@code number} split as the article's own card, when it is one: the
   * caption (a caption whatever its credit), the dek (text, never a heading however short), the
   * headline cut; returns whether it was one.
   */
  private static boolean addCard(
      List<Line> lines, List<DroppedLine> cuts, int number, String raw, String title) {
    HeadlineCards.Card card = HeadlineCards.split(normalize(raw), title);
    if (card == null) return false;
    lines.add(new Line(number, card.caption(), Kind.CAPTION));
    cuts.add(new DroppedLine(number, card.headline(), DropReason.REPEATED_HEADLINE));
    if (!card.dek().isEmpty()) lines.add(new Line(number, card.dek(), Kind.TEXT));
    return true;
  }

  /**
   * Adds the normalised {@code raw} as line {@code number}, after cutting the video players glued
   * into it (each cut is a dropped line with that number); a line that was only players is not
   * added.
   */
  private static void addLine(List<Line> lines, List<DroppedLine> cuts, int number, String raw) {
    String text = normalize(raw);
    if (text.contains("JUST WATCHED")) {
      Matcher m = Boilerplate.PLAYER.matcher(text);
      StringBuilder kept = new StringBuilder();
      int last = 0;
      while (m.find()) {
        cuts.add(new DroppedLine(number, m.group(), DropReason.VIDEO_PLAYER));
        kept.append(text, last, m.start()).append(' ');
        last = m.end();
      }
      if (last > 0) text = normalize(kept.append(text, last, text.length()).toString());
    }
    if (!text.isEmpty()) lines.add(new Line(number, text));
  }

  private static CleanedText clean(List<Line> lines, boolean detectTitle, List<DroppedLine> cuts) {
    List<DroppedLine> dropped = new ArrayList<>(cuts);
    int promoStart = promoBlockStart(lines);
    int bioStart = bioStart(lines, promoStart);
    int tagEnd = leadingTagsEnd(lines, detectTitle ? 1 : 0);
    markTeaserLines(lines);
    List<Line> body = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (i >= promoStart) dropped.add(l.drop(DropReason.PROMO));
      else if (i < tagEnd && i >= (detectTitle ? 1 : 0)) dropped.add(l.drop(DropReason.TOPIC_TAG));
      else if (i >= bioStart && l.kind != Kind.BOILERPLATE && Boilerplate.bio(l.text))
        dropped.add(l.drop(DropReason.AUTHOR_BIO));
      else if (l.teaser) dropped.add(l.drop(DropReason.TEASER));
      else if (l.kind == Kind.AD) dropped.add(l.drop(DropReason.AD_LABEL));
      else if (l.kind == Kind.BOILERPLATE) dropped.add(l.drop(l.boilerplate));
      else if (l.kind == Kind.TABLE_RULE) dropped.add(l.drop(DropReason.TABLE_RULE));
      else body.add(l);
    }
    String title = null;
    if (detectTitle && !body.isEmpty() && body.get(0).kind == Kind.SHORT)
      title = body.remove(0).text;
    markWidgets(body, dropped);

    List<Paragraph> paragraphs = new ArrayList<>();
    String section = null;
    Line heading = null; // the last short line, a heading only if content follows it
    String sectionBeforeHeading = null;
    boolean opening = true; // no line but short ones yet
    int openingShort =
        0; // short lines the body opens with: two or more are a byline block, not a heading
    StringBuilder table = null;
    for (Line l : body) {
      if (l.kind == Kind.TABLE && table != null) {
        table.append('\n').append(l.text);
        continue;
      }
      if (table != null) {
        paragraphs.add(new Paragraph(paragraphs.size() + 1, section, table.toString()));
        table = null;
      }
      if (l.kind == Kind.SHORT) {
        if (opening) openingShort++;
        // a short line followed by another short line is content (a list, a caption), not a heading
        if (heading != null)
          paragraphs.add(new Paragraph(paragraphs.size() + 1, sectionBeforeHeading, heading.text));
        sectionBeforeHeading = heading != null ? sectionBeforeHeading : section;
        if (headingShaped(l.text)) {
          heading = l;
          section = l.text;
        } else { // a byline, a credit, link or widget text: content, never a section
          heading = null;
          section = sectionBeforeHeading;
          paragraphs.add(new Paragraph(paragraphs.size() + 1, section, l.text));
        }
        continue;
      }
      if (heading != null
          && opening
          && openingShort >= 2) { // the end of a byline block ("Jane Roe", "USA TODAY")
        section = sectionBeforeHeading;
        paragraphs.add(new Paragraph(paragraphs.size() + 1, section, heading.text));
      }
      heading = null;
      opening = false;
      if (l.kind == Kind.TABLE) table = new StringBuilder(l.text);
      else if (l.kind == Kind.CAPTION)
        paragraphs.add(
            new Paragraph(paragraphs.size() + 1, section, l.text, ParagraphKind.CAPTION));
      else paragraphs.add(new Paragraph(paragraphs.size() + 1, section, l.text));
    }
    if (table != null)
      paragraphs.add(new Paragraph(paragraphs.size() + 1, section, table.toString()));
    if (heading != null)
      paragraphs.add(new Paragraph(paragraphs.size() + 1, sectionBeforeHeading, heading.text));
    dropped.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new CleanedText(title, paragraphs, dropped);
  }

  /** Drops short labels that sit in one run (blank lines aside) with a placeholder token. */
  private static void markWidgets(List<Line> body, List<DroppedLine> dropped) {
    int i = 0;
    while (i < body.size()) {
      int j = i;
      boolean placeholder = false;
      while (j < body.size()
          && (body.get(j).kind == Kind.SHORT || body.get(j).kind == Kind.PLACEHOLDER)) {
        placeholder |= body.get(j).kind == Kind.PLACEHOLDER;
        j++;
      }
      if (placeholder) {
        for (int k = i; k < j; k++) {
          Line l = body.get(k);
          dropped.add(
              l.drop(l.kind == Kind.PLACEHOLDER ? DropReason.PLACEHOLDER : DropReason.WIDGET));
        }
        body.subList(i, j).clear();
      } else {
        i = Math.max(j, i + 1);
      }
    }
  }

  /**
   * Index of the first line of the trailing promo block, or {@code lines.size()} when there is
   * none. Scans back from the end over promo-shaped lines; the block starts at the earliest call to
   * action in that run, so a real closing list before the first call is kept.
   */
  private static int promoBlockStart(List<Line> lines) {
    int start = lines.size();
    for (int i = lines.size() - 1; i >= 0; i--) {
      Line l = lines.get(i);
      boolean call = PROMO_CALL.matcher(l.text).find();
      boolean filler =
          l.kind == Kind.BULLET && l.words <= 8
              || l.kind == Kind.SHORT
              || l.kind == Kind.PLACEHOLDER;
      if (call) start = i;
      else if (!filler) break;
    }
    return start;
  }

  private static List<Line> split(String raw, List<DroppedLine> cuts) {
    List<Line> lines = new ArrayList<>();
    String[] parts = raw.split("\\r\\n|\\r|\\n", -1);
    for (int n = 0; n < parts.length; n++) addLine(lines, cuts, n + 1, parts[n]);
    return lines;
  }

  /**
   * Index of the first author bio among the lines that end the article (before the promo block at
   * {@code end}): scanning back over dropped, short and bio lines, at most {@value #MAX_BIOS} bios;
   * {@code lines.size()} when the article does not end with one. A bio-shaped line with body text
   * after it is kept.
   */
  private static int bioStart(List<Line> lines, int end) {
    int start = lines.size();
    int bios = 0;
    for (int i = end - 1; i >= 0 && bios < MAX_BIOS; i--) {
      Line l = lines.get(i);
      if (l.kind == Kind.TEXT || l.kind == Kind.BULLET) {
        if (!Boilerplate.bio(l.text)) break;
        start = i;
        bios++;
      } else if (l.kind == Kind.TABLE || l.kind == Kind.CAPTION) {
        break;
      }
    }
    return start;
  }

  /**
   * End (exclusive) of the topic tags the text opens with: short lines from {@code from} on that
   * are directly followed by a series tag or a sign-up prompt ("Trump Administration The 45th
   * President and His Administration", then "Series: …" or "ProPublica is a nonprofit newsroom …
   * Sign up …"); {@code from} when there are none.
   */
  private static int leadingTagsEnd(List<Line> lines, int from) {
    int i = from;
    while (i < lines.size() && lines.get(i).kind == Kind.SHORT) i++;
    if (i == from || i == lines.size()) return from;
    DropReason next = lines.get(i).boilerplate;
    if (next == DropReason.TOPIC_TAG) return i;
    // one tag and its description, then the site's sign-up prompt
    boolean tag = i == from + 1 && TAG_WITH_DESCRIPTION.matcher(lines.get(from).text).matches();
    return tag && next == DropReason.SIGNUP ? i : from;
  }

  /**
   * A topic tag and its description run together: "Trump Administration The 45th President and His
   * Administration".
   */
  private static final Pattern TAG_WITH_DESCRIPTION =
      Pattern.compile(
          "[A-Z][\\w’'.,-]*( [A-Z][\\w’'.,-]*){0,3} The [A-Z0-9][\\w’'-]*( [\\w’'-]+){1,8}");

  /**
   * Marks as teaser the short lines that follow a "Story highlights …" line: the other highlights,
   * one a line without final punctuation.
   */
  private static void markTeaserLines(List<Line> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).boilerplate != DropReason.TEASER) continue;
      for (int j = i + 1; j < lines.size() && lines.get(j).kind == Kind.SHORT; j++)
        lines.get(j).teaser = true;
    }
  }

  /**
   * Short lines that are not headings: bylines ("By Jane Doe", "Analysis by Jane Doe, BBC News",
   * "Jane Doe, The Daily Star"), links, handles, times of day ("Updated 11/19/2013 at 1:33 p.m.
   * ET"), speech broken off with a dash ("Well —"), calls to action and link labels of widgets
   * ("Sign up for the morning briefing", "Follow Kevin on Twitter", "Link Copied", "PHOTOS: …",
   * "Full Coverage: …"). They stay content.
   */
  private static final Pattern NOT_HEADING_START =
      Pattern.compile(
          "(By|BY):? (?!the\\b|The\\b|THE\\b)[A-Z]|(Updated|Posted|Published|UPDATED)\\b"
              // "Jane Doe, The Daily Star": a name in proper case (not "Doing Well, Despite …", not
              // "AFTER WINDSOR, …")
              + "|(?![A-Z][a-z]+(ing|ed)\\b)[A-Z][a-z][\\w.'’-]*( [A-Z][a-z.][\\w.'’-]*){1,2}, (The )?[A-Z][\\w.'’&-]*( [A-Z][\\w.'’&-]*){0,4}$"
              + "|(Analysis|Commentary|Opinion|Reporting|Text|Words|Photos|Video|Interview|Story) by [A-Z]"
              + "|[A-Z]{2,}( [A-Z]{2,})*:|(Photo|Image|Video|Photograph)s? ?:"
              + "|(?i:(sign up|subscribe|click|tap|download|thank you|link copied|story continues|full coverage|special coverage)\\b"
              + "|(follow|join)\\b.* on (twitter|facebook|instagram)\\b)");

  private static final Pattern TIME_OF_DAY = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");
  private static final List<String> NOT_HEADING_TEXT =
      List.of(
          "|",
          "@",
          "©",
          "http:",
          "https:",
          "www.",
          ".com",
          "newsletter",
          "sign-up",
          "podcast",
          "vote now");

  /** Whether a short line may be a heading (the {@code section} of the paragraphs under it). */
  private static boolean headingShaped(String text) {
    // a capital letter or a leading number ("5 things to watch"): lower-case lines are names in
    // transcripts, list items
    boolean capital = Character.isDigit(text.charAt(0));
    for (int i = 0; i < text.length() && !capital; i++)
      capital = Character.isUpperCase(text.charAt(i));
    if (!capital) return false;
    char last = text.charAt(text.length() - 1);
    if (last == '-' || last == '–' || last == '—') return false;
    String lower = text.toLowerCase(Locale.ROOT);
    for (String s : NOT_HEADING_TEXT) if (lower.contains(s)) return false;
    if (text.indexOf(':') >= 0 && TIME_OF_DAY.matcher(text).find()) return false;
    return !NOT_HEADING_START.matcher(text).lookingAt();
  }

  /**
   * Collapses every run of whitespace (including no-break and zero-width spaces) to one space, and
   * trims.
   */
  private static String normalize(String line) {
    boolean clean = true;
    for (int i = 0; i < line.length() && clean; i++) {
      char c = line.charAt(i);
      clean =
          c > ' '
                  && c != '\u00A0'
                  && !(c >= '\u2000' && c <= '\u200B')
                  && c != '\u202F'
                  && c != '\u205F'
                  && c != '\u3000'
              || c == ' ' && i > 0 && i < line.length() - 1 && line.charAt(i + 1) != ' ';
    }
    return clean ? line : WHITESPACE.matcher(line).replaceAll(" ").strip();
  }

  private enum Kind {
    TEXT,
    SHORT,
    BULLET,
    TABLE,
    TABLE_RULE,
    PLACEHOLDER,
    AD,
    BOILERPLATE,
    CAPTION
  }

  private static final class Line {
    final int number;
    final String text;
    final int words;
    final Kind kind;
    final DropReason boilerplate;

    /** A highlight line under "Story highlights …". */
    boolean teaser;

    /**
     * @param text a normalised line: not empty, single spaces between words, none at the ends
     */
    Line(int number, String text) {
      this(number, text, null);
    }

    /** A line of kind {@code known} (not classified by its shape), or classified when null. */
    Line(int number, String text, Kind known) {
      this.number = number;
      this.text = text;
      this.words = countWords(text);
      Kind shape = known != null ? known : classify(text, words);
      this.boilerplate =
          shape != Kind.PLACEHOLDER && shape != Kind.TABLE_RULE && shape != Kind.AD
              ? (words <= MAX_BOILERPLATE_WORDS
                  ? Boilerplate.match(text)
                  : Boilerplate.widget(text))
              : null;
      this.kind = boilerplate != null ? Kind.BOILERPLATE : shape;
    }

    /** Words of a normalised line: one more than its spaces (no array of them is made). */
    private static int countWords(String text) {
      int words = 1;
      for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) words++;
      return words;
    }

    DroppedLine drop(DropReason reason) {
      return new DroppedLine(number, text, reason);
    }

    private static Kind classify(String text, int words) {
      if (text.startsWith("|") && text.endsWith("|") && text.length() > 1) {
        return TABLE_RULE.matcher(text).matches() ? Kind.TABLE_RULE : Kind.TABLE;
      }
      if (TABLE_RULE.matcher(text).matches() && text.contains("|")) return Kind.TABLE_RULE;
      if (words <= 6 && AD_LABEL.matcher(text).matches()) return Kind.AD;
      if (PLACEHOLDER.matcher(text).matches()) return Kind.PLACEHOLDER;
      if (Captions.isCaption(text, words)) return Kind.CAPTION;
      if (BULLET.matcher(text).matches()) return Kind.BULLET;
      if (words <= MAX_HEADING_WORDS && !SENTENCE_END.matcher(text).matches() && hasLetter(text)) {
        return Kind.SHORT;
      }
      return Kind.TEXT;
    }

    private static boolean hasLetter(String text) {
      return text.codePoints().anyMatch(Character::isLetter);
    }
  }
}
