package passages.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import passages.model.Entity;
import passages.model.EntityType;

/**
 * Exact mentions for the tricky cases: aliases, money forms, possessives, hyphens, headings, promo
 * text.
 */
class EntityExtractorTest {
  private static final EntityExtractor EXTRACTOR = EntityExtractors.create(List.of());

  /** Mentions as "type:value:surface@start", in order. */
  private static String mentions(EntityExtractor extractor, String text) {
    return extractor.extract(text).stream()
        .map(e -> e.type().key() + ":" + e.value() + ":" + e.text() + "@" + e.start())
        .collect(Collectors.joining(" | "));
  }

  private static String mentions(String text) {
    return mentions(EXTRACTOR, text);
  }

  /** Each paragraph's mentions as {@link #mentions}, paragraphs joined by " || ". */
  private static String articleMentions(String... paragraphs) {
    return EXTRACTOR.extractArticle(List.of(paragraphs)).stream()
        .map(
            list ->
                list.stream()
                    .map(e -> e.type().key() + ":" + e.value() + ":" + e.text() + "@" + e.start())
                    .collect(Collectors.joining(" | ")))
        .collect(Collectors.joining(" || "));
  }

  @Test
  void article_surnameAloneTakesTheFullNameMetElsewhere() {
    assertEquals(
        "person:Eric Holder:Eric Holder@17 || person:Eric Holder:Holder@0 || person:Eric Holder:Holder@22",
        articleMentions(
            "Attorney General Eric Holder spoke on Monday.",
            "Holder said the review would take months.",
            "Leaving the briefing, Holder told reporters nothing."));
    // read alone, the second paragraph has no clue
    assertEquals("", mentions("Holder said the review would take months."));
  }

  @Test
  void article_twoPeopleWithOneSurname_surnameIsTheOneMentionedMost() {
    assertEquals(
        "person:Eric Holder:Eric Holder@0 | person:Jane Holder:Jane Holder@16 || person:Jane Holder:Jane Holder@0 || "
            + "person:Jane Holder:Holder@0",
        articleMentions(
            "Eric Holder and Jane Holder met.", "Jane Holder left early.", "Holder said so."));
  }

  @Test
  void article_aProductOrOrgThatIsASurnameOfTheArticle_isThePerson() {
    assertEquals(
        "org:Republican Party:GOP@0 | person:Ken Blackwell:Ken Blackwell@4 || person:Ken Blackwell:Blackwell@4",
        articleMentions("GOP Ken Blackwell spoke.", "But Blackwell's plan failed."));
    assertEquals("product:Blackwell:Blackwell@4", mentions("But Blackwell's plan failed."));
  }

  @Test
  void article_bracketedAcronymAndTheHeadWord_nameTheOrg() {
    assertEquals(
        "org:Council on American-Islamic Relations:Council on American-Islamic Relations@4 | "
            + "org:Council on American-Islamic Relations:CAIR@43 || org:Council on American-Islamic Relations:CAIR@0",
        articleMentions(
            "The Council on American-Islamic Relations (CAIR) filed suit.",
            "CAIR said it would appeal."));
  }

  @Test
  void contextCues_typeNamesNoListKnows() {
    assertEquals(
        "person:Abdirahman Warsame:Abdirahman Warsame@0",
        mentions("Abdirahman Warsame said the council would vote."));
    assertEquals(
        "person:Zyrtek Vandrowski:Zyrtek Vandrowski@0",
        mentions("Zyrtek Vandrowski, 41, told reporters."));
    assertEquals(
        "person:Zyrtek Vandrowski:Zyrtek Vandrowski@0",
        mentions("Zyrtek Vandrowski, a 34-year-old plumber, left."));
    assertEquals(
        "place:Zyrtekburg:Zyrtekburg@4 | place:Zyrtekton:Zyrtekton@47",
        mentions("The Zyrtekburg-based firm moved to the city of Zyrtekton."));
    assertEquals(
        "org:Embassy of Sweden:Embassy of Sweden@17",
        mentions("officials at the Embassy of Sweden said"));
    // an open-data town that is the last word of a longer name is not the town
    assertEquals("person:Ben Ray Luján:Ben Ray Luján@5", mentions("Sen. Ben Ray Luján voted no."));
    // common words make no person, whatever verb follows
    assertEquals("", mentions("Golden Harvest said the deal closed."));
  }

