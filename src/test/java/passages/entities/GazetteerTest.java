package passages.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  @Test
  void bundledData_everySurfaceFormNamesOneEntity() {
    assertEquals("[]", Gazetteer.bundled().addTo(new NameTrie()).toString());
  }

  @Test
  void bundledData_isGenerous() {
    assertTrue(
        Gazetteer.bundled().forms.size() > 2000, "entries: " + Gazetteer.bundled().forms.size());
  }

  @Test
  void read_rejectsUnknownTypeAndMissingCanonical_namingTheLine() {
    Gazetteer g = new Gazetteer();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                g.read(
                    new BufferedReader(new StringReader("# c\norg\tAcme\nthing\tX\n")),
                    "extra.tsv"));
    assertEquals("extra.tsv:3: unknown type 'thing'", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> g.read(new BufferedReader(new StringReader("org\n")), "x.tsv"));
    assertEquals("x.tsv:1: expected 'type<TAB>canonical[<TAB>alias...]'", e.getMessage());
  }
}
