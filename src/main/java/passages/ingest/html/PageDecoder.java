package passages.ingest.html;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Raw page bytes to text: gunzips, then picks the charset from the BOM, else from a {@code <meta>}
 * declaration in the first 4 KB, else UTF-8 when the bytes are valid UTF-8, else windows-1252. A
 * declared single-byte Latin charset is overridden by UTF-8 when the bytes are valid, non-ASCII
 * UTF-8 (a common mislabel), and a declared UTF-8 that is not valid falls back to windows-1252.
 * Stateless and thread-safe.
 */
final class PageDecoder {
  /**
   * Larger pages are cut here: no article is this long, and the DOM of a bigger page may not fit a
   * small heap.
   */
  static final int MAX_BYTES = 5 << 20;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile(
          "<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

  private PageDecoder() {}

  /** Decodes {@code raw}; {@code sourceName} is only used in error messages. */
  static String decode(byte[] raw, String sourceName) throws HtmlExtractionException {
    byte[] bytes = isGzip(raw) ? gunzip(raw, sourceName) : raw;
    int length = Math.min(bytes.length, MAX_BYTES);

    if (startsWith(bytes, 0xEF, 0xBB, 0xBF))
      return new String(bytes, 3, length - 3, StandardCharsets.UTF_8);
    if (startsWith(bytes, 0xFE, 0xFF))
      return new String(bytes, 2, length - 2, StandardCharsets.UTF_16BE);
    if (startsWith(bytes, 0xFF, 0xFE))
      return new String(bytes, 2, length - 2, StandardCharsets.UTF_16LE);

    Charset declared = declaredCharset(bytes, length);
    boolean latin = declared == null || isLatin(declared);
    if (latin || declared.equals(StandardCharsets.UTF_8)) {
      String utf8 = strictUtf8(bytes, length);
      if (utf8 != null) return utf8;
      return new String(
          bytes,
          0,
          length,
          declared == null || declared.equals(StandardCharsets.UTF_8) ? WINDOWS_1252 : declared);
    }
    return new String(bytes, 0, length, declared);
  }

  private static boolean isGzip(byte[] b) {
    return startsWith(b, 0x1F, 0x8B);
  }

  private static byte[] gunzip(byte[] raw, String sourceName) throws HtmlExtractionException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0 && out.size() < MAX_BYTES; ) out.write(buf, 0, n);
      return out.toByteArray();
    } catch (IOException e) {
      String why =
          e instanceof java.io.EOFException || e.getMessage() == null
              ? "truncated"
              : e.getMessage();
      throw new HtmlExtractionException(sourceName, "broken gzip data (" + why + ")", e);
    }
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
    return true;
  }

  /**
   * The charset named by a meta tag or xml declaration near the top, mapped as browsers do; null
   * when none or unknown.
   */
  private static Charset declaredCharset(byte[] bytes, int length) {
    String head = new String(bytes, 0, Math.min(length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = META_CHARSET.matcher(head);
    String name = m.find() ? m.group(1) : null;
    if (name == null) {
      Matcher x = XML_ENCODING.matcher(head);
      name = x.find() ? x.group(1) : null;
    }
    if (name == null) return null;
    name = name.toLowerCase(Locale.ROOT);
    // WHATWG: these labels all mean windows-1252; "utf-16" in a meta tag of an ASCII-compatible
    // page means UTF-8.
    if (name.equals("iso-8859-1")
        || name.equals("latin1")
        || name.equals("us-ascii")
        || name.equals("ascii")) return WINDOWS_1252;
    if (name.startsWith("utf-16")) return StandardCharsets.UTF_8;
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) { // illegal or unsupported name: treat as undeclared
      return null;
    }
  }

  private static boolean isLatin(Charset c) {
    return c.equals(WINDOWS_1252)
        || c.equals(StandardCharsets.ISO_8859_1)
        || c.equals(StandardCharsets.US_ASCII);
  }

  /**
   * The bytes as UTF-8, or null when they are not valid UTF-8 (a sequence cut by the size limit is
   * fine).
   */
  private static String strictUtf8(byte[] bytes, int length) {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, trimPartialSequence(bytes, length)));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Drops an incomplete UTF-8 sequence at the end of the first {@code length} bytes when they were
   * cut.
   */
  private static int trimPartialSequence(byte[] bytes, int length) {
    if (length == bytes.length) return length;
    int i = length;
    while (i > 0 && length - i < 4 && (bytes[i - 1] & 0xC0) == 0x80) i--;
    return i > 0 && (bytes[i - 1] & 0xC0) == 0xC0 ? i - 1 : length;
  }
}
