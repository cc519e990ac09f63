package passages.entities;

/**
 * A paragraph split into tokens: maximal runs of letters and digits, and single other non-space
 * characters. Curly apostrophes are read as {@code '}. Each token also knows whether whitespace
 * precedes it, so that multi-token names only match with the same spacing ("Amazon.com" is not
 * "Amazon . com").
 */
final class Tokens {
  final String text;
  final int size;
  final int[] start;
  final int[] end;

  /** The token text (apostrophes normalised). */
  final String[] word;

  final boolean[] spaceBefore;

  /** A line break precedes the token. */
  final boolean[] lineBefore;

  private Tokens(
      String text,
      int size,
      int[] start,
      int[] end,
      String[] word,
      boolean[] spaceBefore,
      boolean[] lineBefore) {
    this.text = text;
    this.size = size;
    this.start = start;
    this.end = end;
    this.word = word;
    this.spaceBefore = spaceBefore;
    this.lineBefore = lineBefore;
  }

  static Tokens of(String text) {
    int n = text.length();
    int cap = Math.max(8, n / 4);
    int[] st = new int[cap], en = new int[cap];
    String[] w = new String[cap];
    boolean[] sp = new boolean[cap], nl = new boolean[cap];
    int size = 0;
    boolean space = true, line = false;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        space = true;
        line |= c == '\n';
        i++;
        continue;
      }
      int j = i + 1;
      if (isWordChar(c)) {
        while (j < n && isWordChar(text.charAt(j))) j++;
      } else if (Character.isHighSurrogate(c) && j < n) {
        j++;
      }
      if (size == st.length) {
        int nc = size * 2;
        st = java.util.Arrays.copyOf(st, nc);
        en = java.util.Arrays.copyOf(en, nc);
        w = java.util.Arrays.copyOf(w, nc);
        sp = java.util.Arrays.copyOf(sp, nc);
        nl = java.util.Arrays.copyOf(nl, nc);
      }
      st[size] = i;
      en[size] = j;
      String s = text.substring(i, j);
      w[size] = (c == '\u2019' || c == '\u2018') ? "'" : s;
      sp[size] = space;
      nl[size] = line;
      size++;
      space = false;
      line = false;
      i = j;
    }
    return new Tokens(text, size, st, en, w, sp, nl);
  }

  /** Whitespace or a no-break space; ASCII answered without Unicode tables (most of any text). */
  private static boolean isSpace(char c) {
    if (c < 0x80) return c == ' ' || c < ' ' && Character.isWhitespace(c);
    return c == '\u00a0' || Character.isWhitespace(c);
  }

  /** A letter or digit: part of a word token. ASCII answered without Unicode tables. */
  private static boolean isWordChar(char c) {
    if (c < 0x80) {
      int lower = c | 0x20; // A-Z to a-z; no other character lands in a-z
      return lower >= 'a' && lower <= 'z' || c >= '0' && c <= '9';
    }
    return Character.isLetterOrDigit(c);
  }

  boolean isWord(int i) {
    return Character.isLetterOrDigit(word[i].charAt(0));
  }

  /** Starts with an upper-case letter. */
  boolean isCapitalized(int i) {
    return Character.isUpperCase(word[i].charAt(0));
  }

  /**
   * Whether this token is the first word of a sentence (or of the paragraph), looking back past
   * quotes and brackets.
   */
  boolean sentenceInitial(int i) {
    int k = i - 1;
    while (k >= 0 && isOpener(word[k])) k--;
    if (k < 0) return true;
    String p = word[k];
    if (p.equals(".")
        || p.equals("!")
        || p.equals("?")
        || p.equals(":")
        || p.equals(";")
        || p.equals("\u2014")
        || p.equals("\u2013")
        || p.equals("|")
        || p.equals("•")) {
      if (p.equals(".") && k > 0 && isAbbreviation(k - 1)) return false;
      return true;
    }
    // a line break inside a paragraph starts a new line of text
    for (int j = k + 1; j <= i; j++) if (lineBefore[j]) return true;
    return false;
  }

  private static boolean isOpener(String w) {
    return w.equals("\"")
        || w.equals("\u201c")
        || w.equals("'")
        || w.equals("(")
        || w.equals("[")
        || w.equals("\u2018")
        || w.equals("-");
  }

  /**
   * Title abbreviations after which a period does not end a sentence ("Sen. Warren", "Mr. Smith").
   */
  boolean isAbbreviation(int i) {
    return switch (word[i]) {
      case "Mr",
          "Mrs",
          "Ms",
          "Dr",
          "Sen",
          "Rep",
          "Gov",
          "Lt",
          "Gen",
          "Col",
          "Sgt",
          "Capt",
          "St",
          "Jr",
          "Sr",
          "Prof",
          "Rev",
          "Gov'",
          "Mt",
          "Ft",
          "Inc",
          "Corp",
          "Co",
          "Ltd",
          "vs",
          "U",
          "S",
          "D",
          "C",
          "Pres",
          "Adm",
          "Maj",
          "Cmdr",
          "Supt",
          "Atty",
          "Hon",
          "Calif",
          "Fla",
          "Mass",
          "Wash",
          "Ariz",
          "Mich",
          "Penn",
          "Ill",
          "Conn",
          "Colo",
          "Ore",
          "Tenn",
          "Ky",
          "Va",
          "Ga",
          "Ala",
          "Md",
          "Minn",
          "Wis",
          "Okla",
          "Nev",
          "Neb",
          "Del" ->
          true;
      default -> word[i].length() == 1 && Character.isUpperCase(word[i].charAt(0));
    };
  }
}
