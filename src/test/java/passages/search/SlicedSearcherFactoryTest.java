package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SlicedSearcherFactoryTest {
  @Test
  void partitionFromProperty_wholeNumbersTaken_otherValuesNamedAndIgnored() {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(100, SlicedSearcherFactory.partitionFromProperty(null, 100));
      assertEquals(5000, SlicedSearcherFactory.partitionFromProperty("5000", 100));
      assertEquals(0, SlicedSearcherFactory.partitionFromProperty(" 0 ", 100));
      assertEquals("", err.toString(StandardCharsets.UTF_8));

      assertEquals(100, SlicedSearcherFactory.partitionFromProperty("abc", 100));
      assertEquals(100, SlicedSearcherFactory.partitionFromProperty("-1", 100));
      assertEquals("passages: -Dpassages.partitionFrom=abc is not a whole number >= 0; using 100\n"
          + "passages: -Dpassages.partitionFrom=-1 is not a whole number >= 0; using 100\n",
          err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    } finally {
      System.setErr(saved);
    }
  }
}