  @Test
  void platforms_areProductsAsServicesAndOrgsAsCompanies() {
    assertEquals(
        "product:Facebook:Facebook@13 | product:Twitter:Twitter@31 | org:Twitter:Twitter@54",
        mentions(
            "He posted on Facebook and in a Twitter account, while Twitter said it would suspend him."));
    assertEquals(
        "product:Reddit:Reddit@17 | product:Twitter:Twitter@28",
        mentions("It circulated on Reddit and Twitter."));
  }

  @Test
  void possessive_surfaceStopsBeforeApostrophe() {
    assertEquals("org:OpenAI:OpenAI@0", mentions("OpenAI’s costs have surged."));
    assertEquals("org:Amazon:Amazon@4", mentions("For Amazon's part, nothing changed."));
  }

  @Test
  void hyphenatedAndDashedPairs_areTwoOrgs() {
    assertEquals(
        "org:Amazon:Amazon@12 | org:OpenAI:OpenAI@19", mentions("A potential Amazon-OpenAI deal"));
    assertEquals(
        "org:Microsoft:Microsoft@12 | org:OpenAI:OpenAI@22",
        mentions("the revised Microsoft–OpenAI agreement"));
  }

  @Test
  void aliases_shareOneCanonicalValue() {
    assertEquals(
        "org:Amazon Web Services:AWS@0 | org:Amazon Web Services:Amazon Web Services@9",
        mentions("AWS, aka Amazon Web Services, grew."));
    assertEquals("org:Nvidia:NVIDIA@0 | org:Nvidia:Nvidia@12", mentions("NVIDIA, née Nvidia."));
    assertEquals(
        "org:Amazon:Amazon.com Inc.@0 | money:$10 billion:$10 billion@38",
        mentions("Amazon.com Inc. is in talks to invest $10 billion."));
  }

