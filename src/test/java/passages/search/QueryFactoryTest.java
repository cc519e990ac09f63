package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The Lucene query a text becomes, exactly, where the parsing is ours rather than the classic
 * parser's.
 */
class QueryFactoryTest {
  private final QueryFactory queries = new QueryFactory();

  @Test
  void abbreviation_isItsWholeToken_notAlsoAPhraseOfItsLetters() {
    assertEquals("text:u.", queries.parse("U.S").toString());
    assertEquals("+text:e.g +text:chip", queries.parse("e.g. chips").toString());
  }

  @Test
  void plainWordNamingAnEntity_formsSpelledWithTheWordAreNotSearchedAgain() {
    assertEquals("text:senate", queries.parse("senate").toString());
    // the abbreviation DC is looked up as written in capitals (its marked token), never as the word
    // "dc"
    assertEquals(
        "text:washington text:d.c text:\"district of columbia\" text:_dc",
        queries.parse("washington").toString());
  }

  @Test
  void abbreviationWithAFinalDot_isFoundThroughTheEntityTag_notAsTheWord() {
    // "La." analysed is the word "la" ("La La Land"): Louisiana is found by name and by its tag
    assertEquals(
        "text:louisiana $facets:place\u001fLouisiana", queries.parse("louisiana").toString());
  }

  @Test
  void wordBeforeAColon_namingNoField_isText() {
    assertEquals(
        "+(+text:update +text:talk) +text:resume",
        queries.parse("Update: talks resume").toString());
  }
}
