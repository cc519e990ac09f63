package passages.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The search page and the article page in headless Chromium against the real server (issue 6):
 * typing, facets, URL state and history, the article view, hostile stored text, errors, keyboard,
 * export.
 */
class SearchPageBrowserTest {
  @TempDir static Path work;
  static BrowserFixture web;

  static final By HITS = By.cssSelector("#results .hit");
  static final By STATUS = By.id("status");

  @BeforeAll
  static void start() throws IOException {
    web = BrowserFixture.start(work);
  }

  @AfterAll
  static void stop() throws IOException {
    if (web != null) web.close();
  }

  @AfterEach
  void leaveClean() {
    web.offline(false);
    web.resetEmulation();
  }

  WebElement box() {
    return web.driver.findElement(By.id("q"));
  }

  List<WebElement> hits() {
    return web.driver.findElements(HITS);
  }

  void waitForHits(int count, String status) {
    web.waiting().until(textToBe(STATUS, status));
    web.waiting().until(numberOfElementsToBe(HITS, count));
  }

  /** Types into whatever has the focus, as a user would. */
  void keys(CharSequence... keys) {
    new Actions(web.driver).sendKeys(keys).perform();
  }

  Object js(String script, Object... args) {
    return web.driver.executeScript(script, args);
  }

  @Test
  void typing_Trainium3_showsTwoHitsEachWithAMark_andPutsTheQueryInTheUrl() {
    web.open("/");
    web.waiting().until(visibilityOfElementLocated(By.id("welcome")));

    box().sendKeys("Trainium3");

    waitForHits(2, "2 paragraphs match");
    for (WebElement hit : hits()) {
      assertFalse(hit.findElements(By.cssSelector(".passage mark")).isEmpty(), hit.getText());
    }
    // the paragraph naming both Trainium3 and its instance name Trn3 ranks first
    assertEquals(
        List.of("Trn3", "Trainium3"),
        hits().get(0).findElements(By.cssSelector(".passage mark")).stream()
            .map(WebElement::getText)
            .toList());
    assertEquals(
        List.of("Trainium3"),
        hits().get(1).findElements(By.cssSelector(".passage mark")).stream()
            .map(WebElement::getText)
            .toList());
    WebElement first = hits().get(1);
    assertEquals("Khogendra Rupini", first.findElement(By.cssSelector(".meta .outlet")).getText());
    assertEquals(
        "Scaling Trainium for Enterprise AI",
        first.findElement(By.cssSelector(".meta .section")).getText());
    assertEquals("¶ 26", first.findElement(By.cssSelector(".meta .para-no")).getText());
    web.waiting().until(urlToBe(web.url("/?q=Trainium3")));
    web.screenshot("search-results");
  }

  @Test
  void clickingTheCiolOutletFacet_leavesOneHit_showsAChip_andBackRemovesTheFilter() {
    web.open("/?q=Trainium");
    web.waiting().until(numberOfElementsToBe(By.cssSelector("button.facet[data-value='CIOL']"), 1));
    int before = hits().size();
    assertTrue(before > 1, "Trainium should match in several outlets");

    web.driver
        .findElement(By.cssSelector("button.facet[data-type='outlet'][data-value='CIOL']"))
        .click();

    waitForHits(1, "1 paragraph matches");
    assertEquals(web.url("/?q=Trainium&outlet=CIOL"), web.driver.getCurrentUrl());
    assertEquals("CIOL", hits().get(0).findElement(By.className("outlet")).getText());
    assertEquals(
        "Outlet CIOL ×",
        web.driver.findElement(By.cssSelector("#chips .chip")).getText().replace("\n", " "));
    assertEquals(
        "true",
        web.driver
            .findElement(By.cssSelector("button.facet[data-value='CIOL']"))
            .getAttribute("aria-pressed"));

    web.driver.navigate().back();

    web.waiting().until(numberOfElementsToBe(HITS, before));
    assertEquals(web.url("/?q=Trainium"), web.driver.getCurrentUrl());
    assertTrue(web.driver.findElement(By.id("chips")).getAttribute("hidden") != null);
  }