  @Test
  void longestMatchWins() {
    assertEquals(
        "product:Trainium:AWS Trainium@0 | product:Trainium3:Trainium3@22",
        mentions("AWS Trainium and then Trainium3 ship."));
    assertEquals("place:Jordan River:Jordan River@8", mentions("Between Jordan River and the sea"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "OpenAI raised $10B.; $10 billion; $10B",
        "OpenAI raised $10 billion.; $10 billion; $10 billion",
        "OpenAI raised $10 Billion.; $10 billion; $10 Billion",
        "OpenAI raised USD 10bn.; $10 billion; USD 10bn",
        "OpenAI raised 10 billion dollars.; $10 billion; 10 billion dollars",
        "OpenAI is worth $500B+ now.; $500 billion; $500B",
        "A $1 trillion IPO.; $1 trillion; $1 trillion",
        "It costs €5 million.; €5 million; €5 million",
        "It costs £3m.; £3 million; £3m",
        "It costs $4.5bn.; $4.5 billion; $4.5bn",
        "It costs $1,200 a month.; $1,200; $1,200",
        "It costs US$38 billion.; $38 billion; US$38 billion",
        "It costs EUR 5 million.; €5 million; EUR 5 million",
        "A usd 10bn deal.; $10 billion; usd 10bn",
        "“It cost 5 million euros,” she said.; €5 million; 5 million euros",
        "It sold for 300 YEN.; ¥300; 300 YEN",
        "Up 3 pounds sterling; £3; 3 pounds sterling",
      })
  void moneyForms_canonicalAmountAndCurrency(String text, String value, String surface) {
    Entity money =
        EXTRACTOR.extract(text).stream()
            .filter(e -> e.type().key().equals("money"))
            .findFirst()
            .orElseThrow();
    assertEquals(value, money.value());
    assertEquals(surface, money.text());
  }

  @Test
  void headingsAndSentenceInitialWords_areNotEntities() {
    assertEquals("", mentions("What’s being discussed"));
    assertEquals("", mentions("Key milestones to watch"));
    assertEquals("", mentions("Market impact and competitive context"));
    assertEquals("org:Amazon:Amazon@4", mentions("Why Amazon is interested"));
    assertEquals("", mentions("AI Funding Shifts Toward Infrastructure Control"));
  }

  @Test
  void bylineAndPromoText_areNotEntities() {
    assertEquals("", mentions("Manisha Sharma"));
    assertEquals("", mentions("Contact Khogendra Rupini"));
    assertEquals("", mentions("- Python Programming"));
    assertEquals("", mentions("Create something exceptional with us. Contact us today"));
  }

  @Test
  void contextTypesUnknownNames() {
    assertEquals("person:Jane Roe:Jane Roe@4", mentions("CEO Jane Roe said so."));
    assertEquals(
        "person:Zed Quux:Zed Quux@20", mentions("The deal was led by Zed Quux, a veteran banker."));
    assertEquals("org:Zyxo:Zyxo Corp.@0", mentions("Zyxo Corp. reported results."));
    assertEquals(
        "place:Smallville:Smallville@12 | place:Kansas:Kansas@24",
        mentions("He lives in Smallville, Kansas."));
    assertEquals(
        "org:National Widget League:National Widget League@8",
        mentions("For the National Widget League, it is over."));
  }

  @Test
  void firstNameBeforeKnownSurname_makesAnotherPerson() {
    assertEquals("person:Melania Trump:Melania Trump@0", mentions("Melania Trump spoke."));
    assertEquals("person:Lloyd Austin:Lloyd Austin@0", mentions("Lloyd Austin spoke."));
  }

  @Test
  void namesAroundKnownSurnames() {
    assertEquals(
        "person:Carmen Yulín Cruz:Carmen Yulín Cruz@6 | person:George W Bush:George W Bush@28",
        mentions("Mayor Carmen Yulín Cruz and George W Bush met."));
    assertEquals(
        "person:Barack Obama:Obama@4 | org:Clinton Foundation:Clinton Foundation@33",
        mentions("The Obama Administration and the Clinton Foundation"));
    assertEquals(
        "person:Mike Pompeo:Mike Pompeo@19 | person:Jane Roe:Jane Roe@69",
        mentions(
            "Secretary of State Mike Pompeo and Director of National Intelligence Jane Roe met."));
    assertEquals(
        "person:Robert Aderholt:Robert Aderholt@6 | person:Robert Brown:Robert Brown@22",
        mentions("Reps. Robert Aderholt Robert Brown voted."));
  }

  @Test
  void surnameAfterFullNameInSameParagraph_isThatPerson() {
    assertEquals(
        "person:Jane Roe:Jane Roe@4 | person:Jane Roe:Roe@27",
        mentions("CEO Jane Roe said so. Then Roe left."));
  }

  @Test
  void namesLearnedFromCorpus_surfaceWithoutContext() {
    EntityExtractor learned =
        EntityExtractors.create(
            List.of(
                "Analyst Jane Roe said the quarter was weak.",
                "Investors asked Roe about the guidance.",
                "Later that day Roe met them again.",
                "Zyxo Inc. said revenue rose.",
                "Shares of Zyxo fell after the call.",
                "Analysts expect Zyxo to recover."));
    assertEquals("person:Jane Roe:Roe@7", mentions(learned, "Today, Roe declined to comment."));
    assertEquals("org:Zyxo:Zyxo@10", mentions(learned, "Buyers of Zyxo were calm."));
    assertEquals("", mentions(EXTRACTOR, "Buyers of Zyxo were calm."));
  }

  @Test
  void learnedPeople_aNameTypedOnceThatMayBeASlip_isNotLearned() {
    List<String> learned =
        ((GazetteerExtractor)
                EntityExtractors.create(
                    List.of(
                        "Analyst Abdirahman Warsame said so.",
                        "Veteran Border Wall said so.",
                        "Veteran Border Wall said so again.",
                        "Veteran Zyxo Wall said so.")))
            .learnedReport();
    // a person with no listed given name is learned, unless the name ends in an English word and
    // was typed once
    assertTrue(
        learned.contains("person\tAbdirahman Warsame\tAbdirahman Warsame"), learned::toString);
    assertTrue(learned.contains("person\tBorder Wall\tBorder Wall"), learned::toString);
    assertTrue(learned.stream().noneMatch(l -> l.contains("Zyxo Wall")), learned::toString);
  }

  @Test
  void learnedSurname_beforeAHyphenAndAName_isLeftToTheHyphenatedName() {
    EntityExtractor learned =
        EntityExtractors.create(
            List.of(
                "Analyst Jane Guzman said the quarter was weak.",
                "Investors asked Guzman about the guidance.",
                "Later that day Guzman met them again."));
    assertEquals("person:Jane Guzman:Guzman@7", mentions(learned, "Today, Guzman declined."));
    assertEquals("", mentions(learned, "Today, Guzman-Lopez declined."));
  }

  @Test
  void universityCampus_afterAComma_isPartOfTheName() {
    assertEquals(
        "org:University of California, Irvine:University of California, Irvine@21",
        mentions("He is a professor at University of California, Irvine, and a writer."));
    assertEquals(
        "org:University of Michigan:University of Michigan@8 | org:Ohio State University:Ohio State@32",
        mentions("Fans of University of Michigan, Ohio State and others came."));
  }

  @Test
  void learnedOrgs_fragmentsOfLongerNamesAreNotLearnedNorTagged() {
    EntityExtractor learned =
        EntityExtractors.create(
            List.of(
                "Iran's Islamic Republic News Agency reported it.",
                "It was quoted by Iran's Students' News Agency on Monday.",
                "When Victory Fund was forced to postpone, donors left.",
                "When Victory Fund was forced to postpone, donors left again.",
                "A report by the Committee for a Responsible Federal Budget found it.",
                "Mark Green of Muzinich & Co. said so."));
    // tails after a possessive or "for a" are not learned ("Iran's …" is left out too); a name
    // that stands alone is
    assertEquals(
        List.of("org Victory Fund"),
        ((GazetteerExtractor) learned)
            .learnedReport().stream()
                .filter(l -> l.startsWith("org"))
                .map(l -> l.substring(0, l.lastIndexOf('\t')).replace('\t', ' '))
                .toList());
    // a learned name after a capitalised word is the tail of a longer one the rules type
    assertEquals(
        "org:AAPI Victory Fund:AAPI Victory Fund@8",
        mentions(learned, "He said AAPI Victory Fund backs her."));
    assertEquals("", mentions(learned, "The Responsible Federal Budget rules."));
  }

  @Test
  void article_orgsDistinctiveFirstWordAloneIsTheOrg() {
    assertEquals(
        "org:Montefiore Medical Center:Montefiore Medical Center@3 || "
            + "org:Montefiore Medical Center:Montefiore@0",
        articleMentions(
            "At Montefiore Medical Center, nurses rallied.", "Montefiore did not respond."));
    // not a first word that is an English word or a given name
    assertEquals(
        "org:Oakdale Capital Partners:Oakdale Capital Partners@0 || ",
        articleMentions("Oakdale Capital Partners said so.", "Capital did not respond."));
  }

  @Test
  void article_orgsInitialsAndDistinctiveLastWord_areTheOrg() {
    assertEquals(
        "org:Center for Budget and Policy Priorities:Center for Budget and Policy Priorities@12 || "
            + "org:Center for Budget and Policy Priorities:CBPP@5",
        articleMentions(
            "A report by Center for Budget and Policy Priorities found it.",
            "Then CBPP also found that."));
    assertEquals(
        "org:Ku Klux Klan:Ku Klux Klan@7 || org:Ku Klux Klan:Klan@5",
        articleMentions("He was Ku Klux Klan member.", "In a Klan hood, he posed."));
    // an institution named after a place: its first word alone is the place, not the org
    assertEquals(
        "org:Newtown Bible Church:Newtown Bible Church@8 || ",
        articleMentions("Pastor, Newtown Bible Church, spoke.", "Grief enveloped Newtown."));
  }

  @Test
  void surnameSeenOnceThatStartsAKnownOrg_isNotLearned() {
    EntityExtractor learned =
        EntityExtractors.create(
            List.of(
                "Analyst Brandon Northrop said so.",
                "Northrop rose 2%.",
                "Shares of Northrop fell.",
                "Later, Northrop gained."));
    List<Entity> second =
        learned
            .extractArticle(List.of("Northrop Grumman won.", "Spending on Northrop's jets rose."))
            .get(1);
    assertEquals(
        List.of(new Entity(EntityType.ORG, "Northrop Grumman", "Northrop", 12, 20)), second);
  }

  @Test
  void firmNamedAfterAPerson_isTheFirm() {
    EntityExtractor learned =
        EntityExtractors.create(
            List.of(
                "Analyst Jane Muzinich said so.", "Later Muzinich said more.", "Muzinich left."));
    assertEquals(
        "org:Muzinich:Muzinich & Co.@10", mentions(learned, "A fund at Muzinich & Co. bought it."));
    assertEquals("org:McKinsey:McKinsey & Co.@4", mentions("The McKinsey & Co. report."));
  }

  @Test
  void handlesAndAbbreviationTails_areNotMatched() {
    assertEquals("org:CNN:CNN@0", mentions("CNN (@CNN) reported it."));
    assertEquals("org:Republican National Committee:R.N.C.@4", mentions("The R.N.C. said no."));
  }

  @Test
  void sharedAcrossThreads_sameAnswersAsOneThread() throws Exception {
    List<String> texts = EvalSet.gold().stream().map(EvalSet.Doc::text).toList();
    List<List<Entity>> serial = texts.stream().map(EXTRACTOR::extract).toList();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      List<java.util.concurrent.Future<List<List<Entity>>>> runs = new java.util.ArrayList<>();
      for (int r = 0; r < 4; r++)
        runs.add(pool.submit(() -> texts.stream().map(EXTRACTOR::extract).toList()));
      for (var run : runs) assertEquals(serial, run.get());
    }
  }

