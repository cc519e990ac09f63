package passages.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.util.automaton.RegExp;
import org.junit.jupiter.api.Test;

/**
 * The regular expression the OpenSearch backend matches filter values with, ignoring case (no
 * cluster: it is read with Lucene's own RegExp, as OpenSearch reads a terms aggregation's include).
 */
class CaselessTest {
  @Test
  void lettersMatchEitherCase_everythingElseIsLiteral() {
    assertEquals(
        "[cC][nN][nN]\\ \\([wW][eE][bB]\\ [nN][eE][wW][sS]\\)",
        OpenSearchSearcher.caseless("CNN (Web News)"));
    assertTrue(matches(OpenSearchSearcher.caseless("cnn (web news)"), "CNN (Web News)"));
    assertTrue(matches(OpenSearchSearcher.caseless("É.U."), "é.u."));
    assertFalse(matches(OpenSearchSearcher.caseless("a.b"), "axb"));
    assertTrue(matches(".*" + OpenSearchSearcher.caseless("fox") + ".*", "Fox News (Online)"));
    assertFalse(matches(OpenSearchSearcher.caseless("1+1"), "11"));
  }

  private static boolean matches(String regexp, String value) {
    return new org.apache.lucene.util.automaton.CharacterRunAutomaton(
            org.apache.lucene.util.automaton.Operations.determinize(
                new RegExp(regexp).toAutomaton(),
                org.apache.lucene.util.automaton.Operations.DEFAULT_DETERMINIZE_WORK_LIMIT))
        .run(value);
  }
}
