package passages.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Streams the lines of a JSONL file ({@code .gz} transparently) as {@link CorpusItem}s, one per
 * non-blank line, in constant memory. Each line is decoded strictly on its own, so a bad line fails
 * alone.
 */
final class JsonlReader {
  /** Longer lines are reported and skipped rather than held in memory. */
  static final int MAX_LINE_BYTES = 16 << 20;

  private JsonlReader() {}

  /**
   * Reads {@code file}, handing one item per line to {@code sink}; {@code bytesRead} grows with the
   * (compressed) bytes consumed, for progress reporting.
   */
  static void read(Path file, AtomicLong bytesRead, Consumer<CorpusItem> sink) throws IOException {
    boolean gz = file.getFileName().toString().endsWith(".gz");
    if (!gz && gzipped(file)) {
      // every line would fail as "not valid UTF-8": say once what the file is
      throw new IOException(
          "the file is gzip-compressed; name it " + file.getFileName() + ".gz to read it");
    }
    try (InputStream raw = new CountingInputStream(Files.newInputStream(file), bytesRead);
        InputStream in =
            file.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(raw, 1 << 16)
                : raw) {
      byte[] buf = new byte[1 << 16];
      ByteArrayOutputStream line = new ByteArrayOutputStream(1 << 14);
      int lineNo = 1;
      boolean tooLong = false;
      for (int n; (n = in.read(buf)) > 0; ) {
        int from = 0;
        for (int i = 0; i < n; i++) {
          if (buf[i] != '\n') continue;
          tooLong |= append(line, buf, from, i - from);
          emit(file, lineNo++, line, tooLong, sink);
          line.reset();
          tooLong = false;
          from = i + 1;
        }
        tooLong |= append(line, buf, from, n - from);
      }
      if (line.size() > 0 || tooLong) emit(file, lineNo, line, tooLong, sink);
    }
  }

  /** Whether {@code file} starts with the gzip magic bytes. */
  private static boolean gzipped(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  /** Appends up to the line limit; returns whether bytes had to be left out. */
  private static boolean append(ByteArrayOutputStream line, byte[] buf, int from, int len) {
    int room = MAX_LINE_BYTES - line.size();
    line.write(buf, from, Math.min(room, len));
    return len > room;
  }

  private static void emit(
      Path file,
      int lineNo,
      ByteArrayOutputStream line,
      boolean tooLong,
      Consumer<CorpusItem> sink) {
    Source source = Source.of(file, lineNo);
    if (tooLong) {
      sink.accept(
          new CorpusItem(
              source,
              null,
              () ->
                  new IngestResult.Failed(
                      source, "line longer than " + (MAX_LINE_BYTES >> 20) + " MB, skipped")));
      return;
    }
    byte[] bytes = line.toByteArray();
    boolean blank = true;
    for (byte x : bytes)
      if (x != ' ' && x != '\t' && x != '\r') {
        blank = false;
        break;
      }
    if (blank) return;
    sink.accept(
        new CorpusItem(
            source,
            null,
            () -> {
              try {
                return JsonlArticles.parse(source, TextDecoding.decodeUtf8(bytes));
              } catch (CharacterCodingException e) {
                return new IngestResult.Failed(source, "not valid UTF-8");
              }
            }));
  }

  /** Counts bytes read from the underlying stream. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private final AtomicLong count;

    CountingInputStream(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count.incrementAndGet();
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) count.addAndGet(n);
      return n;
    }
  }
}