  @Test
  void create_skipsNullAndBlankCorpusParagraphs() {
    java.util.List<String> corpus =
        new java.util.ArrayList<>(java.util.Arrays.asList(null, "", "  "));
    assertEquals("org:OpenAI:OpenAI@0", mentions(EntityExtractors.create(corpus), "OpenAI."));
  }

  @Test
  void version_isStable() {
    assertEquals(EntityExtractors.version(), EntityExtractors.version());
    assertTrue(EntityExtractors.version().matches("entities-[0-9a-f]{12}"));
  }

  @Test
  void emptyAndPunctuationOnly_giveNothing() {
    assertEquals(List.of(), EXTRACTOR.extract(""));
    assertEquals(List.of(), EXTRACTOR.extract(" -- | ... "));
  }

  @Test
  void everyEvalParagraph_mentionsSortedNonOverlappingAndTextMatchesOffsets() {
    for (EvalSet.Doc d : EvalSet.gold()) {
      List<Entity> found = EXTRACTOR.extract(d.text());
      for (int i = 0; i < found.size(); i++) {
        Entity e = found.get(i);
        assertEquals(d.text().substring(e.start(), e.end()), e.text(), d.id());
        if (i > 0) assertTrue(found.get(i - 1).end() <= e.start(), d.id() + ": overlap at " + e);
      }
    }
  }