  @Test
  void entityFacetsAndOutletFacets_combine_andShowAsChips() {
    web.open("/?q=Trainium");
    WebElement amazon =
        web.waiting()
            .until(
                visibilityOfElementLocated(
                    By.cssSelector(
                        ".facet-group[data-type='org'] button.facet[data-value='Amazon']")));
    assertEquals(
        "Organisations",
        web.driver
            .findElement(By.cssSelector(".facet-group[data-type='org'] h2"))
            .getDomProperty("textContent"));

    amazon.click();
    web.waiting().until(urlToBe(web.url("/?q=Trainium&entity=org:Amazon")));
    web.waiting()
        .until(
            numberOfElementsToBe(
                By.cssSelector("button.facet[data-value='Amazon'][aria-pressed='true']"), 1));
    web.driver
        .findElement(By.cssSelector("button.facet[data-type='outlet'][data-value='CIOL']"))
        .click();

    web.waiting().until(urlToBe(web.url("/?q=Trainium&outlet=CIOL&entity=org:Amazon")));
    waitForHits(1, "1 paragraph matches");
    assertEquals(
        List.of("Outlet CIOL ×", "Organisations Amazon ×", "Clear filters"),
        web.driver.findElements(By.cssSelector("#chips button")).stream()
            .map(b -> b.getText().replace("\n", " "))
            .toList());
    assertFalse(hits().get(0).findElements(By.cssSelector(".entities .entity.org")).isEmpty());
    web.screenshot("search-results-filtered");

    web.driver.findElement(By.cssSelector("#chips .clear-all")).click();
    web.waiting().until(urlToBe(web.url("/?q=Trainium")));
  }

  @Test
  void aLinkWithAnEntityFilter_runsIt() {
    web.open("/?q=Trainium3&entity=product:Trainium3");

    waitForHits(2, "2 paragraphs match");
    assertEquals(
        "true",
        web.driver
            .findElement(
                By.cssSelector("button.facet[data-type='product'][data-value='Trainium3']"))
            .getAttribute("aria-pressed"));
  }

  @Test
  void openingAResult_landsOnTheMarkedParagraph_andBackRestoresTheSearch() {
    web.open("/");
    box().sendKeys("Trainium3");
    waitForHits(2, "2 paragraphs match");

    hits().get(1).findElement(By.className("title")).click();

    web.waiting().until(urlToBe(web.url("/articles/001_ed1477a7c1dbfa86#p-26")));
    WebElement para = web.driver.findElement(By.id("p-26"));
    assertEquals("p-26", js("return document.querySelector(':target').id"));
    assertTrue(
        (Boolean)
            js(
                "const r = arguments[0].getBoundingClientRect();"
                    + " return r.top >= 0 && r.bottom <= window.innerHeight;",
                para),
        "p-26 is in view");
    assertTrue(para.getAttribute("class").contains("current"));
    assertTrue(para.getText().contains("The upcoming Trainium3 accelerator"), para.getText());
    // "Copy link" copies the durable link (article + text fingerprint), which redirects to the
    // current #p-N
    assertEquals(
        web.url(
            passages.search.Permalinks.of(
                "001_ed1477a7c1dbfa86",
                "The upcoming Trainium3 accelerator is beginning to "
                    + "roll out in select data centers, with AWS executives signaling plans to scale deployment rapidly in the coming year.")),
        para.findElement(By.cssSelector("button.copy")).getAttribute("data-link"));
    assertEquals(
        "← Results for “Trainium3”", web.driver.findElement(By.cssSelector("a.back")).getText());
    assertEquals(
        List.of("Trainium3"),
        para.findElements(By.cssSelector(".entities a.entity")).stream()
            .map(WebElement::getText)
            .toList());
    assertEquals(
        web.url("/?entity=product%3ATrainium3"),
        para.findElement(By.cssSelector(".entities a.entity.product")).getAttribute("href"));
    web.screenshot("article-view");

    web.driver.navigate().back();

    waitForHits(2, "2 paragraphs match");
    assertEquals("Trainium3", box().getDomProperty("value"));
    assertEquals(web.url("/?q=Trainium3"), web.driver.getCurrentUrl());
  }

  @Test
  void everyParagraphAnchor_targetsItsParagraph() {
    web.open("/articles/002_812369ea3ecc10d9");
    List<WebElement> anchors = web.driver.findElements(By.cssSelector(".para > a.anchor"));
    assertTrue(anchors.size() > 5);

    WebElement last = anchors.get(anchors.size() - 1);
    String id = last.findElement(By.xpath("..")).getAttribute("id");
    last.click();
    // the page marks the current paragraph when it handles the hash change: wait for it (a busy
    // machine is slow)
    web.waiting().until(numberOfElementsToBe(By.cssSelector(".para.current"), 1));

    assertEquals(id, js("return document.querySelector(':target').id"));
    assertEquals(id, js("return document.querySelector('.para.current').id"));
  }

