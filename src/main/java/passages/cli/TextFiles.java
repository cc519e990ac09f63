package passages.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import passages.ingest.TextDecoding;

/**
 * Reads the one text article a command ({@code clean}, {@code entities}) is given; every problem is
 * a one-line {@link UserException} naming the file.
 */
final class TextFiles {
  private TextFiles() {}

  /**
   * The text of {@code file}, strictly UTF-8 (a leading BOM dropped).
   *
   * @throws UserException when it is missing or a directory (exit 1), a web page or a JSONL corpus
   *     rather than a text article (exit 2), or not UTF-8 (exit 1)
   */
  static String read(Path file, String command) throws IOException {
    if (Files.isDirectory(file))
      throw new UserException(
          file + " is a directory; " + command + " takes one text article (a .txt file)",
          Main.EXIT_FAILURE);
    if (!Files.isRegularFile(file))
      throw new UserException("no such file: " + file, Main.EXIT_FAILURE);
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.matches(".*\\.(html?|xhtml)(\\.gz)?"))
      throw new UserException(
          file
              + " is a web page; "
              + command
              + " takes a text article (get its text with: passages extract "
              + file
              + ")",
          Main.EXIT_USAGE);
    if (name.matches(".*\\.jsonl?(\\.gz)?") || name.endsWith(".gz"))
      throw new UserException(
          file
              + " is a corpus of articles, not one text article; "
              + command
              + " takes a .txt file",
          Main.EXIT_USAGE);
    try {
      return TextDecoding.decodeUtf8(Files.readAllBytes(file));
    } catch (CharacterCodingException e) {
      throw new UserException(file + ": not valid UTF-8 text", Main.EXIT_FAILURE);
    }
  }
}