  @Test
  void platforms_productByDefault_orgWhereTheCompanyActs() {
    assertEquals(
        "product:Instagram:Instagram@0 | product:Snapchat:Snapchat@14 | product:TikTok:TikTok@49",
        mentions("Instagram and Snapchat are built for photos, and TikTok is video-based."));
    assertEquals(
        "org:Twitter:Twitter@2 | org:Twitter:Twitter@28 | org:Facebook:Facebook@54"
            + " | org:Facebook:Facebook@93",
        mentions(
            "A Twitter spokesperson said Twitter's policy changed; Facebook banned him and"
                + " investors sued Facebook."));
    assertEquals(
        "org:Google:Google@0 | org:Facebook:Facebook@8 | org:Amazon:Amazon@21"
            + " | org:Congress:Congress@36",
        mentions("Google, Facebook and Amazon lobbied Congress."));
  }

  @Test
  void products_makerPrefixModelNumbersCodesPluralsAndKindWords() {
    assertEquals(
        "product:Boeing 767:Boeing 767@18 | product:Airbus A320:Airbus A320@37"
            + " | product:Internet Explorer:Microsoft Internet Explorer@60",
        mentions(
            "The pilots flew a Boeing 767 and two Airbus A320 jets, then Microsoft Internet"
                + " Explorer crashed."));
    assertEquals(
        "org:Army:Army@4 | product:F-35:F-35s@16 | product:MQ-9 Reaper:MQ-9 Reaper@29"
            + " | product:B-21:B-21@49 | product:AR-15:AR-15s@66",
        mentions(
            "The Army bought F-35s, three MQ-9 Reaper drones, B-21 bombers and AR-15s, not H-1B"
                + " visas or I-95 lanes."));
    assertEquals(
        "product:Patriot missile:Patriot@11 | product:Zapto:Zapto@38"
            + " | product:iPhone:iPhones@59",
        mentions("He fired a Patriot missile and flew a Zapto drone near his iPhones."));
    // "the Infowars app" would make the article call Infowars a product wherever it stands bare
    assertEquals("", mentions("He downloaded the Zapto app and the drug L-dopa."));
    assertEquals(
        "org:Fortune:Fortune@4 | org:House of Representatives:House@29",
        mentions("The Fortune 500 list and the House 144 to 44 vote are not products."));
  }

