package passages.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The timeline chart in headless Chromium over the dated test corpus (src/test/resources/dated): it
 * draws the buckets the API returned, a click on a bar filters the hits to that bucket, compare
 * mode draws one line per query, and the hits show their dates.
 */
class TimelineBrowserTest {
  @TempDir static Path work;
  static BrowserFixture web;

  static final By HITS = By.cssSelector("#results .hit");
  static final By BARS = By.cssSelector("#chart .bar");

  @BeforeAll
  static void start() throws IOException {
    web = BrowserFixture.start(work, Path.of("src/test/resources/dated"));
  }

  @AfterAll
  static void stop() throws IOException {
    web.close();
  }

  @Test
  void theChartDrawsTheBucketsTheApiReturned_andABarClickFiltersToItsMonth() throws Exception {
    String api = get("/api/search?q=wall&timeline=month&limit=1");
    web.open("/?q=wall&interval=month");
    web.waiting().until(d -> d.findElements(BARS).size() == 13);

    List<WebElement> bars = web.driver.findElements(BARS);
    StringBuilder drawn = new StringBuilder();
    for (WebElement b : bars) {
      drawn
          .append(drawn.isEmpty() ? "" : ",")
          .append("{\"start\":\"")
          .append(b.getDomAttribute("data-start"))
          .append("\",\"count\":")
          .append(b.getDomAttribute("data-count"))
          .append(",\"all\":")
          .append(b.getDomAttribute("data-all"))
          .append('}');
    }
    assertTrue(api.contains("\"buckets\":[" + drawn + "]"), drawn + " vs " + api);
    assertEquals("2016-03-01", bars.get(2).getDomAttribute("data-start"));
    assertEquals("2", bars.get(2).getDomAttribute("data-count"));

    // March 2016 has 2 matching paragraphs: the click keeps exactly those
    web.driver.findElement(By.cssSelector("#chart .slot[data-index='2']")).click();
    web.waiting().until(d -> d.getCurrentUrl().contains("from=2016-03-01&to=2016-03-31"));
    web.waiting().until(d -> d.findElements(HITS).size() == 2);
    assertEquals("2 paragraphs match", web.driver.findElement(By.id("status")).getText());
    List<String> dates =
        web.driver.findElements(By.cssSelector("#results .hit .meta .date")).stream()
            .map(WebElement::getText)
            .sorted()
            .toList();
    assertEquals(List.of("2016-03-02", "2016-03-31"), dates);
    assertEquals(
        "2016-03-01 – 2016-03-31",
        web.driver
            .findElement(By.cssSelector("#chips .chip[data-type='date'] .chip-value"))
            .getText());
    // the chart shows that month alone; per day it shows its 31 days, the matches on the 2nd and
    // the 31st
    web.waiting().until(d -> d.findElements(BARS).size() == 1);
    new org.openqa.selenium.support.ui.Select(web.driver.findElement(By.id("interval")))
        .selectByValue("day");
    web.waiting().until(d -> d.findElements(BARS).size() == 31);
    assertEquals("1", web.driver.findElements(BARS).get(1).getDomAttribute("data-count"));
    assertEquals("1", web.driver.findElements(BARS).get(30).getDomAttribute("data-count"));
    assertTrue(web.driver.getCurrentUrl().endsWith("&interval=day"), web.driver.getCurrentUrl());
  }

  @Test
  void theAutoChart_spansTheMatches_atTheFinestIntervalTheyAllow_andABarClickKeepsThatDay() {
    // the index runs from 2016-01-15 to 2017-01-02 (auto: weeks); "wall" matches from January 15
    // to March 31, 2016: 77 days, so the chart shows those days (it showed 52 weeks, 40 empty)
    web.open("/?q=wall");
    web.waiting().until(d -> d.findElements(BARS).size() == 77);
    List<WebElement> bars = web.driver.findElements(BARS);
    assertEquals("day", web.driver.findElement(By.id("timeline")).getDomAttribute("data-interval"));
    assertEquals("2016-01-15", bars.getFirst().getDomAttribute("data-start"));
    assertEquals("2016-03-31", bars.getLast().getDomAttribute("data-start"));
    assertEquals(
        "1,2,1,1",
        bars.stream()
            .map(b -> b.getDomAttribute("data-count"))
            .filter(c -> !c.equals("0"))
            .reduce((a, b) -> a + "," + b)
            .orElseThrow());
    assertTrue(web.driver.getCurrentUrl().endsWith("/?q=wall"), web.driver.getCurrentUrl());

    web.driver.findElement(By.cssSelector("#chart .slot[data-index='16']")).click();
    web.waiting().until(d -> d.getCurrentUrl().endsWith("from=2016-01-31&to=2016-01-31"));
    web.waiting().until(d -> d.findElements(HITS).size() == 2);

    // a side bounded by from/to is kept: the chart starts where the index does, ends on June 30
    web.open("/?q=wall&to=2016-06");
    web.waiting().until(d -> d.findElements(BARS).size() == 168);
    List<WebElement> bounded = web.driver.findElements(BARS);
    assertEquals("2016-01-15", bounded.getFirst().getDomAttribute("data-start"));
    assertEquals("2016-06-30", bounded.getLast().getDomAttribute("data-start"));
  }

