package passages.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article's own card glued into one block: its photo's caption, {@code " | "}, the photo's
 * credit, maybe a topic tag, then the article's headline and its dek ("… said in a statement. | Joe
 * Raedle/Getty Images DNC sues Russian government … The suit alleges …"), as Politico's first
 * paragraphs come in the allsides corpus. Found by that shape and by the headline the corpus gives,
 * so another story's card (a promo, {@link DropReason#STORY_PROMO}) is not taken for one.
 * Stateless.
 */
final class HeadlineCards {
  /** Most characters between the pipe and the headline: the credit and a topic tag. */
  private static final int MAX_CREDIT_AND_TAG = 80;

  /** Fewest words of a headline looked for (a one-word title is found anywhere). */
  private static final int MIN_TITLE_WORDS = 3;

  private static final String NAME = "[A-Z][\\w.'’-]*( [A-Z][\\w.'’-]*){0,4}";

  /** A photo credit at the start of what follows the pipe. */
  private static final Pattern CREDIT =
      Pattern.compile(
          "(("
              + NAME
              + "/)+(AP Photo|Getty Images|[A-Z][\\w.'’-]*)"
              + "|AP Photo|Getty Images|Getty|REUTERS|Reuters|AFP|AP|EPA|Bloomberg|POLITICO( Screen grab)?)"
              + "(?![\\w/])");

  private HeadlineCards() {}

  /**
   * A card split in three: the caption with its credit (a photo caption), what is dropped (the
   * topic tag and the headline, which the article's headline field holds already), and the dek
   * after it (empty when none).
   */
  record Card(String caption, String headline, String dek) {}

  /**
   * {@code line} (normalised) split as a card of the article titled {@code title}, or null when it
   * is not one.
   */
  static Card split(String line, String title) {
    int pipe = line.indexOf(" | ");
    if (pipe <= 0 || title == null) return null;
    String headline = title.strip().replaceAll("\\s+", " ");
    if (headline.split(" ").length < MIN_TITLE_WORDS) return null;
    int from = pipe + 3;
    int at = fold(line).indexOf(fold(headline), from);
    if (at < 0 || at - from > MAX_CREDIT_AND_TAG || !Character.isUpperCase(line.charAt(from)))
      return null;
    Matcher credit = CREDIT.matcher(line).region(from, at);
    int captionEnd = credit.lookingAt() ? credit.end() : pipe;
    return new Card(
        line.substring(0, captionEnd).strip(),
        line.substring(captionEnd, at + headline.length()).strip(),
        line.substring(at + headline.length()).strip());
  }

  /** {@code s} with curly quotes made straight, character for character (offsets unchanged). */
  private static String fold(String s) {
    return s.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"');
  }
}