  @Test
  void orgs_kindNounBeforeOrAppositiveAfter_typeUnknownNames() {
    assertEquals(
        "org:Acme Widgets:Acme Widgets@18 | org:Zorblat:Zorblat@40",
        mentions(
            "The research firm Acme Widgets said so; Zorblat, the country's largest lender,"
                + " agreed."));
    // a common first name keeps a person a person
    assertEquals(
        "person:Jane Roe:Jane Roe@5 | person:Jane Roe:Jane Roe@31",
        mentions("Sen. Jane Roe said the company Jane Roe founded grew."));
  }

  @Test
  void facilitiesPartyLabelsOrdinalsAndOfNames() {
    assertEquals(
        "",
        mentions("He was held at Tyndall Air Force Base and the Harris County Detention Center."));
    assertEquals(
        "person:Jane Roe:Jane Roe@5 | org:Bank of Cyprus:Bank of Cyprus@36"
            + " | org:4th Circuit Court of Appeals:4th Circuit Court of Appeals@59",
        mentions(
            "Sen. Jane Roe, D-Mass., went to the Bank of Cyprus and the 4th Circuit Court of"
                + " Appeals."));
  }

  @Test
  void money_poundsOfWeightAreNotMoney() {
    assertEquals(
        "money:£20 million:20 million pounds@17 | money:£5:5 pounds@67",
        mentions(
            "The company lost 20 million pounds; he weighed 240 pounds and paid 5 pounds"
                + " for 3 pounds of rice."));
  }

  @Test
  void orgs_possessiveInsideTheName() {
    assertEquals(
        "org:People's Liberation Army:People's Liberation Army@4"
            + " | org:Colt's Manufacturing:Colt's Manufacturing@36"
            + " | person:John Smith:John Smith@65",
        mentions(
            "The People's Liberation Army met at Colt's Manufacturing, not at John Smith's"
                + " Foundation."));
  }

  @Test
  void orgs_siteNamesAndPacs() {
    assertEquals(
        "org:FoxNews.com:FoxNews.com@8 | org:Change.org:Change.org@23"
            + " | org:Amazon:Amazon.com@47 | org:Nuestro PAC:Nuestro PAC@70",
        mentions(
            "He told FoxNews.com. A Change.org petition and Amazon.com sales grew; Nuestro PAC"
                + " spent."));
    assertEquals("", mentions("Read more at www.example.com/News.com/politics today."));
  }

  @Test
  void orgs_partnerAfterASlash() {
    assertEquals(
        "org:CNN:CNN@2 | org:ORC:ORC@6 | org:Reuters:Reuters@21 | org:Ipsos:Ipsos@29",
        mentions("A CNN/ORC poll and a Reuters/Ipsos survey said so today."));
  }
}
