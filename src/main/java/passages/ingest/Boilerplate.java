package passages.ingest;

import java.util.regex.Pattern;

/**
 * Site boilerplate that scrapers leave between paragraphs: copyright and reprint notices, newsletter,
 * app and social prompts, photo/video caption labels, relative timestamps, related-story links,
 * separator lines. Each shape is
 * a pattern over a short line; callers only ask about lines of at most a few dozen words.
 */
final class Boilerplate {
  // A phrase that may stand anywhere in the line is its own pattern, found with find(): as an alternative
  // of one whole-line pattern (".*\\b(…)\\b.*") it was tried at every position with backtracking.
  private static final Pattern COPYRIGHT = Pattern.compile("(?i)(copyright\\b|©|\\(c\\) \\d{4})");
  private static final Pattern COPYRIGHT_ANYWHERE = Pattern.compile("(?i)\\b(all rights reserved|click here for reprint permission)\\b");
  private static final Pattern SIGNUP = Pattern.compile(
      "(?i)^(sign up|subscribe)\\b.*\\b(newsletters?|updates|alerts|inbox)\\b.*"
          + "|^(click here|tap here) to (get|download|subscribe|sign up|follow|read)\\b.*"
          + "|^(download|get) (the|our) [\\w' ]{1,40} app\\b.*"
          + "|^[-•*]?\\s*follow (us|me|@\\w+|the [\\w ]{1,30} on (twitter|facebook|instagram))\\b.*"
          + "|^(share|share this|share on (facebook|twitter))[:.!]?$");
  private static final Pattern SIGNUP_ANYWHERE = Pattern.compile("(?i)\\b(delivered to your inbox|by signing up, you agree)\\b");
  private static final Pattern MEDIA = Pattern.compile(
      "(?i)^(photo|photos|video|videos|image|images|watch|watch:|close|youtube|twitter|facebook|embed|play video)[.:]?$"
          + "|^(next |previous )?image \\d+ of \\d+$|^media playback is unsupported on your device\\b.*"
          + "|^(image copyright|image caption|photo credit|photo:|enlarge this image|toggle caption)\\b.*|^slideshow \\(\\d+ images?\\)$");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "(?i)^(updated |published |posted )?(\\d+|an?|one) (second|minute|hour|day|week|month|year)s? ago\\.?$"
          + "|^this article is more than \\d+ (year|month)s? old$");
  private static final Pattern RELATED = Pattern.compile(
      "(?i)^(more|read more|related|related coverage|see also|also read|read next|recommended|watch)\\s*:.*"
          + "|^(read|see) (more|the full story|full story|the full article|full article)( here)?[.:!]?$");
  private static final Pattern SEPARATOR = Pattern.compile("[\\p{Punct}•·–—_*=~\\s]+");

  /**
   * Longest line taken for boilerplate: notices, prompts and labels are short; a longer line is body text
   * even when it quotes "all rights reserved" (and is not worth running six patterns over).
   */
  static final int MAX_LENGTH = 300;

  private Boilerplate() {}

  /** The reason {@code line} is boilerplate, or {@code null} when it is not. */
  static DropReason match(String line) {
    if (line.length() > MAX_LENGTH) return null;
    if (SEPARATOR.matcher(line).matches()) return DropReason.SEPARATOR;
    if (COPYRIGHT.matcher(line).lookingAt() || COPYRIGHT_ANYWHERE.matcher(line).find()) return DropReason.COPYRIGHT;
    if (SIGNUP.matcher(line).matches() || SIGNUP_ANYWHERE.matcher(line).find()) return DropReason.SIGNUP;
    if (MEDIA.matcher(line).matches()) return DropReason.MEDIA_LABEL;
    if (TIMESTAMP.matcher(line).matches()) return DropReason.TIMESTAMP;
    if (RELATED.matcher(line).matches()) return DropReason.RELATED;
    return null;
  }
}
