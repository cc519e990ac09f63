package passages.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import passages.model.Paragraph;

class BoilerplateTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
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
        "More:Americans in the dark about Russia 'witch-hunt' just like during the Cold War|RELATED",
        "Read the full story|RELATED",
        "next Image 1 of 2|MEDIA_LABEL",
        "___|SEPARATOR",
        "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking the box.|SIGNUP",
        "Get all the latest news on coronavirus and more delivered daily to your inbox. Sign up here.|SIGNUP",
        "ProPublica is a nonprofit newsroom that investigates abuses of power. Sign up to receive our biggest stories as soon as they’re published.|SIGNUP",
        "Join us on Facebook.com/CNNOpinion.|SIGNUP",
        "Subscribe now for as little as $2 a month!|SIGNUP",
        "The Associated Press contributed to this report.|CREDIT",
        "Fox News' Chad Pergram and Edmund DeMarche contributed to this report|CREDIT",
        "Contributing: The Associated Press|CREDIT",
        "Reporting by Steve Holland; Editing by Mary Milliken|CREDIT",
        "The opinions expressed by columnists are their own and do not represent the views of Townhall.com.|NOTICE",
        "This is a rush transcript. Copy may not be in its final form.|NOTICE",
        "More On This...|RELATED",
        "Also see:|RELATED",
        "( PHOTOS: Senators up for election in 2014)|RELATED",
        "Click for more from Media Buzz.|RELATED",
        "Visit Business Insider's homepage for more stories.|RELATED",
        "(Photo: Martin Taschner/Dreamstime)|MEDIA_LABEL",
        "[pullquote]|MEDIA_LABEL",
        "Loading...|MEDIA_LABEL",
        "Don't see the graphic above? Click here.|MEDIA_LABEL",
        "Photos: The second debate Candidates shake hands after the debate. Hide Caption 1 of 29 Photos: The second debate|MEDIA_LABEL",
        "The company said its copyright claims against the startup were dismissed on Monday.|-",
        "Lawmakers voted to sign up more states for the program, officials said.|-",
        "The photo was taken in 2019, a spokesman said.|-",
        "Follow the money, investigators told the committee.|-",
        "Sure enough, site visitors were told: “Online enrollment is coming soon! Sign up to receive an email notification when it's available.”|-",
        "Millions rushed to sign up for the program before the deadline.|-",
        "Reporting by The Washington Post revealed that the plan had stalled.|-",
        "Contributing to the decline were higher interest rates.|-",
        "More on this later in the week, the senator said.|-",
        "Her reporting contributed to a change in the law.|-",
      })
  void match_lineShapes(String line, DropReason expected) {
    assertEquals(expected, Boilerplate.match(line));
  }

  @Test
  void cleanBlocks_jsonlParagraphs_dropBoilerplateKeepBody() {
    CleanedText cleaned =
        TextCleaner.cleanBlocks(
            List.of(
                "Senators reached a deal late on Tuesday.\nThe vote is expected Friday.",
                "Advertisement",
                "Story Continued Below",
                "What comes next",
                "The bill now goes to the House.",
                "Copyright © 2019 The Washington Times, LLC."),
            false);

    assertEquals(null, cleaned.title());
    assertEquals(
        List.of(
            new Paragraph(
                1, null, "Senators reached a deal late on Tuesday. The vote is expected Friday."),
            new Paragraph(2, "What comes next", "The bill now goes to the House.")),
        cleaned.paragraphs());
    assertEquals(
        List.of(
            new DroppedLine(2, "Advertisement", DropReason.AD_LABEL),
            new DroppedLine(3, "Story Continued Below", DropReason.AD_LABEL),
            new DroppedLine(
                6, "Copyright © 2019 The Washington Times, LLC.", DropReason.COPYRIGHT)),
        cleaned.dropped());
  }

  @Test
  void cleanBlocks_longSignUpWidgetsAndNotices_dropped_longProseKept() {
    String widget =
        "POLITICO Playbook newsletter Sign up today to receive the #1-rated newsletter in politics Email Sign Up "
            + "By signing up you agree to receive email newsletters or alerts from POLITICO. You can unsubscribe at any time. "
            + "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.";
    String notice =
        "Content created by The Daily Caller News Foundation is available without charge to any eligible news "
            + "publisher that can provide a large audience. For licensing opportunities of our original content, please contact "
            + "licensing@dailycallernewsfoundation.org.";
    String prose =
        "Officials said more than a million people tried to sign up for coverage on the first day, and that the "
            + "site, which asked visitors to subscribe to updates, slowed to a crawl as the traffic grew through the afternoon and evening.";
    StringBuilder gallery = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      gallery
          .append(
              "Photos: The second debate The candidates on stage at Hofstra University in Hempstead, New York, on the "
                  + "night of the debate. Hide Caption ")
          .append(i)
          .append(" of 40 ");
    }
    String galleryText = gallery.toString().strip();
    CleanedText cleaned =
        TextCleaner.cleanBlocks(List.of(prose, widget, notice, galleryText), false);

    assertEquals(List.of(new Paragraph(1, null, prose)), cleaned.paragraphs());
    assertEquals(
        List.of(
            new DroppedLine(2, widget, DropReason.SIGNUP),
            new DroppedLine(3, notice, DropReason.NOTICE),
            new DroppedLine(4, galleryText, DropReason.MEDIA_LABEL)),
        cleaned.dropped());
  }
}
