package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import passages.cli.MainTest.Run;

/** A wrong file given to a command: one line naming it, a non-zero exit, nothing written. */
class CommandInputTest {
  @Test
  void clean_directoryWebPageOrCorpus_saysWhatItIs(@TempDir Path dir) throws Exception {
    Path page =
        Files.writeString(dir.resolve("story.html"), "<html><body><p>Text</p></body></html>");
    Path jsonl = Files.writeString(dir.resolve("news.jsonl"), "{\"id\":\"a\",\"text\":\"x\"}\n");

    assertEquals(
        new Run(
            1,
            "",
            "passages: " + dir + " is a directory; clean takes one text article (a .txt file)\n"),
        MainTest.run("clean", dir.toString()));
    assertEquals(
        new Run(
            2,
            "",
            "passages: "
                + page
                + " is a web page; clean takes a text article (get its text with: passages extract "
                + page
                + ")\n"),
        MainTest.run("clean", page.toString()));
    assertEquals(
        new Run(
            2,
            "",
            "passages: "
                + jsonl
                + " is a corpus of articles, not one text article; clean takes a .txt file\n"),
        MainTest.run("clean", jsonl.toString()));
  }

  @Test
  void entities_missingOrNotUtf8File_isOneLineNamingIt(@TempDir Path dir) throws Exception {
    Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});

    // these printed the Java exception: "NoSuchFileException: …", "MalformedInputException: Input
    // length = 1"
    assertEquals(
        new Run(1, "", "passages: no such file: " + dir.resolve("nope.txt") + "\n"),
        MainTest.run("entities", dir.resolve("nope.txt").toString()));
    assertEquals(
        new Run(1, "", "passages: " + binary + ": not valid UTF-8 text\n"),
        MainTest.run("entities", binary.toString()));
  }

  @Test
  void index_intoAFile_isRefusedAndTheFileKept(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "my notes\n");

    // this printed "FileAlreadyExistsException: …"
    assertEquals(
        new Run(2, "", "passages: the index " + file + " is a file; --index takes a directory\n"),
        MainTest.run("index", "--corpus", "corpus", "--index", file.toString()));
    assertEquals("my notes\n", Files.readString(file));
    assertEquals(
        new Run(2, "", "passages: the index " + file + " is a file; --index takes a directory\n"),
        MainTest.run("search", "x", "--index", file.toString()));
  }
}
