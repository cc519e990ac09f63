package passages.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        "+text:update +text:talk +text:resume", queries.parse("Update: talks resume").toString());
    // a colon before a space is punctuation wherever it is (these were 400s)
    assertEquals(
        "+text:opinion +text:iowa +text:revenge",
        queries.parse("OPINION: Iowa: Revenge").toString());
    assertEquals("+text:\"rate shock\" +text:lie", queries.parse("\"Rate shock\": lie").toString());
    // a field's name before it is still refused
    assertThrows(InvalidRequestException.class, () -> queries.parse("outlet: CNN"));
  }

  @Test
  void onlyExclusions_excludeFromEveryParagraph() {
    assertEquals("+*:* -text:wall", queries.parse("NOT wall").toString());
    assertEquals("+*:* -text:wall", queries.parse("-wall").toString());
    assertEquals("+*:* -text:wall -text:fence", queries.parse("!wall -fence").toString());
    assertEquals(
        "+text:chip +(+*:* -(text:nvidia))", queries.parse("chips AND (NOT nvidia)").toString());
    // a query of no words still matches nothing
    assertEquals("", queries.parse("...").toString());
    // a query that includes something is left as the parser made it
    assertEquals("+text:chip -(text:nvidia)", queries.parse("chips NOT nvidia").toString());
  }

  @Test
  void typographicQuotes_makeAPhrase() {
    assertEquals("text:\"border wall\"", queries.parse("\u201Cborder wall\u201D").toString());
    assertEquals("text:\"border wall\"", queries.parse("\u201Eborder wall\u201C").toString());
    assertEquals(
        queries.parse("\"border wall\"").toString(),
        queries.parse("\uFF02border wall\uFF02").toString());
  }

  @Test
  void unclosedQuote_isRefusedSayingSo() {
    for (String q : new String[] {"\"", "he said \"no", "\"a\" \"b", "\"a \u201Cb\u201D"}) {
      var e = assertThrows(InvalidRequestException.class, () -> queries.parse(q), q);
      assertEquals(
          "invalid query: a quote (\") is not closed; close the phrase, or remove the quote to search the words",
          e.getMessage());
    }
    // typographic quotes that do not pair up stay punctuation, as they were (a pasted excerpt that
    // starts inside a quote, mis-decoded text)
    assertEquals("+text:border +text:wall", queries.parse("\u201Cborder wall").toString());
    // an escaped quote is a character, not a phrase
    assertEquals("text:5", queries.parse("5\\\"").toString());
  }

  @Test
  void punctuationInOrAfterAWord_isText_notSyntax() {
    // these were "Lexical error … (in lexical state 2)": the slash opened a regular expression
    assertEquals("text:\"9 11\"", queries.parse("9/11").toString());
    assertEquals("+text:\"and or\" +text:vote", queries.parse("and/or vote").toString());
    assertEquals(queries.parse("\"9/11\"").toString(), queries.parse("9/11").toString());
    // "Build the wall!" (a 400 "Encountered <EOF>"); "!wall" is still NOT wall
    assertEquals("+text:build +text:wall", queries.parse("Build wall!").toString());
    assertEquals("+*:* -text:wall", queries.parse("!wall").toString());
    // "Who will pay for the wall?" found nothing: wall? was a wildcard that never matches "wall"
    assertEquals("+text:pay +text:wall", queries.parse("pay wall?").toString());
    assertEquals("+text:pay +text:wall", queries.parse("(pay wall??)").toString());
    assertEquals("text:wa?l", queries.parse("wa?l").toString());
    // a slash that starts a term is still a regular expression, refused as before
    var e = assertThrows(InvalidRequestException.class, () -> queries.parse("9/11 /ab+c/"));
    assertEquals(
        "invalid query: Cannot parse '9/11 /ab+c/': regular expressions (/…/) are not supported;"
            + " use words, \"phrases\" or prefix*",
        e.getMessage());
  }
}