  @Test
  void nothingInTheseDates_saysSo_andItsChipDropsThem() {
    web.open("/?q=wall&from=2017-06");
    web.waiting().until(d -> d.findElement(By.id("notice")).getText().contains("Try dropping"));
    // it said "Nothing matches “wall”." and suggested checking the spelling
    assertEquals(
        "Nothing matches “wall” in these dates.\nTry dropping one:\nDates\n2017-06 – …\n×",
        web.driver.findElement(By.id("notice")).getText());
    web.driver.findElement(By.cssSelector("#notice .chip[data-type='date']")).click();
    web.waiting().until(d -> d.getCurrentUrl().equals(web.url("/?q=wall")));
    web.waiting().until(d -> d.findElements(HITS).size() == 6);
  }

  @Test
  void aDragAcrossBars_setsFromAndToToThoseBuckets() {
    web.open("/?q=wall&interval=month");
    web.waiting().until(d -> d.findElements(BARS).size() == 13);
    WebElement january = web.driver.findElement(By.cssSelector("#chart .slot[data-index='0']"));
    WebElement march = web.driver.findElement(By.cssSelector("#chart .slot[data-index='2']"));
    new org.openqa.selenium.interactions.Actions(web.driver)
        .clickAndHold(january)
        .moveToElement(march)
        .release()
        .perform();

    web.waiting().until(d -> d.getCurrentUrl().contains("from=2016-01-01&to=2016-03-31"));
    web.waiting().until(d -> d.findElements(HITS).size() == 5);
    assertEquals("5 paragraphs match", web.driver.findElement(By.id("status")).getText());
  }

  @Test
  void compareMode_drawsALinePerQuery_andTheTimelineDownloads() throws Exception {
    web.open("/?q=wall&vs=taxes&interval=month&from=2016-01&to=2016-03");
    web.waiting().until(d -> d.findElements(By.cssSelector("#chart polyline.line")).size() == 2);
    List<WebElement> lines = web.driver.findElements(By.cssSelector("#chart polyline.line"));
    assertEquals("3,0,2", lines.get(0).getDomAttribute("data-counts"));
    assertEquals("1,0,1", lines.get(1).getDomAttribute("data-counts"));

    web.driver.findElement(By.id("timeline-csv")).click();
    Path csv = web.downloads.resolve("passages-timeline-wall-month.csv");
    web.waiting().until(d -> Files.exists(csv));
    assertEquals(
        List.of(
            "\ufeff# count_1=wall; count_2=taxes",
            "start,count_1,count_2,all",
            "2016-01-01,3,1,4",
            "2016-02-01,0,0,0",
            "2016-03-01,2,1,3"),
        Files.readAllLines(csv, StandardCharsets.UTF_8));
  }

  @Test
  void splitByBias_drawsALinePerValue() {
    assertSplit("bias", List.of("left", "right", "center"));
  }

  @Test
  void splitByOutlet_drawsALinePerOutlet() {
    assertSplit("outlet", List.of("Left Daily", "Right Times", "Center Post"));
  }

  /**
   * Splits the "wall" chart of 2016-01..03 by {@code key}: one line per value, with the fixture's
   * counts, {@code legend} in order, and the split in the URL.
   */
  private void assertSplit(String key, List<String> legend) {
    web.open("/?q=wall&interval=month&from=2016-01&to=2016-03");
    web.waiting().until(d -> d.findElements(BARS).size() == 3);
    new org.openqa.selenium.support.ui.Select(web.driver.findElement(By.id("split")))
        .selectByValue(key);
    web.waiting().until(d -> d.findElements(By.cssSelector("#chart polyline.line")).size() == 3);
    assertEquals(
        List.of("1,0,1", "2,0,0", "0,0,1"),
        web.driver.findElements(By.cssSelector("#chart polyline.line")).stream()
            .map(l -> l.getDomAttribute("data-counts"))
            .toList());
    assertEquals(
        legend,
        web.driver.findElements(By.cssSelector("#chart .legend li")).stream()
            .map(WebElement::getText)
            .toList());
    assertTrue(web.driver.getCurrentUrl().endsWith("&split=" + key), web.driver.getCurrentUrl());
  }

  @Test
  void metadataFacets_filterAndStayInTheUrl_andSortByDate() {
    web.open("/?q=wall&sort=newest");
    web.waiting().until(d -> d.findElements(HITS).size() == 6);
    assertEquals(
        List.of("2016-03-31", "2016-03-02", "2016-01-31", "2016-01-31", "2016-01-15"),
        web.driver.findElements(By.cssSelector("#results .hit .meta .date")).stream()
            .map(WebElement::getText)
            .toList());
    web.driver
        .findElement(By.cssSelector("#facets .facet[data-type='bias'][data-value='left']"))
        .click();
    web.waiting().until(d -> d.getCurrentUrl().endsWith("/?q=wall&meta=bias:left&sort=newest"));
    web.waiting().until(d -> d.findElements(HITS).size() == 2);
    web.driver
        .findElement(By.cssSelector("#facets .facet[data-type='author'][data-value='Ann Lee']"))
        .click();
    web.waiting().until(d -> d.findElements(HITS).size() == 1);
    assertEquals(
        web.url("/?q=wall&author=Ann+Lee&meta=bias:left&sort=newest"), web.driver.getCurrentUrl());
  }

  private static String get(String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(web.url(path))).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
