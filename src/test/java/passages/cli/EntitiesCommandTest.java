package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EntitiesCommandTest {

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cmd = new CommandLine(new EntitiesCommand());
    cmd.setOut(new PrintWriter(out));
    assertEquals(0, cmd.execute(args));
    return out.toString();
  }

  @Test
  void json_onObjectPerParagraph_exactFieldNames() throws Exception {
    String out = run("--json", "--text", "OpenAI’s deal with AWS.\nNo names here.");
    String[] lines = out.strip().split("\n");
    assertEquals(2, lines.length);
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertEquals(1, first.get("paragraph").asInt());
    assertEquals("OpenAI’s deal with AWS.", first.get("text").asText());
    assertEquals(
        "{\"type\":\"org\",\"value\":\"OpenAI\",\"text\":\"OpenAI\",\"start\":0,\"end\":6}",
        first.get("entities").get(0).toString());
    assertEquals("Amazon Web Services", first.get("entities").get(1).get("value").asText());
    assertEquals(0, new ObjectMapper().readTree(lines[1]).get("entities").size());
  }

  @Test
  void text_listsTypeValueSurfaceAndOffsets() {
    String out = run("--text", "Amazon may invest $10B.");
    assertEquals(
        """
        [1] Amazon may invest $10B.
            org     Amazon                       'Amazon' 0-6
            money   $10 billion                  '$10B' 18-22
        """,
        out.replace("\r", ""));
  }

  @Test
  void file_isCleanedLikeIndexing_titleHeadingsAndJunkAreNotParagraphs(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("a.txt");
    Files.writeString(
        f,
        "Nvidia Sells Chips\n\nNvidia sells chips to OpenAI.\nWhy it matters\nAmazon wants some too.\nAdvertisement\n");
    String[] lines = run("--json", f.toString()).strip().split("\n");
    assertEquals(2, lines.length);
    assertEquals(
        "Nvidia sells chips to OpenAI.",
        new ObjectMapper().readTree(lines[0]).get("text").asText());
    assertEquals(2, new ObjectMapper().readTree(lines[1]).get("paragraph").asInt());
  }

  @Test
  void missingInput_isAUsageError() {
    assertEquals(
        2,
        new CommandLine(new EntitiesCommand())
            .setErr(new PrintWriter(new StringWriter()))
            .execute());
  }
}
