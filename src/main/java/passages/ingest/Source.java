package passages.ingest;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a corpus item comes from: a file, and for one line of a JSONL file its line number. Sorts
 * in corpus order (by file name, then by line); prints as {@code file} or {@code file:line}.
 *
 * @param file the file's path as the corpus reader names it
 * @param line the 1-based line number in a JSONL file, or 0 for a whole file
 */
public record Source(String file, long line) implements Comparable<Source> {
  private static final Comparator<Source> ORDER =
      Comparator.comparing(Source::file).thenComparingLong(Source::line);

  /**
   * @throws IllegalArgumentException for a negative line
   */
  public Source {
    Objects.requireNonNull(file, "file");
    if (line < 0) throw new IllegalArgumentException("line must be >= 0, got " + line);
  }

  /** A whole file. */
  public static Source of(Path file) {
    return new Source(file.toString(), 0);
  }

  /** Line {@code line} (1-based) of {@code file}. */
  public static Source of(Path file, long line) {
    return new Source(file.toString(), line);
  }

  @Override
  public int compareTo(Source other) {
    return ORDER.compare(this, other);
  }

  /** {@code file}, or {@code file:line} for a line of a file: how messages name the item. */
  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line;
  }
}
