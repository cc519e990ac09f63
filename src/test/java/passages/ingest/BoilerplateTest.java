package passages.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import passages.model.Paragraph;

class BoilerplateTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.|COPYRIGHT",
      "© 2020 Example Media. All rights reserved.|COPYRIGHT",
      "Sign up for Daily Newsletters Manage Newsletters|SIGNUP",
      "Get the Monitor Stories you care about delivered to your inbox. By signing up, you agree to our Privacy Policy.|SIGNUP",
      "CLICK HERE TO GET THE FOX NEWS APP|SIGNUP",
      "Follow @politico|SIGNUP",
      "- Follow the Ticker on Twitter: @PoliticalTicker|SIGNUP",
      "Image copyright Getty Images|MEDIA_LABEL",
      "Photo|MEDIA_LABEL",
      "Slideshow (2 Images)|MEDIA_LABEL",
      "6 years ago|TIMESTAMP",
      "This article is more than 1 year old|TIMESTAMP",
      "• • •|SEPARATOR",
      "___|SEPARATOR",
      "The company said its copyright claims against the startup were dismissed on Monday.|-",
      "Lawmakers voted to sign up more states for the program, officials said.|-",
      "The photo was taken in 2019, a spokesman said.|-",
      "Follow the money, investigators told the committee.|-",
  })
  void match_lineShapes(String line, DropReason expected) {
    assertEquals(expected, Boilerplate.match(line));
  }

  @Test
  void cleanBlocks_jsonlParagraphs_dropBoilerplateKeepBody() {
    CleanedText cleaned = TextCleaner.cleanBlocks(List.of(
        "Senators reached a deal late on Tuesday.\nThe vote is expected Friday.",
        "Advertisement",
        "Story Continued Below",
        "What comes next",
        "The bill now goes to the House.",
        "Copyright © 2019 The Washington Times, LLC."), false);

    assertEquals(null, cleaned.title());
    assertEquals(List.of(
        new Paragraph(1, null, "Senators reached a deal late on Tuesday. The vote is expected Friday."),
        new Paragraph(2, "What comes next", "The bill now goes to the House.")), cleaned.paragraphs());
    assertEquals(List.of(
        new DroppedLine(2, "Advertisement", DropReason.AD_LABEL),
        new DroppedLine(3, "Story Continued Below", DropReason.AD_LABEL),
        new DroppedLine(6, "Copyright © 2019 The Washington Times, LLC.", DropReason.COPYRIGHT)), cleaned.dropped());
  }
}
