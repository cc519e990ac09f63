package passages.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Site boilerplate that scrapers leave between paragraphs: copyright and reprint notices,
 * newsletter, app and social prompts, photo/video caption labels, relative timestamps,
 * related-story links, separator lines, contributor credits, disclaimers. Each shape is a pattern
 * over a short line ({@link #match}); callers only ask about lines of at most a few dozen words.
 * Sign-up widgets and notices can be long, so a few phrases that only they write are also looked
 * for in longer lines ({@link #widget}).
 */
final class Boilerplate {
  private static final Pattern COPYRIGHT = Pattern.compile("(?i)(copyright\\b|©|\\(c\\) \\d{4})");
  private static final Pattern SIGNUP =
      Pattern.compile(
          "(?i)^(sign up|subscribe)\\b.*\\b(newsletters?|updates|alerts|inbox)\\b.*"
              + "|^(click here|tap here) to (get|download|subscribe|sign up|follow|read)\\b.*"
              + "|^(download|get) (the|our) [\\w' ]{1,40} app\\b.*"
              + "|^click (here )?(for|to get|to download) the [\\w.' -]{1,40} app\\b.*"
              + "|^follow [\\w.' ]{1,40} on (twitter|facebook|instagram)\\b[^.!?]*"
              + "|^sign up for (the|our) (new )?[\\w' -]{1,40} (briefing|newsletter|alerts)$|^newsletter sign[- ]?up$"
              + "|^link copied$|^join the conversation$|^thank you for signing up\\b.*"
              + "|^[-•*]?\\s*follow (us|me|@\\w+|the [\\w ]{1,30} on (twitter|facebook|instagram))\\b.*"
              + "|^(share|share this|share on (facebook|twitter))[:.!]?$");

  /**
   * Credits of wire services and contributors: "The Associated Press contributed to this report."
   */
  private static final Pattern CREDIT =
      Pattern.compile(
          "(?i)^([^.!?]{1,80} contributed (reporting )?to this (report|story|article)|contributing: [^.!?]{1,100}"
              + "|(additional )?reporting by [^.!?;]{1,80};[^.!?]{1,150}|(editing|writing) by [^.!?]{1,80})\\.?$");

  /**
   * A phrase that may stand anywhere in a line, found with {@code find()}, and a lower-case piece
   * of text that every match contains: most lines lack it, and {@code contains} on the lower-cased
   * line rules them out far faster than the pattern tried at every position.
   */
  private record Phrase(String key, boolean atStart, Pattern pattern, DropReason reason) {
    Phrase(String key, String regex, DropReason reason) {
      this(key, false, Pattern.compile("(?i)" + regex), reason);
    }

    Phrase(String key, Pattern pattern, DropReason reason) {
      this(key, false, pattern, reason);
    }

    /**
     * A phrase that opens the line: {@code key} is the lower-case start of every match (one
     * comparison, no scan).
     */
    static Phrase atStart(String key, Pattern pattern, DropReason reason) {
      return new Phrase(key, true, pattern, reason);
    }

    static Phrase atStart(String key, String regex, DropReason reason) {
      return atStart(key, Pattern.compile("(?i)" + regex), reason);
    }

    boolean in(String line, String lower) {
      if (atStart) return lower.startsWith(key) && pattern.matcher(line).lookingAt();
      return lower.contains(key) && pattern.matcher(line).find();
    }
  }

  /** Copyright phrases of short lines. */
  private static final List<Phrase> COPYRIGHT_PHRASES =
      List.of(
          new Phrase("all rights reserved", "\\ball rights reserved\\b", DropReason.COPYRIGHT),
          new Phrase(
              "reprint permission",
              "\\bclick here for reprint permission\\b",
              DropReason.COPYRIGHT));

  /** Sign-up phrases of short lines. */
  private static final List<Phrase> SIGNUP_PHRASES =
      List.of(
          new Phrase(
              "to your inbox", "\\bdelivered (\\w+ ){0,2}to your inbox\\b", DropReason.SIGNUP),
          // a sentence that starts with the call: "… published. Sign up to receive our biggest
          // stories"
          new Phrase(
              "sign up",
              "(?<=^|[.!?] )(sign up (here|now|today)|sign up to receive (our|the)"
                  + "|sign up for (our|the) [^.!?]{1,60}\\b(newsletters?|alerts|updates))\\b",
              DropReason.SIGNUP),
          new Phrase("subscribe", "(?<=^|[.!?] )subscribe (here|now|today)\\b", DropReason.SIGNUP),
          new Phrase(
              "join us on",
              "(?<=^|[.!?] )join us on (facebook|twitter|instagram)\\b",
              DropReason.SIGNUP),
          new Phrase("share tweet", "\\bshare this article share tweet\\b", DropReason.SIGNUP));

  /** Gallery and player labels of short lines: "Sound The gallery will resume in seconds". */
  private static final List<Phrase> MEDIA_PHRASES =
      List.of(
          new Phrase(
              "gallery will resume",
              "\\bthe gallery will resume in (\\d+ )?seconds\\b",
              DropReason.MEDIA_LABEL));

  /**
   * Phrases that only sign-up widgets and notices write, whatever the length of the line they are
   * in.
   */
  private static final List<Phrase> WIDGET_PHRASES =
      List.of(
          new Phrase("by signing up", "\\bby signing up,? you agree\\b", DropReason.SIGNUP),
          new Phrase("not a robot", "\\bplease verify you'?re not a robot\\b", DropReason.SIGNUP),
          new Phrase(
              "you must select a newsletter",
              "\\byou must select a newsletter\\b",
              DropReason.SIGNUP),
          new Phrase(
              "protected by recaptcha",
              "\\bthis site is protected by recaptcha\\b",
              DropReason.SIGNUP),
          new Phrase(
              "as an interest to stay up to date",
              "\\bas an interest to stay up to date on the latest\\b",
              DropReason.SIGNUP),
          new Phrase(
              "opinions expressed",
              "\\bthe opinions expressed [^.]{0,60}(are|is) (their|his|her|the author'?s|the writer'?s) own\\b",
              DropReason.NOTICE),
          // CNN's editor's note: "X is … The opinions expressed in this commentary are solely those
          // of the author." (a bio and the notice, at the top of a commentary); not in a paragraph
          // that opens with the dateline, "(CNN) …": article text
          new Phrase(
              "opinions expressed",
              "^(?!\\()(.*[.!?:\"”] )?the opinions expressed (in|by) (this|these) [^.]{0,40}\\b(are|is)"
                  + " (solely |only |entirely )?(his|hers|theirs|those of (the|each individual)"
                  + " (author|writer)s?)\\b",
              DropReason.NOTICE),
          Phrase.atStart(
              "this is a rush transcript", "^this is a rush transcript\\b", DropReason.NOTICE),
          new Phrase(
              "rush deadline",
              "\\btranscripts are created on a rush deadline\\b",
              DropReason.NOTICE),
          new Phrase(
              "without charge",
              "\\bis available without charge to any eligible news publisher\\b",
              DropReason.NOTICE),
          Phrase.atStart("story highlights", "^story highlights\\b", DropReason.TEASER),
          // Bloomberg Opinion's author box glued to its share bar: "X is a Bloomberg Opinion
          // columnist. He … Read more opinion LISTEN TO ARTICLE 4:18 SHARE THIS ARTICLE Share …"
          new Phrase(
              "read more opinion",
              "\\bread more opinion (listen to article \\d{1,2}:\\d{2} )?share this article\\b",
              DropReason.AUTHOR_BIO),
          // USA TODAY's player caption: "CLOSE" (the player's button) glued to the video's caption;
          // all-caps
          // text after it is a shouted sentence ("CLOSE OUR SOUTHERN BORDER!"), not a player
          Phrase.atStart(
              "close ", Pattern.compile("^CLOSE (?![A-Z]{2,}\\b)\\S"), DropReason.VIDEO_PLAYER),
          Phrase.atStart("play video", "^play video \\d{1,2}:\\d{2}\\b", DropReason.VIDEO_PLAYER),
          Phrase.atStart(
              "(",
              Pattern.compile(
                  "^\\(\\s*(?i:also on|more from|also from) [A-Z][\\w.]*\\s*:.*\\)\\.?$"),
              DropReason.STORY_PROMO),
          Phrase.atStart(
              "(",
              Pattern.compile("^\\(\\s*[A-Z][\\w.]*( [\\w.]+){0,2} (?i:podcast)\\s*:.*\\)\\.?$"),
              DropReason.STORY_PROMO),
          // a story card: photo caption, " | " and the photo's credit, then the other story's
          // section (maybe a lower-case tag: "congress"), headline and teaser
          new Phrase(
              "|",
              Pattern.compile(
                  "\\S \\| ([A-Z][\\w.'’-]*( [A-Z][\\w.'’-]*){0,3}/)*"
                      + "(AP Photo|AP|AFP|Getty Images|Getty|Reuters|REUTERS|POLITICO( Screen grab)?)"
                      + "( for [\\w ]{1,40}?)?( [a-z][\\w&-]*){0,2} [A-Z](?!hoto\\b)[^|/]{20,}$"),
              DropReason.STORY_PROMO));

  /**
   * A photo gallery flattened into one paragraph: "Photos: … Hide Caption 1 of 24 Photos: …".
   * Generated markup, whatever its length (galleries run to thousands of words).
   */
  private static final Phrase GALLERY =
      new Phrase("hide caption", "\\bhide caption \\d+ of \\d+\\b", DropReason.MEDIA_LABEL);

  /**
   * A photo's credit alone on its line: "Alex Wong/Getty Images", "Rob Stothard—Getty Images", or a
   * photographer's full name and a desk: "Olivier Douliery/Abaca".
   */
  private static final Pattern LONE_CREDIT =
      Pattern.compile(
          "\\(?(([A-Z][\\w.'’-]*( [A-Z][\\w.'’-]*){0,3}(/|—| — ))+(AP Photo|AP|AFP|Getty Images|Reuters|REUTERS|EPA|Bloomberg"
              + "|Pool|Shutterstock)( for [\\w ]{1,40})?"
              + "|[A-Z][\\w.'’-]+( [A-Z][\\w.'’-]*){1,3}(/[A-Z][\\w.'’-]*( [A-Z][\\w.'’-]*){0,3})+)\\)?");

  /** Longest photo credit alone on a line, in characters. */
  private static final int MAX_CREDIT_LENGTH = 90;

  /**
   * Promos of a series or package: "The Wall - An in-depth examination of …", "POLICING THE USA: A
   * look at …".
   */
  private static final Pattern SERIES_PROMO =
      Pattern.compile(
          "[^.!?:]{2,40}( -|:) (?i:an in-depth (examination|look) (of|at)|a look at) [^.!?]{2,80}");

  /** A series or topic tag: "Series: Coronavirus …". */
  private static final Pattern TOPIC_TAG =
      Pattern.compile("series: [^.!]{2,100}[?]?", Pattern.CASE_INSENSITIVE);

  /** An embedded document's label: "Articles of Impeachment by acohnthehill on Scribd". */
  private static final Pattern EMBED = Pattern.compile("[^.!?]{2,150} on Scribd");

  private static final Pattern MEDIA =
      Pattern.compile(
          "(?i)^(photo|photos|video|videos|image|images|watch|watch:|close|youtube|twitter|facebook|embed|play video)[.:]?$"
              + "|^loading(\\.\\.\\.|…)?$|^\\[[a-z ]{2,20}\\]$|^don'?t see the (graphic|video|photo|image|chart|poll)\\b.*"
              + "|^\\(\\s*(photo|image|video)\\s*:.*\\)$"
              + "|^(next |previous |prev )?image \\d+ of \\d+$|^media playback is unsupported on your device\\b.*"
              + "|^(image copyright|image caption|photo credit|photo:|enlarge this image|toggle caption)\\b.*|^slideshow \\(\\d+ images?\\)$");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(?i)^(updated |published |posted )?(\\d+|an?|one) (second|minute|hour|day|week|month|year)s? ago\\.?$"
              + "|^this article is more than \\d+ (year|month)s? old$");
  private static final Pattern RELATED =
      Pattern.compile(
          "(?i)^(more|read more|related|related coverage|see also|also see|also read|read next|recommended|watch"
              + "|full coverage)\\s*:.*|^(?-i:PHOTOS):.*"
              + "|^(read|see) (more|the full story|full story|the full article|full article)( here)?[.:!]?$"
              + "|^more on this(\\.\\.\\.|…|:)?$|^\\(\\s*(photos|videos|related|see also|read more)\\s*:.*\\)$"
              + "|^click (here )?for (more|complete)\\b.*|^watch the latest video\\b.*|^visit [^.]{1,40} for more (stories|news|coverage)\\.?$");
  private static final Pattern SEPARATOR = Pattern.compile("[\\p{Punct}•·–—_*=~\\s]+");

  /**
   * Longest line taken for boilerplate: notices, prompts and labels are short; a longer line is
   * body text even when it quotes "all rights reserved" (and is not worth running six patterns
   * over).
   */
  static final int MAX_LENGTH = 300;

  private Boilerplate() {}

  /**
   * CNN's video player as the scraper flattened it into the text, wherever it sits in a paragraph:
   * "JUST WATCHED Title Replay More Videos ... MUST WATCH Title 02:40" (the title again and the
   * duration may be missing when the scrape cut it off).
   */
  static final Pattern PLAYER =
      Pattern.compile(
          "JUST WATCHED (.{1,300}?) Replay More Videos ?(\\.\\.\\.|…)? ?MUST WATCH( \\1)?( \\d{1,2}:\\d{2}(:\\d{2})?)?");

  /**
   * An author's bio: a name (or two), maybe an apposition, then "is/are …" and a role within a few
   * words: "• Emmanuel Saez and Gabriel Zucman are economics professors at …", "Jane Roe is a
   * senior fellow at …". Only the shape of a sentence about a person: the cleaner asks only about
   * the lines that end an article.
   */
  private static final Pattern BIO =
      Pattern.compile(
          "^([•*—–-]\\s*)?(?![A-Z][a-z]+ing\\b)([A-Z][\\w.'’-]+( ([A-Z][\\w.'’-]*|de|van|von|bin|al|da)){1,4})"
              + "(,? and [A-Z][\\w.'’-]+( [A-Z][\\w.'’-]*){1,4})?(, [^,]{3,120},)?"
              + " (is|are|was|serves as|has been) (an? |the )?([\\w'’,-]+ ){0,5}?(professors?|fellows?|authors?|columnists?|contributors?"
              + "|editors?|writers?|director|president|chair(man|woman)?|founder|co-founder|host|correspondent|analyst"
              + "|attorney|lawyer|economists?|reporter|scholars?|lecturer|commentator|strategist|consultant|researchers?"
              + "|CEO|partner|adviser|advisor|emeritus|dean)\\b.*");

  /** Longest author bio, in characters. */
  static final int MAX_BIO_LENGTH = 600;

  /**
   * Whether {@code line} has the shape of an author's bio (see {@link #BIO}); the caller decides
   * where it may stand.
   */
  static boolean bio(String line) {
    return line.length() <= MAX_BIO_LENGTH && BIO.matcher(line).matches();
  }

  /**
   * Longest line looked at for {@link #widget} phrases: sign-up widgets and notices run to a few
   * hundred words at most.
   */
  static final int MAX_WIDGET_LENGTH = 1500;

  /** The reason {@code line} (a short line) is boilerplate, or {@code null} when it is not. */
  static DropReason match(String line) {
    if (line.length() > MAX_LENGTH) return null;
    String lower = line.toLowerCase(Locale.ROOT);
    DropReason widget = widget(line, lower);
    if (widget != null) return widget;
    if (SEPARATOR.matcher(line).matches()) return DropReason.SEPARATOR;
    if (COPYRIGHT.matcher(line).lookingAt() || any(COPYRIGHT_PHRASES, line, lower))
      return DropReason.COPYRIGHT;
    if (SIGNUP.matcher(line).matches() || any(SIGNUP_PHRASES, line, lower))
      return DropReason.SIGNUP;
    if (MEDIA.matcher(line).matches() || any(MEDIA_PHRASES, line, lower))
      return DropReason.MEDIA_LABEL;
    if (TIMESTAMP.matcher(line).matches()) return DropReason.TIMESTAMP;
    if (RELATED.matcher(line).matches()) return DropReason.RELATED;
    if (CREDIT.matcher(line).matches()) return DropReason.CREDIT;
    // each shape holds a piece of text that most lines lack: look for it before trying the pattern
    if (line.length() <= MAX_CREDIT_LENGTH
        && (line.indexOf('/') >= 0 || line.indexOf('—') >= 0)
        && LONE_CREDIT.matcher(line).matches()) {
      return DropReason.MEDIA_LABEL;
    }
    if (lower.contains("a look at") || lower.contains("in-depth")) {
      if (SERIES_PROMO.matcher(line).matches()) return DropReason.STORY_PROMO;
    }
    if (lower.startsWith("series: ") && TOPIC_TAG.matcher(line).matches())
      return DropReason.TOPIC_TAG;
    if (line.endsWith(" on Scribd") && EMBED.matcher(line).matches()) return DropReason.EMBED;
    return null;
  }

  /**
   * The reason a line of any length is a sign-up widget, a notice or a photo gallery, by phrases
   * that no article text writes ("By signing up you agree", "This is a rush transcript", "Hide
   * Caption 3 of 24"), or {@code null}. Lines longer than {@link #MAX_WIDGET_LENGTH} are only
   * checked for galleries.
   */
  static DropReason widget(String line) {
    return widget(line, line.toLowerCase(Locale.ROOT));
  }

  private static DropReason widget(String line, String lower) {
    if (GALLERY.in(line, lower)) return GALLERY.reason();
    if (line.length() > MAX_WIDGET_LENGTH) return null;
    char first = lower.charAt(0);
    if (first < WIDGET_STARTS.length) {
      for (Phrase p : WIDGET_STARTS[first]) if (p.in(line, lower)) return p.reason();
    }
    for (Phrase p : WIDGET_PHRASES) if (!p.atStart() && p.in(line, lower)) return p.reason();
    return null;
  }

  /**
   * The widget phrases that open a line, by the line's first (lower-case, ASCII) character: most
   * lines need none.
   */
  private static final Phrase[][] WIDGET_STARTS = new Phrase[128][];

  static {
    for (char c = 0; c < WIDGET_STARTS.length; c++) {
      char first = c;
      WIDGET_STARTS[c] =
          WIDGET_PHRASES.stream()
              .filter(p -> p.atStart() && p.key().charAt(0) == first)
              .toArray(Phrase[]::new);
    }
  }

  private static boolean any(List<Phrase> phrases, String line, String lower) {
    for (Phrase p : phrases) if (p.in(line, lower)) return true;
    return false;
  }
}
