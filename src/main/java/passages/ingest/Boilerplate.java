package passages.ingest;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Site boilerplate that scrapers leave between paragraphs: copyright and reprint notices, newsletter,
 * app and social prompts, photo/video caption labels, relative timestamps, related-story links,
 * separator lines, contributor credits, disclaimers. Each shape is a pattern over a short line
 * ({@link #match}); callers only ask about lines of at most a few dozen words. Sign-up widgets and notices
 * can be long, so a few phrases that only they write are also looked for in longer lines
 * ({@link #widget}).
 */
final class Boilerplate {
  private static final Pattern COPYRIGHT = Pattern.compile("(?i)(copyright\\b|©|\\(c\\) \\d{4})");
  private static final Pattern SIGNUP = Pattern.compile(
      "(?i)^(sign up|subscribe)\\b.*\\b(newsletters?|updates|alerts|inbox)\\b.*"
          + "|^(click here|tap here) to (get|download|subscribe|sign up|follow|read)\\b.*"
          + "|^(download|get) (the|our) [\\w' ]{1,40} app\\b.*"
          + "|^[-•*]?\\s*follow (us|me|@\\w+|the [\\w ]{1,30} on (twitter|facebook|instagram))\\b.*"
          + "|^(share|share this|share on (facebook|twitter))[:.!]?$");
  /** Credits of wire services and contributors: "The Associated Press contributed to this report." */
  private static final Pattern CREDIT = Pattern.compile(
      "(?i)^([^.!?]{1,80} contributed (reporting )?to this (report|story|article)|contributing: [^.!?]{1,100}"
          + "|(additional )?reporting by [^.!?;]{1,80};[^.!?]{1,150}|(editing|writing) by [^.!?]{1,80})\\.?$");
  /**
   * A phrase that may stand anywhere in a line, found with {@code find()}, and a lower-case piece of text
   * that every match contains: most lines lack it, and {@code contains} on the lower-cased line rules them
   * out far faster than the pattern tried at every position.
   */
  private record Phrase(String key, Pattern pattern, DropReason reason) {
    Phrase(String key, String regex, DropReason reason) {
      this(key, Pattern.compile("(?i)" + regex), reason);
    }

    boolean in(String line, String lower) {
      return lower.contains(key) && pattern.matcher(line).find();
    }
  }

  /** Copyright phrases of short lines. */
  private static final List<Phrase> COPYRIGHT_PHRASES = List.of(
      new Phrase("all rights reserved", "\\ball rights reserved\\b", DropReason.COPYRIGHT),
      new Phrase("reprint permission", "\\bclick here for reprint permission\\b", DropReason.COPYRIGHT));

  /** Sign-up phrases of short lines. */
  private static final List<Phrase> SIGNUP_PHRASES = List.of(
      new Phrase("to your inbox", "\\bdelivered (\\w+ ){0,2}to your inbox\\b", DropReason.SIGNUP),
      // a sentence that starts with the call: "… published. Sign up to receive our biggest stories"
      new Phrase("sign up", "(?<=^|[.!?] )(sign up (here|now|today)|sign up to receive (our|the)"
          + "|sign up for (our|the) [^.!?]{1,60}\\b(newsletters?|alerts|updates))\\b", DropReason.SIGNUP),
      new Phrase("subscribe", "(?<=^|[.!?] )subscribe (here|now|today)\\b", DropReason.SIGNUP),
      new Phrase("join us on", "(?<=^|[.!?] )join us on (facebook|twitter|instagram)\\b", DropReason.SIGNUP));

  /** Phrases that only sign-up widgets and notices write, whatever the length of the line they are in. */
  private static final List<Phrase> WIDGET_PHRASES = List.of(
      new Phrase("by signing up", "\\bby signing up,? you agree\\b", DropReason.SIGNUP),
      new Phrase("not a robot", "\\bplease verify you'?re not a robot\\b", DropReason.SIGNUP),
      new Phrase("you must select a newsletter", "\\byou must select a newsletter\\b", DropReason.SIGNUP),
      new Phrase("protected by recaptcha", "\\bthis site is protected by recaptcha\\b", DropReason.SIGNUP),
      new Phrase("as an interest to stay up to date", "\\bas an interest to stay up to date on the latest\\b", DropReason.SIGNUP),
      new Phrase("opinions expressed",
          "\\bthe opinions expressed [^.]{0,60}(are|is) (their|his|her|the author'?s|the writer'?s) own\\b", DropReason.NOTICE),
      new Phrase("rush transcript", "^this is a rush transcript\\b", DropReason.NOTICE),
      new Phrase("rush deadline", "\\btranscripts are created on a rush deadline\\b", DropReason.NOTICE),
      new Phrase("without charge", "\\bis available without charge to any eligible news publisher\\b", DropReason.NOTICE));

  /**
   * A photo gallery flattened into one paragraph: "Photos: … Hide Caption 1 of 24 Photos: …". Generated
   * markup, whatever its length (galleries run to thousands of words).
   */
  private static final Phrase GALLERY = new Phrase("hide caption", "\\bhide caption \\d+ of \\d+\\b", DropReason.MEDIA_LABEL);

  private static final Pattern MEDIA = Pattern.compile(
      "(?i)^(photo|photos|video|videos|image|images|watch|watch:|close|youtube|twitter|facebook|embed|play video)[.:]?$"
          + "|^loading(\\.\\.\\.|…)?$|^\\[[a-z ]{2,20}\\]$|^don'?t see the (graphic|video|photo|image|chart|poll)\\b.*"
          + "|^\\(\\s*(photo|image|video)\\s*:.*\\)$"
          + "|^(next |previous )?image \\d+ of \\d+$|^media playback is unsupported on your device\\b.*"
          + "|^(image copyright|image caption|photo credit|photo:|enlarge this image|toggle caption)\\b.*|^slideshow \\(\\d+ images?\\)$");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "(?i)^(updated |published |posted )?(\\d+|an?|one) (second|minute|hour|day|week|month|year)s? ago\\.?$"
          + "|^this article is more than \\d+ (year|month)s? old$");
  private static final Pattern RELATED = Pattern.compile(
      "(?i)^(more|read more|related|related coverage|see also|also see|also read|read next|recommended|watch)\\s*:.*"
          + "|^(read|see) (more|the full story|full story|the full article|full article)( here)?[.:!]?$"
          + "|^more on this(\\.\\.\\.|…|:)?$|^\\(\\s*(photos|videos|related|see also|read more)\\s*:.*\\)$"
          + "|^click (here )?for more\\b.*|^visit [^.]{1,40} for more (stories|news|coverage)\\.?$");
  private static final Pattern SEPARATOR = Pattern.compile("[\\p{Punct}•·–—_*=~\\s]+");

  /**
   * Longest line taken for boilerplate: notices, prompts and labels are short; a longer line is body text
   * even when it quotes "all rights reserved" (and is not worth running six patterns over).
   */
  static final int MAX_LENGTH = 300;

  private Boilerplate() {}

  /**
   * Longest line looked at for {@link #widget} phrases: sign-up widgets and notices run to a few hundred
   * words at most.
   */
  static final int MAX_WIDGET_LENGTH = 1500;

  /** The reason {@code line} (a short line) is boilerplate, or {@code null} when it is not. */
  static DropReason match(String line) {
    if (line.length() > MAX_LENGTH) return null;
    String lower = line.toLowerCase(Locale.ROOT);
    DropReason widget = widget(line, lower);
    if (widget != null) return widget;
    if (SEPARATOR.matcher(line).matches()) return DropReason.SEPARATOR;
    if (COPYRIGHT.matcher(line).lookingAt() || any(COPYRIGHT_PHRASES, line, lower)) return DropReason.COPYRIGHT;
    if (SIGNUP.matcher(line).matches() || any(SIGNUP_PHRASES, line, lower)) return DropReason.SIGNUP;
    if (MEDIA.matcher(line).matches()) return DropReason.MEDIA_LABEL;
    if (TIMESTAMP.matcher(line).matches()) return DropReason.TIMESTAMP;
    if (RELATED.matcher(line).matches()) return DropReason.RELATED;
    if (CREDIT.matcher(line).matches()) return DropReason.CREDIT;
    return null;
  }

  /**
   * The reason a line of any length is a sign-up widget, a notice or a photo gallery, by phrases that no
   * article text writes ("By signing up you agree", "This is a rush transcript", "Hide Caption 3 of 24"),
   * or {@code null}. Lines longer than {@link #MAX_WIDGET_LENGTH} are only checked for galleries.
   */
  static DropReason widget(String line) {
    return widget(line, line.toLowerCase(Locale.ROOT));
  }

  private static DropReason widget(String line, String lower) {
    if (GALLERY.in(line, lower)) return GALLERY.reason();
    if (line.length() > MAX_WIDGET_LENGTH) return null;
    for (Phrase p : WIDGET_PHRASES) if (p.in(line, lower)) return p.reason();
    return null;
  }

  private static boolean any(List<Phrase> phrases, String line, String lower) {
    for (Phrase p : phrases) if (p.in(line, lower)) return true;
    return false;
  }
}