  @Test
  void hostileStoredMarkup_isShownAsLiteralText_andNothingRuns() {
    web.open("/?q=verbatim%20OR%20plain");

    waitForHits(2, "2 paragraphs match");
    assertEquals(
        List.of(),
        web.driver.findElements(By.cssSelector("#results img, #results script, #results b")));
    assertEquals(
        List.of(), web.driver.findElements(By.cssSelector("#results a[href^='javascript']")));
    String shown = web.driver.findElement(By.id("results")).getText();
    assertTrue(
        shown.contains("A reader pasted <img src=x onerror=window.__xss=1> into the comments"),
        shown);
    assertTrue(
        shown.contains(
            "<script>window.__xss=2</script> and <a href=\"javascript:window.__xss=3\">a link</a>"),
        shown);
    assertTrue(shown.contains("Hostile <b>markup</b> in a headline"), shown);
    assertNull(js("return window.__xss"));
    // The same text as an entity value: a facet label, then a chip, then part of the URL; still
    // only text.
    web.driver
        .findElement(By.cssSelector(".facet-group[data-type='product'] button.facet"))
        .click();
    waitForHits(1, "1 paragraph matches");
    assertEquals(
        "Products <img src=x onerror=window.__xss=1> ×",
        web.driver.findElement(By.cssSelector("#chips .chip")).getText().replace("\n", " "));
    assertEquals(List.of(), web.driver.findElements(By.cssSelector("img, script:not([src])")));
    assertNull(js("return window.__xss"));

    hits().get(0).findElement(By.className("title")).click();
    web.waiting().until(visibilityOfElementLocated(By.cssSelector(".para:target")));

    assertEquals(
        List.of(), web.driver.findElements(By.cssSelector("main img, main script, main b")));
    assertEquals(
        "Hostile <b>markup</b> in a headline", web.driver.findElement(By.tagName("h1")).getText());
    assertNull(js("return window.__xss"));
  }

  @Test
  void aBadQuery_showsTheServersMessageNextToTheBox() {
    web.open("/?q=Trainium3");
    waitForHits(2, "2 paragraphs match");

    box().sendKeys(" AND");

    WebElement error = web.waiting().until(visibilityOfElementLocated(By.id("error")));
    assertTrue(
        error.getText().startsWith("invalid query: Cannot parse 'Trainium3 AND'"), error.getText());
    assertEquals("true", box().getAttribute("aria-invalid"));

    box().sendKeys(" Trn3");

    web.waiting().until(d -> !d.findElement(By.id("error")).isDisplayed());
    waitForHits(2, "2 paragraphs match");
  }

  @Test
  void aLinkWithQueryAndOutlet_runsTheSearchWhenOpened() {
    web.open("/?q=Trainium&outlet=CIOL");

    waitForHits(1, "1 paragraph matches");
    assertEquals("Trainium", box().getDomProperty("value"));
    assertEquals("CIOL", hits().get(0).findElement(By.className("outlet")).getText());
    assertEquals(
        1, web.driver.findElements(By.cssSelector("#chips .chip[data-value='CIOL']")).size());
  }

  @Test
  void removingAChip_dropsThatFilter() {
    web.open("/?q=Trainium&outlet=CIOL");
    waitForHits(1, "1 paragraph matches");

    web.driver.findElement(By.cssSelector("#chips .chip[data-value='CIOL']")).click();

    web.waiting().until(urlToBe(web.url("/?q=Trainium")));
    web.waiting().until(d -> d.findElements(HITS).size() > 1);
  }

  @Test
  void noResultsWithAFilter_saySoAndOfferToDropIt() {
    web.open("/?q=Trainium3&outlet=CIOL");

    web.waiting().until(textToBe(STATUS, "No paragraphs match"));
    WebElement notice = web.driver.findElement(By.id("notice"));
    assertTrue(
        notice
            .getText()
            .startsWith("Nothing matches “Trainium3” with this filter.\nTry dropping one:"),
        notice.getText());

    notice.findElement(By.cssSelector(".chip[data-value='CIOL']")).click();

    waitForHits(2, "2 paragraphs match");
  }

  @Test
  void groupToggle_foldsTheWireCopyIntoOneHit_andStaysInTheUrl() {
    web.open(
        "/?q="
            + java.net.URLEncoder.encode(
                "\"conversations with Amazon began\"", StandardCharsets.UTF_8));
    // the copy is not shown twice on one page even without grouping: it is listed under the hit
    waitForHits(1, "2 paragraphs match · 1 distinct text");
    WebElement toggle = web.waiting().until(visibilityOfElementLocated(By.id("collapse")));

    toggle.click();

    waitForHits(1, "2 paragraphs match in 1 group");
    web.waiting().until(d -> d.getCurrentUrl().contains("collapse=true"));
    assertEquals(
        "also in 1 other outlet", hits().get(0).findElement(By.cssSelector(".also-in")).getText());
  }

