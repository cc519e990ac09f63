package passages.web.browser;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import passages.index.Indexer;
import passages.ingest.CorpusReader;
import passages.model.Entity;
import passages.model.EntityType;
import passages.search.ParagraphSearcher;
import passages.web.WebApp;

/**
 * The real server on a free port over the seed corpus plus a hostile-markup article, and one
 * headless Chromium driving it. One fixture per test class: starting Chromium costs about a second.
 *
 * <p>Uses the system's Chromium and ChromeDriver (Debian packages {@code chromium}, {@code
 * chromium-driver}); both paths are given explicitly, so Selenium Manager never downloads anything.
 * When they are missing the tests fail, saying what to install: scripts/test (the README's test
 * command, which CI runs) installs them.
 */
final class BrowserFixture implements AutoCloseable {
  static final Path CHROMIUM =
      Path.of(System.getProperty("passages.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("passages.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** The seed file that holds markup which must stay text. */
  static final Path HOSTILE = Path.of("src/test/resources/browser/zz-hostile-markup.txt");

  /**
   * A wire copy of a seed paragraph (other punctuation, no outlet), for the "group identical
   * paragraphs" toggle.
   */
  static final Path WIRE_COPY = Path.of("src/test/resources/browser/zz-wire-copy.txt");

  // Selenium logs a warning per session that no DevTools (CDP) implementation matches this
  // Chromium; we use
  // no DevTools API. Keep a strong reference, or the logger's level is lost when it is
  // garbage-collected.
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  final ChromeDriver driver;
  final Path downloads;
  private final ParagraphSearcher searcher;
  private final Javalin app;
  private final String base;

  private BrowserFixture(
      ParagraphSearcher searcher, Javalin app, ChromeDriver driver, Path downloads) {
    this.searcher = searcher;
    this.app = app;
    this.driver = driver;
    this.downloads = downloads;
    this.base = "http://127.0.0.1:" + app.port();
  }

  /** Indexes the fixture corpus under {@code work}, starts the server and Chromium. */
  static BrowserFixture start(Path work) throws IOException {
    requireBrowser();
    return start(work, copySeedCorpus(work.resolve("corpus")));
  }

  /** Indexes {@code corpus} under {@code work}, starts the server and Chromium. */
  static BrowserFixture start(Path work, Path corpus) throws IOException {
    requireBrowser();
    Path index = work.resolve("index");
    new Indexer(BrowserFixture::gazetteer).rebuild(new CorpusReader(corpus), index);
    var searcher = new ParagraphSearcher(index);
    Javalin app = null;
    try {
      app = new WebApp(searcher).create().start("127.0.0.1", 0);
      Path downloads = Files.createDirectories(work.resolve("downloads"));
      return new BrowserFixture(
          searcher, app, startChromium(work.resolve("chromium-profile"), downloads), downloads);
    } catch (RuntimeException | IOException e) {
      if (app != null) app.stop();
      searcher.close();
      throw e;
    }
  }

  /**
   * Stand-in for entity extraction (not this test's subject): fixed names, whole words, so facets
   * have values.
   */
  static final Map<String, EntityType> GAZETTEER =
      Map.of(
          "Amazon",
          EntityType.ORG,
          "OpenAI",
          EntityType.ORG,
          "Nvidia",
          EntityType.ORG,
          "Trainium3",
          EntityType.PRODUCT,
          "<img src=x onerror=window.__xss=1>",
          EntityType.PRODUCT);

  static List<Entity> gazetteer(String text) {
    var found = new ArrayList<Entity>();
    GAZETTEER.forEach(
        (name, type) -> {
          Matcher m = Pattern.compile("(?<!\\w)" + Pattern.quote(name) + "(?!\\w)").matcher(text);
          while (m.find()) found.add(new Entity(type, name, name, m.start(), m.end()));
        });
    found.sort(Comparator.comparingInt(Entity::start));
    return found;
  }

  private static void requireBrowser() {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        throw new IllegalStateException(
            "The browser tests need Chromium and ChromeDriver, and "
                + p
                + " is missing. "
                + "Run the tests with scripts/test, which installs them, or `apt-get install chromium chromium-driver` (Debian/Ubuntu), "
                + "or point -Dpassages.chromium= and -Dpassages.chromedriver= at your own.");
      }
    }
  }

  /**
   * The seed corpus (files and sources.json) plus the hostile-markup article, in a fresh directory.
   */
  private static Path copySeedCorpus(Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(Path.of("corpus"))) {
      for (Path f : files.filter(Files::isRegularFile).toList())
        Files.copy(f, target.resolve(f.getFileName()));
    }
    Files.copy(HOSTILE, target.resolve(HOSTILE.getFileName()));
    Files.copy(WIRE_COPY, target.resolve(WIRE_COPY.getFileName()));
    return target;
  }

  private static ChromeDriver startChromium(Path profile, Path downloads) {
    SELENIUM_LOG.setLevel(Level.SEVERE);
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /** Opens {@code pathAndQuery} on the test server. */
  void open(String pathAndQuery) {
    driver.get(base + pathAndQuery);
  }

  String url(String pathAndQuery) {
    return base + pathAndQuery;
  }

  /** The path and query of the current page, without scheme and host. */
  String currentPath() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base) ? url.substring(base.length()) : url;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(5));
  }

  /** Saves a PNG of the viewport to target/screenshots/{name}.png. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Cuts the browser off the network (fetch then fails as if the server were down), or reconnects
   * it.
   */
  void offline(boolean offline) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /** Emulates a colour scheme ("dark"/"light") and a viewport width for screenshots. */
  void emulate(String colorScheme, int width, int height, boolean mobile) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", colorScheme))));
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  void resetEmulation() {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      app.stop();
      searcher.close();
    }
  }
}
