package passages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IndexOptionsTest {
  @Test
  void partitionFromProperty_wholeNumbersTaken_otherValuesNamedAndIgnored() {
    // first call before stderr is captured: loading the class may print (the fuzz tests' agent
    // names it)
    assertEquals(100, IndexOptions.partitionFromProperty(null, 100));
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(5000, IndexOptions.partitionFromProperty("5000", 100));
      assertEquals(0, IndexOptions.partitionFromProperty(" 0 ", 100));
      assertEquals("", err.toString(StandardCharsets.UTF_8));

      assertEquals(100, IndexOptions.partitionFromProperty("abc", 100));
      assertEquals(100, IndexOptions.partitionFromProperty("-1", 100));
      assertEquals(
          "passages: -Dpassages.partitionFrom=abc is not a whole number >= 0; using 100\n"
              + "passages: -Dpassages.partitionFrom=-1 is not a whole number >= 0; using 100\n",
          err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    } finally {
      System.setErr(saved);
    }
  }
}
