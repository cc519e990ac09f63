package passages.search;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import passages.index.ParagraphDocuments;
import passages.model.ArticleIds;

/**
 * Durable links to a paragraph: {@code /p/{articleId}/{fingerprint}}, built from the article id and
 * the paragraph's text, never its position, so a link still finds its paragraph after lines are
 * added or dropped before it (a re-index, a new cleaner).
 *
 * <p>The fingerprint is 24 hex digits: a 64-bit SimHash of the paragraph's words (similar texts
 * have fingerprints a few bits apart) followed by 32 bits of its exact signature ({@link
 * ParagraphDocuments#signature}: letters and digits, case-folded). {@link #resolve} finds the
 * paragraph with both parts equal ({@code exact}); failing that, the one whose SimHash is nearest,
 * if within {@value #MAX_DISTANCE} bits (an edited paragraph); otherwise nothing.
 */
public final class Permalinks {
  /**
   * Most SimHash bits an edited paragraph may differ by and still be found (unrelated texts differ
   * by ~32).
   */
  static final int MAX_DISTANCE = 14;

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{24}");
  private static final HexFormat HEX = HexFormat.of();
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** A paragraph found for a permalink: whether its text is the one linked, or the closest left. */
  public record Resolved(ParagraphView paragraph, boolean exact) {}

  private Permalinks() {}

  /** The permalink path of the paragraph with {@code text} in article {@code articleId}. */
  public static String of(String articleId, String text) {
    return "/p/" + articleId + "/" + fingerprint(text);
  }

  /** The 24-hex-digit fingerprint of {@code text}. */
  public static String fingerprint(String text) {
    return HEX.toHexDigits(simHash(text))
        + HEX.toHexDigits((int) ParagraphDocuments.signature(text));
  }

  /** Whether {@code articleId} and {@code fingerprint} are well-formed parts of a permalink. */
  public static boolean isWellFormed(String articleId, String fingerprint) {
    return ArticleIds.isValid(articleId)
        && fingerprint != null
        && FINGERPRINT.matcher(fingerprint).matches();
  }

  /**
   * The paragraph of {@code paragraphs} (one article's, in order) that {@code fingerprint} links
   * to: the first with the same text, else the first of the nearest texts within {@value
   * #MAX_DISTANCE} bits.
   */
  public static Optional<Resolved> resolve(List<ParagraphView> paragraphs, String fingerprint) {
    if (fingerprint == null || !FINGERPRINT.matcher(fingerprint).matches()) return Optional.empty();
    long wantedSim = simHashOf(fingerprint);
    ParagraphView nearest = null;
    int best = MAX_DISTANCE + 1;
    for (ParagraphView p : paragraphs) {
      // each view carries its permalink already: compare fingerprints, not the texts again
      String mine = p.permalink().substring(p.permalink().lastIndexOf('/') + 1);
      if (mine.equals(fingerprint)) return Optional.of(new Resolved(p, true));
      int distance = Long.bitCount(simHashOf(mine) ^ wantedSim);
      if (distance < best) {
        best = distance;
        nearest = p;
      }
    }
    return nearest == null ? Optional.empty() : Optional.of(new Resolved(nearest, false));
  }

  /** The SimHash part of a well-formed fingerprint. */
  private static long simHashOf(String fingerprint) {
    return Long.parseUnsignedLong(fingerprint.substring(0, 16), 16);
  }

  /**
   * A 64-bit SimHash of the words (runs of letters and digits, case-folded) of {@code text}: each
   * bit is the majority vote of that bit over the words' 64-bit hashes.
   */
  static long simHash(String text) {
    int[] votes = new int[64];
    long h = FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0, n = text.length(); i < n; ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        h = (h ^ Character.toLowerCase(c)) * FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        vote(votes, mix(h));
        h = FNV_OFFSET;
        inWord = false;
      }
    }
    if (inWord) vote(votes, mix(h));
    long sim = 0;
    for (int b = 0; b < 64; b++) if (votes[b] > 0) sim |= 1L << b;
    return sim;
  }

  private static void vote(int[] votes, long hash) {
    for (int b = 0; b < 64; b++) votes[b] += (hash >>> b & 1) == 1 ? 1 : -1;
  }

  /** A 64-bit finaliser (MurmurHash3's fmix64): spreads an FNV hash over all bits. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb93e2c4b0e53L;
    k ^= k >>> 33;
    return k;
  }
}