  @Test
  void moreResults_appendsTheNextPage() {
    web.open("/?outlet=Dailyza");
    waitForHits(10, "23 paragraphs match · showing 10");

    web.driver.findElement(By.id("more")).click();

    waitForHits(20, "23 paragraphs match · showing 20");
    web.driver.findElement(By.id("more")).click();
    waitForHits(23, "23 paragraphs match");
    assertFalse(web.driver.findElement(By.id("more")).isDisplayed());
  }

  @Test
  void keyboard_slashFocusesTheBox_arrowsMove_enterOpens() {
    web.open("/?q=Trainium3");
    waitForHits(2, "2 paragraphs match");
    js("document.activeElement.blur()");

    keys("/");
    assertEquals("q", web.driver.switchTo().activeElement().getAttribute("id"));
    keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    // hits link with their permalinks, which redirect to the paragraph's current anchor
    assertEquals(
        web.url("/p/001_ed1477a7c1dbfa86/90ebc69a16128c41556edc1b"),
        web.driver.switchTo().activeElement().getAttribute("href"));
    keys(Keys.ARROW_UP);
    assertTrue(
        web.driver
            .switchTo()
            .activeElement()
            .getAttribute("href")
            .startsWith(web.url("/p/000_a5713e335d5c133d/")));
    keys(Keys.ARROW_DOWN, Keys.ENTER);

    web.waiting().until(urlToBe(web.url("/articles/001_ed1477a7c1dbfa86#p-26")));
  }

  @Test
  void serverUnreachable_saysSo_andTryAgainRecovers() {
    web.open("/?q=Trainium3");
    waitForHits(2, "2 paragraphs match");
    web.offline(true);

    box().sendKeys(Keys.ENTER);

    WebElement notice =
        web.waiting().until(visibilityOfElementLocated(By.cssSelector("#notice.problem")));
    assertEquals(
        "Can’t reach the passages server. Check that it is running, then try again.\nTry again",
        notice.getText());

    web.offline(false);
    notice.findElement(By.tagName("button")).click();
    waitForHits(2, "2 paragraphs match");
  }

  @Test
  void export_downloadsCsvAndJsonOfTheCurrentHits() throws Exception {
    web.open("/?q=Trainium3");
    waitForHits(2, "2 paragraphs match");

    web.driver.findElement(By.id("export-csv")).click();
    web.driver.findElement(By.id("export-json")).click();

    Path csv = web.downloads.resolve("passages-trainium3.csv");
    Path json = web.downloads.resolve("passages-trainium3.json");
    web.waiting().until(d -> Files.exists(csv) && Files.exists(json));
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals(
        "\ufeffid,articleId,title,outlet,section,paragraph,text,link,sourceLink,url,score,entities,date,permalink",
        lines.get(0));
    assertEquals(3, lines.size());
    assertTrue(lines.get(1).startsWith("000_a5713e335d5c133d.p10,"), lines.get(1));
    assertTrue(
        lines
            .get(2)
            .startsWith(
                "001_ed1477a7c1dbfa86.p26,001_ed1477a7c1dbfa86,OpenAI and Amazon in Talks for "
                    + "$10 Billion Investment as AI Cloud Rivalry Deepens,Khogendra Rupini,Scaling Trainium for Enterprise AI,26,"
                    + "\"The upcoming Trainium3 accelerator is beginning to roll out in select data centers, with AWS executives "
                    + "signaling plans to scale deployment rapidly in the coming year.\","
                    + web.url("/articles/001_ed1477a7c1dbfa86#p-26")
                    + ",,,"),
        lines.get(2));
    String body = Files.readString(json);
    assertTrue(body.contains("\"total\": 2,"), body);
    assertTrue(
        body.contains("\"link\": \"" + web.url("/articles/001_ed1477a7c1dbfa86#p-26") + "\""),
        body);
  }

  @Test
  void screenshots_phoneWidthAndDarkMode() {
    web.emulate("dark", 1280, 900, false);
    web.open("/?q=Trainium");
    web.waiting().until(d -> d.findElements(HITS).size() > 1);
    web.screenshot("search-results-dark");

    web.emulate("light", 390, 844, true);
    web.open("/?q=Trainium&outlet=CIOL");
    waitForHits(1, "1 paragraph matches");
    web.screenshot("search-results-phone");

    web.emulate("dark", 390, 844, true);
    web.open("/articles/003_a81f8ea9cd3eb1e2#p-4");
    web.waiting().until(visibilityOfElementLocated(By.cssSelector(".para.current")));
    web.screenshot("article-view-phone-dark");

    web.resetEmulation();
    web.open("/");
    web.waiting().until(visibilityOfElementLocated(By.id("welcome")));
    web.screenshot("first-visit");
  }
}
