package passages.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Exact tokens as {@code term/position[start,end]}. */
class NewsAnalyzerTest {
  private final Analyzer index = NewsAnalyzer.forIndexing();
  private final Analyzer query = NewsAnalyzer.forQueries();

  @Test
  void index_letterDigitWord_keepsWholeAndParts() throws IOException {
    assertEquals(
        List.of(
            "trainium3/0[0,9]",
            "trainium/0[0,9]",
            "trn/0[0,9]",
            "3/1[0,9]",
            "accelerator/2[10,21]"),
        tokens(index, "Trainium3 accelerator"));
  }

  @Test
  void index_trnNames_stackTrainiumAlias() throws IOException {
    assertEquals(
        List.of("trn3/0[1,5]", "trn/0[1,5]", "trainium/0[1,5]", "3/1[1,5]"),
        tokens(index, "(Trn3)"));
  }

  @Test
  void query_letterDigitWord_noAliases() throws IOException {
    assertEquals(
        List.of("trainium3/0[0,9]", "trainium/0[0,9]", "3/1[0,9]"), tokens(query, "Trainium3"));
  }

  @Test
  void plurals_stemmed_butNotNewsOrIts() throws IOException {
    assertEquals(
        List.of("chip/0[0,5]", "news/1[6,10]", "its/2[11,14]", "new/3[15,18]", "it/4[19,21]"),
        tokens(query, "chips news its new it"));
    assertEquals(tokens(index, "news its"), tokens(query, "news its"));
  }

  @Test
  void dottedAbbreviation_phraseMatchesThroughTheSplitParts() throws IOException {
    // the index flattens "U.S" to u.s (spanning two positions), u, s: "Senate" is at position 2
    assertEquals(
        List.of("u./0[0,3]", "u/0[0,3]", "s/1[0,3]", "senate/2[5,11]"),
        tokens(index, "U.S. Senate"));
  }

  @Test
  void index_capitalsAbbreviation_alsoMarked_lowerCaseWordAndStemNot() throws IOException {
    assertEquals(
        List.of(
            "la/0[0,2]",
            "_la/0[0,2]",
            "la/1[3,5]",
            "la/2[6,9]",
            "la/3[10,13]",
            "_las/3[10,13]",
            "aw/4[14,17]",
            "_aws/4[14,17]"),
        tokens(index, "LA la Las LAS AWS"));
  }

  @Test
  void numberWithGroupSeparators_isOneToken() throws IOException {
    assertEquals(
        List.of("176,617/0[0,7]", "3.5/1[8,11]", "617/2[12,15]"), tokens(index, "176,617 3.5 617"));
    assertEquals(tokens(index, "176,617"), tokens(query, "176,617"));
  }

  @Test
  void curlyPossessive_removed() throws IOException {
    assertEquals(List.of("openai/0[0,8]", "cost/1[9,14]"), tokens(query, "OpenAI’s costs"));
    assertEquals(List.of("openai/0[0,8]"), tokens(query, "OpenAI's"));
  }

  @Test
  void hyphenatedNames_splitIntoParts() throws IOException {
    assertEquals(
        List.of("amazon/0[0,6]", "openai/1[7,13]", "deal/2[14,18]"),
        tokens(index, "Amazon-OpenAI deal"));
  }

  @Test
  void case_folded() throws IOException {
    assertEquals(List.of("nvidia/0[0,6]", "nvidia/1[7,13]"), tokens(index, "NVIDIA Nvidia"));
  }

  @Test
  void dollarAmount_becomesUsdPhrase() throws IOException {
    assertEquals(
        List.of("deal/0[0,4]", "worth/1[5,10]", "usd/2[11,12]", "38/3[12,14]", "billion/4[15,22]"),
        tokens(index, "deal worth $38 billion"));
    assertEquals(
        List.of(
            "usd/0[0,3]",
            "5/1[3,4]",
            "paid/2[5,9]",
            "usd/3[10,11]",
            "10b/4[11,14]",
            "10/4[11,14]",
            "b/5[11,14]"),
        tokens(index, "US$5 paid $10B"));
  }

  @Test
  void accentsAndPlurals_folded() throws IOException {
    assertEquals(List.of("cafe/0[0,4]", "chip/1[5,10]"), tokens(index, "Café chips"));
  }

  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(term + "/" + pos + "[" + off.startOffset() + "," + off.endOffset() + "]");
      }
      ts.end();
    }
    return out;
  }
}
