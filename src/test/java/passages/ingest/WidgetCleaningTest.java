package passages.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import passages.model.Paragraph;
import passages.model.ParagraphKind;

/**
 * Widgets, promos, teasers, tags, embeds and bios dropped; captions kept as captions; headings only
 * from heading-shaped lines. Every near miss below is body text or a heading that must stay;
 * several are lines from allsides that an earlier version of a rule dropped.
 */
class WidgetCleaningTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Play Video 0:41 Fox News host Sean Hannity makes U-turn in Trump-Mueller report – video|VIDEO_PLAYER",
        "CLOSE President Donald Trump signed an executive order to keep families together. USA TODAY|VIDEO_PLAYER",
        "( Also on POLITICO: Who is Dave Brat?)|STORY_PROMO",
        "( ALSO on POLITICO: Clinton's Obama challenge)|STORY_PROMO",
        "( POLITICO Podcast: Midterm countdown)|STORY_PROMO",
        "The Wall - An in-depth examination of Donald Trump's border wall|STORY_PROMO",
        "POLICING THE USA: A look at race, justice, media|STORY_PROMO",
        "Series: Coronavirus Is the United States Prepared for COVID-19?|TOPIC_TAG",
        "Articles of Impeachment by acohnthehill on Scribd|EMBED",
        "Story highlights The shooter gunned down a man and a woman, base officials said|TEASER",
        "Alex Wong/Getty Images|MEDIA_LABEL",
        "(Jonathan Ernst/Reuters)|MEDIA_LABEL",
        "Olivier Douliery/Abaca|MEDIA_LABEL",
        "Sound The gallery will resume in seconds|MEDIA_LABEL",
        "prev Image 2 of 2|MEDIA_LABEL",
        "Follow CNN Opinion Join us on Twitter and Facebook|SIGNUP",
        "Sign up for the US morning briefing|SIGNUP",
        "Newsletter Sign-up|SIGNUP",
        "Link Copied|SIGNUP",
        "Thank you for signing up. For more from The Nation, check out our latest issue|SIGNUP",
        "CLICK HERE FOR COMPLETE CORONAVIRUS COVERAGE|RELATED",
        "Full Coverage: Virus Outbreak|RELATED",
        "PHOTOS: See Obama's biggest White House fails|RELATED",
        "Watch the latest video at video.foxnews.com|RELATED",
        "Follow the money, investigators told the committee on Twitter.|-",
        "Thank you for your service, he told the veterans.|-",
        "Photo: Students in a 9th grade U.S. government class at Valley View Middle School in Edina, Minn., work amid past campaign posters.|-",
        "CLICK HERE FOR THE FOX NEWS APP|SIGNUP",
        "LISTEN TO ARTICLE 4:07 SHARE THIS ARTICLE Share Tweet Post Email|SIGNUP",
        // near misses: body text, quotes and headings
        "\"I will call up the U.S. Military and CLOSE OUR SOUTHERN BORDER!\" he tweeted Thursday.|-",
        "CLOSE OUR SOUTHERN BORDER, the president wrote.|-",
        "The senators played video of the hearing, 41 minutes of it.|-",
        "( Also, the vote was delayed.)|-",
        "The documents were first posted on Scribd by a reporter, who later removed them.|-",
        "The story highlights how little the agency knew.|-",
        "Series of storms hit the coast on Monday.|-",
        "Israel|-",
        "The Wall Street Journal first reported the deal.|-",
      })
  void match_newShapes(String line, DropReason expected) {
    assertEquals(expected, Boilerplate.match(line));
  }

  @Test
  void cleanBlocks_politicoStoryCard_droppedButCaptionWithCreditKept() {
    String card =
        "Donald Trump said Ted Cruz's immigration game is \"actually quite weak.\" | AP Photo Cruz copying me on "
            + "border wall, Trump says";
    // a caption whose credit names two photographers: the text after the "|" is a credit, not
    // another story
    String caption =
        "Top: Then-New York Governor George Pataki (left) and Mayor Giuliani tour the site the day after 9/11. "
            + "| AP Photo/Robert F. Bukaty; Amanda Edwards/Getty Images";
    String body = "The president repeated the claim at a rally in Iowa on Tuesday, aides said.";

    CleanedText cleaned = TextCleaner.cleanBlocks(List.of(body, card, caption), false);

    assertEquals(
        List.of(
            new Paragraph(1, null, body), new Paragraph(2, null, caption, ParagraphKind.CAPTION)),
        cleaned.paragraphs());
    assertEquals(List.of(new DroppedLine(2, card, DropReason.STORY_PROMO)), cleaned.dropped());
  }

  @Test
  void cleanBlocks_ownCardWithKnownHeadline_captionKeptHeadlineCutDekKept() {
    String card =
        "Former vice president Joe Biden speaks at a campaign event at The River Center on May in Des"
            + " Moines, Iowa. | Scott Olson/Getty Images 2020 elections Iowa poll: Biden stretches lead"
            + " over Sanders Elizabeth Warren holds a strong position as Pete Buttigieg surges.";
    String body = "Biden leads with 24 percent, the poll found, down from 27 percent in March.";

    CleanedText cleaned =
        TextCleaner.cleanBlocks(
            List.of(card, body), "Iowa poll: Biden stretches lead over Sanders");

    assertEquals(
        List.of(
            new Paragraph(
                1,
                null,
                "Former vice president Joe Biden speaks at a campaign event at The River Center on"
                    + " May in Des Moines, Iowa. | Scott Olson/Getty Images",
                ParagraphKind.CAPTION),
            new Paragraph(
                2, null, "Elizabeth Warren holds a strong position as Pete Buttigieg surges."),
            new Paragraph(3, null, body)),
        cleaned.paragraphs());
    assertEquals(
        List.of(
            new DroppedLine(
                1,
                "2020 elections Iowa poll: Biden stretches lead over Sanders",
                DropReason.REPEATED_HEADLINE)),
        cleaned.dropped());
    assertNull(cleaned.title());
  }

  @Test
  void cleanBlocks_ownCard_headlineFoundWithStraightQuotesShortDekNeverAHeading() {
    // the corpus' title has straight quotes, the card curly ones; the dek is short and ends in a
    // quote, the shape of a heading, but it is the dek
    String card =
        "“During the 2016 presidential campaign, Russia launched an all-out assault on our"
            + " democracy,” DNC Chair Tom Perez said. | Joe Raedle/Getty Images DNC sues Russian"
            + " government, Trump campaign over ‘hacking’ The Trump campaign slams the suit as"
            + " 'frivolous.'";
    String body = "The complaint was filed on Friday in federal court in Manhattan.";

    CleanedText cleaned =
        TextCleaner.cleanBlocks(
            List.of(card, body), "DNC sues Russian government, Trump campaign over 'hacking'");

    assertEquals(
        List.of(
            new Paragraph(
                1,
                null,
                "“During the 2016 presidential campaign, Russia launched an all-out assault on our"
                    + " democracy,” DNC Chair Tom Perez said. | Joe Raedle/Getty Images",
                ParagraphKind.CAPTION),
            new Paragraph(2, null, "The Trump campaign slams the suit as 'frivolous.'"),
            new Paragraph(3, null, body)),
        cleaned.paragraphs());
    assertEquals(
        List.of(
            new DroppedLine(
                1,
                "DNC sues Russian government, Trump campaign over ‘hacking’",
                DropReason.REPEATED_HEADLINE)),
        cleaned.dropped());
  }

  @Test
  void cleanBlocks_cardOfAnotherHeadline_orPipeInBody_notSplit() {
    // the headline on the card is not the article's: a story card, dropped whole
    String card =
        "Republicans are in no mood to give the IRS any more authority. | John Shinkle/POLITICO GOP"
            + " rejects tax crackdown";
    String table = "The vote was 52 | 48, with two senators absent and one voting present.";

    CleanedText cleaned =
        TextCleaner.cleanBlocks(List.of(card, table), "Senate Republicans reject IRS powers");

    assertEquals(List.of(new Paragraph(1, null, table)), cleaned.paragraphs());
    assertEquals(List.of(new DroppedLine(1, card, DropReason.STORY_PROMO)), cleaned.dropped());
  }

  @Test
  void cleanBlocks_authorBoxGluedToShareBar_droppedAsBio() {
    String box =
        "Noah Feldman is a Bloomberg Opinion columnist. He is a professor of law at Harvard University"
            + " and was a clerk to U.S. Supreme Court Justice David Souter. His books include “The"
            + " Three Lives of James Madison: Genius, Partisan, President.” Read more opinion LISTEN TO"
            + " ARTICLE 5:13 SHARE THIS ARTICLE Share Tweet Post Email";
    // the words alone, in a sentence, are text
    String body =
        "Readers who want to read more opinion pieces like this one can find them on the site.";

    CleanedText cleaned = TextCleaner.cleanBlocks(List.of(box, body), false);

    assertEquals(List.of(new Paragraph(1, null, body)), cleaned.paragraphs());
    assertEquals(List.of(new DroppedLine(1, box, DropReason.AUTHOR_BIO)), cleaned.dropped());
  }

  @Test
  void cleanBlocks_editorsNoteWithOpinionNotice_droppedButDatelinedIntroKept() {
    String note =
        "Editor's note: Errol Louis is the host of \"Inside City Hall,\" a nightly political show on"
            + " NY1, a New York all-news channel. The opinions expressed in this commentary are solely"
            + " those of the author.";
    String bio =
        "Douglas Brinkley is CNN presidential historian and author of \"Cronkite.\" The opinions"
            + " expressed in this commentary are his.";
    // a paragraph that opens with the dateline is the article's own text, notice or not
    String intro =
        "(CNN) Hillary Clinton has become the first woman nominated by a major party for president of"
            + " the United States. CNN asked a group of illustrious women to weigh in on the meaning of"
            + " this moment. The opinions expressed in these commentaries are theirs.";

    CleanedText cleaned = TextCleaner.cleanBlocks(List.of(note, bio, intro), false);

    assertEquals(List.of(new Paragraph(1, null, intro)), cleaned.paragraphs());
    assertEquals(
        List.of(
            new DroppedLine(1, note, DropReason.NOTICE),
            new DroppedLine(2, bio, DropReason.NOTICE)),
        cleaned.dropped());
  }

  @Test
  void cleanBlocks_videoPlayerGluedIntoParagraph_cutOutAndTextKept() {
    String player =
        "JUST WATCHED Bangladeshi army: 'Sharp weapons' used to kill hostages Replay More Videos ... MUST WATCH "
            + "Bangladeshi army: 'Sharp weapons' used to kill hostages 01:55";
    String lone =
        "JUST WATCHED Senator: Endgame needed in Syria Replay More Videos ... MUST WATCH Senator: Endgame needed in Syria 01:16";
    String cut =
        "JUST WATCHED Toobin: Not a good day for the FBI Replay More Videos ... MUST WATCH";

    CleanedText cleaned =
        TextCleaner.cleanBlocks(
            List.of(
                "ISIS claimed responsibility for the attack through its media branch, Amaq. "
                    + player
                    + " The photos were posted on Amaq while the siege was ongoing.",
                lone,
                cut),
            false);

    assertEquals(
        List.of(
            new Paragraph(
                1,
                null,
                "ISIS claimed responsibility for the attack through its media branch, Amaq. "
                    + "The photos were posted on Amaq while the siege was ongoing.")),
        cleaned.paragraphs());
    assertEquals(
        List.of(
            new DroppedLine(1, player, DropReason.VIDEO_PLAYER),
            new DroppedLine(2, lone, DropReason.VIDEO_PLAYER),
            new DroppedLine(3, cut, DropReason.VIDEO_PLAYER)),
        cleaned.dropped());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      value = {
        "Vice President Mike Pence leaves the U.S. Capitol building in Washington, Tuesday, March 12, 2019. (AP Photo/Andrew Harnik)#true",
        "Protesters rally near the Massachusetts State House in Boston. (Photo by Scott Eisen/Getty Images)#true",
        "FILE PHOTO: CIA Director Mike Pompeo leaves a meeting on Capitol Hill in Washington, U.S., April 18, 2018. REUTERS/Aaron P. Bernstein#true",
        "FILE - In this April 2, 2020 file photo, signs are displayed in the window of a store in Grosse Pointe Woods, Mich.#true",
        "Customs and Border Protection acting Commissioner John Sanders during a news conference. (Anna Moneymaker/Getty Images)#true",
        "Protesters display placards in New Delhi on June 18, 2020. (Prakash Singh/AFP via Getty Images)#true",
        "Rudy Giuliani speaks to reporters outside the White House. | Alex Wong/Getty Images#true",
        "Joaquin Phoenix and Renée Zellweger. Photo: Shutterstock#true",
        // near misses
        "The photographer, who works for AP Photo, said the picture was taken in March.#false",
        "Getty Images, the photo agency, said it had removed the pictures from its site.#false",
        "Reuters reported the deal on Tuesday, citing two people familiar with the matter.#false",
        "He said the 50/50 split was fair (a deal the Senate passed).#false",
        "FILE this under things nobody expected.#false",
      })
  void isCaption_creditShapes(String line, boolean expected) {
    assertEquals(expected, Captions.isCaption(line, line.split(" ").length));
  }

  @Test
  void cleanBlocks_captionUnderHeading_keepsSectionAndNeverBecomesOne() {
    CleanedText cleaned =
        TextCleaner.cleanBlocks(
            List.of(
                "The committee met behind closed doors on Monday.",
                "What happens next",
                "Nancy Pelosi speaks to reporters on Capitol Hill in Washington, U.S., May 3, 2020. REUTERS/Jonathan Ernst",
                "The vote is expected on Friday, aides said."),
            false);

    assertEquals(
        List.of(
            new Paragraph(1, null, "The committee met behind closed doors on Monday."),
            new Paragraph(
                2,
                "What happens next",
                "Nancy Pelosi speaks to reporters on Capitol Hill in Washington, U.S., May 3, 2020. REUTERS/Jonathan Ernst",
                ParagraphKind.CAPTION),
            new Paragraph(3, "What happens next", "The vote is expected on Friday, aides said.")),
        cleaned.paragraphs());
  }

  @Test
  void cleanBlocks_bylinesCreditsAndWidgetText_neverSections() {
    CleanedText cleaned =
        TextCleaner.cleanBlocks(
            List.of(
                "Michael Collins and David Jackson",
                "USA TODAY",
                "WASHINGTON – Efforts to pass a short-term spending bill collapsed Thursday.",
                "By Jane Doe",
                "The vote was delayed again.",
                "Patrick Buchanan, The American Conservative",
                "The party has lost its way, he wrote.",
                "mark mazzetti",
                "Well —",
                "So what happened next?",
                "Updated 11/19/2013 at 1:33 p.m. ET",
                "The governor signed the bill.",
                "Analysis by Anthony Zurcher, BBC News, Washington",
                "The vote is a test for the speaker.",
                "Sign up for the morning news",
                "Officials said the plan would cost $2 billion.",
                "From the Right",
                "The bill is a mistake, critics said.",
                "Doing Well, Despite Modest Scores",
                "Students admitted without scores did as well as the others.",
                "Follow elevator etiquette",
                "Riding the elevator with someone is a short time to be exposed.",
                "5 things to watch this week",
                "1. Climbing death toll: the number keeps rising."),
            false);

    assertEquals(
        List.of(
            new Paragraph(1, null, "Michael Collins and David Jackson"),
            new Paragraph(2, null, "USA TODAY"),
            new Paragraph(
                3,
                null,
                "WASHINGTON – Efforts to pass a short-term spending bill collapsed Thursday."),
            new Paragraph(4, null, "By Jane Doe"),
            new Paragraph(5, null, "The vote was delayed again."),
            new Paragraph(6, null, "Patrick Buchanan, The American Conservative"),
            new Paragraph(7, null, "The party has lost its way, he wrote."),
            new Paragraph(8, null, "mark mazzetti"),
            new Paragraph(9, null, "Well —"),
            new Paragraph(10, null, "So what happened next?"),
            new Paragraph(11, null, "Updated 11/19/2013 at 1:33 p.m. ET"),
            new Paragraph(12, null, "The governor signed the bill."),
            new Paragraph(13, null, "Analysis by Anthony Zurcher, BBC News, Washington"),
            new Paragraph(14, null, "The vote is a test for the speaker."),
            new Paragraph(15, null, "Sign up for the morning news"),
            new Paragraph(16, null, "Officials said the plan would cost $2 billion."),
            new Paragraph(17, "From the Right", "The bill is a mistake, critics said."),
            new Paragraph(
                18,
                "Doing Well, Despite Modest Scores",
                "Students admitted without scores did as well as the others."),
            new Paragraph(
                19,
                "Follow elevator etiquette",
                "Riding the elevator with someone is a short time to be exposed."),
            new Paragraph(
                20,
                "5 things to watch this week",
                "1. Climbing death toll: the number keeps rising.")),
        cleaned.paragraphs());
  }

  @Test
  void cleanBlocks_storyHighlights_teaserAndItsLinesDropped() {
    CleanedText cleaned =
        TextCleaner.cleanBlocks(
            List.of(
                "Story highlights A Democratic budget plan calls for both spending cuts and more tax revenue",
                "President Obama meets with House Republicans for talks that define their differences",
                "Budget proposals show the deep ideological divide between the parties",
                "Nothing, it seems, can bridge the bottomless political divide in Washington over taxes and spending."),
            false);

    assertEquals(
        List.of(
            new Paragraph(
                1,
                null,
                "Nothing, it seems, can bridge the bottomless political divide in Washington over taxes and spending.")),
        cleaned.paragraphs());
    assertEquals(
        List.of(DropReason.TEASER, DropReason.TEASER, DropReason.TEASER),
        cleaned.dropped().stream().map(DroppedLine::reason).toList());
  }

  @Test
  void cleanBlocks_topicTagsOpeningTheArticle_dropped_openingHeadingKept() {
    CleanedText tagged =
        TextCleaner.cleanBlocks(
            List.of(
                "Trump Administration The 45th President and His Administration",
                "ProPublica is a nonprofit newsroom that investigates abuses of power. Sign up to receive our biggest stories as soon as they’re published.",
                "The agency rewrote the rule in 2018, records show."),
            false);
    CleanedText column =
        TextCleaner.cleanBlocks(
            List.of(
                "The TAKE with Rick Klein",
                "Interested in The Note? Add The Note as an interest to stay up to date on the latest The Note news, video, and analysis from ABC News. Add Interest",
                "Call it a walk-back, a cleanup or a clarification."),
            false);

    assertEquals(
        List.of(new Paragraph(1, null, "The agency rewrote the rule in 2018, records show.")),
        tagged.paragraphs());
    assertEquals(
        List.of(DropReason.TOPIC_TAG, DropReason.SIGNUP),
        tagged.dropped().stream().map(DroppedLine::reason).toList());
    assertEquals(
        List.of(
            new Paragraph(
                1,
                "The TAKE with Rick Klein",
                "Call it a walk-back, a cleanup or a clarification.")),
        column.paragraphs());
  }

  @Test
  void cleanBlocks_authorBiosEndingTheArticle_dropped_bioShapedBodyKept() {
    String body =
        "Appointing Mr. Klain is the sort of thing a political or public relations adviser might suggest to a president.";
    String quoted =
        "Jane Roe is a professor at Ohio State who studied the program for a decade, and she says it works.";
    CleanedText cleaned =
        TextCleaner.cleanBlocks(
            List.of(
                quoted,
                "The program ends next year.",
                body,
                "• Emmanuel Saez and Gabriel Zucman are economics professors at the University of California, Berkeley",
                "Stephen Moore is a senior fellow at the Heritage Foundation. His latest book is \"Trumponomics.\"",
                "Copyright © 2019 The Washington Times, LLC."),
            false);

    assertEquals(
        List.of(
            new Paragraph(1, null, quoted),
            new Paragraph(2, null, "The program ends next year."),
            new Paragraph(3, null, body)),
        cleaned.paragraphs());
    assertEquals(
        List.of(DropReason.AUTHOR_BIO, DropReason.AUTHOR_BIO, DropReason.COPYRIGHT),
        cleaned.dropped().stream().map(DroppedLine::reason).toList());
  }

  @Test
  void cleanBlocks_bioShapedLastLine_droppedOnlyAtTheEnd() {
    String bioShaped =
        "Chinese President Xi Jinping is likely to visit Saudi Arabia next year as it is the host of the 2020 G20 summit.";
    CleanedText cleaned =
        TextCleaner.cleanBlocks(List.of("Talks resumed in Riyadh on Sunday.", bioShaped), false);

    assertEquals(2, cleaned.paragraphs().size());
  }
}
