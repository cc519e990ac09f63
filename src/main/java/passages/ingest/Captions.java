package passages.ingest;

import java.util.regex.Pattern;

/**
 * Photo captions: a line that ends with the photo's credit ("… (AP Photo/Evan Vucci)", "… (Photo by
 * Scott Eisen/Getty Images)", "… REUTERS/Kevin Lamarque", "… | AP Photo") or opens with a wire's
 * photo label ("FILE PHOTO: …"). Such a line is kept as a caption, not as body text. Credits alone
 * on a line are boilerplate ({@link Boilerplate}); a line longer than {@link #MAX_WORDS} is body
 * text that quotes a credit.
 */
final class Captions {
  /** Longest caption, in words (wire captions carry a sentence or two of context). */
  static final int MAX_WORDS = 90;

  /** Agencies and photo desks whose name in a credit marks a photo. */
  private static final String AGENCY =
      "(AP|AFP|Getty Images|Getty|Reuters|REUTERS|EPA|EPA-EFE|Bloomberg|Pool|Shutterstock|NurPhoto|Sipa USA|UPI|TNS)";

  /**
   * Letters and punctuation of a photographer's name, and "for …", "via …", ", File" after the
   * agency.
   */
  private static final String NAME = "[A-Z][\\w.'’-]*( [A-Z][\\w.'’-]*){0,4}";

  /**
   * A credit in parentheses: (AP Photo/Evan Vucci, File), (Photo by Scott Eisen/Getty Images),
   * (Jonathan Ernst/Reuters).
   */
  private static final Pattern CREDIT_IN_PARENS =
      Pattern.compile(
          "\\((AP Photo|Photo by|Photo:|Photograph:|File photo:?)\\b[^()]{0,100}\\)"
              + "|\\(("
              + NAME
              + "/)+"
              + AGENCY
              + "\\b[^()]{0,60}\\)"
              + "|\\([^()]{0,80}\\bvia "
              + AGENCY
              + "\\)");

  /** A credit that ends the line without parentheses. */
  private static final Pattern CREDIT_AT_END =
      Pattern.compile(
          // REUTERS/Kevin Lamarque, REUTERS/Aaron P. Bernstein/File Photo, … via REUTERS
          "(\\bREUTERS/"
              + NAME
              + "(/File Photo)?( More)?|\\bvia REUTERS"
              // Politico's "caption | AP Photo", "caption | Getty", "caption | Photo by Pete
              // Souza", "| Alex Wong/Getty Images"
              + "|\\s\\|\\s(AP Photo|Getty Images?|Photo by "
              + NAME
              + "|("
              + NAME
              + "/)*"
              + AGENCY
              + "( Photo)?)"
              + "|\\s\\|\\s(AP Photo/|("
              + NAME
              + "/)+)[^|]{1,120}"
              // "… Joaquin Phoenix and Renée Zellweger. Photo: Shutterstock"
              + "|[.!?]\\s(Photo|Photograph|Image): "
              + NAME
              + "(/"
              + NAME
              + ")?"
              + ")[.]?$");

  private static final Pattern LABEL_AT_START =
      Pattern.compile("^(FILE PHOTO:|FILE ?- In this\\b[^.]{0,60}\\bfile photo\\b)");

  private Captions() {}

  /** Whether {@code line} (normalised, with {@code words} words) is a photo caption. */
  static boolean isCaption(String line, int words) {
    if (words > MAX_WORDS || words < 3) return false;
    return line.startsWith("FILE") && LABEL_AT_START.matcher(line).lookingAt()
        || hasCreditAtEnd(line);
  }

  /** Longest credit, in characters. */
  private static final int MAX_CREDIT_CHARS = 140;

  /**
   * Whether the line ends with a credit. Every credit ends in ")" or in a capitalised word (a name,
   * "AP", "REUTERS", "Images"); most sentences end in a lower-case word, so that is checked first,
   * then a pattern on the end of the line only.
   */
  private static boolean hasCreditAtEnd(String line) {
    int n = line.length();
    int end = line.charAt(n - 1) == '.' ? n - 1 : n;
    if (end == 0) return false;
    char last = line.charAt(end - 1);
    if (last == ')') {
      int open = line.lastIndexOf('(', end - 1);
      return open >= 0
          && end - open <= MAX_CREDIT_CHARS
          && CREDIT_IN_PARENS.matcher(line).region(open, end).matches();
    }
    if (!Character.isLetter(last)) return false;
    int word = line.lastIndexOf(' ', end - 1) + 1;
    // the last word is a name ("Ernst", "AP", "Images") or holds the credit's slash
    // ("REUTERS/Kevin")
    if (!Character.isUpperCase(line.charAt(word)) && line.indexOf('/', word) < 0) return false;
    int from = Math.max(0, n - MAX_CREDIT_CHARS);
    return hasCreditMark(line, from)
        && CREDIT_AT_END.matcher(line).region(from, n).useTransparentBounds(true).find();
  }

  /** Whether {@code line} holds "/", "|" or ": " from {@code from} on (one pass). */
  private static boolean hasCreditMark(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '/' || c == '|' || c == ':' || c == 'v' && line.startsWith("via REUTERS", i))
        return true;
    }
    return false;
  }
}
