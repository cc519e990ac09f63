package passages.ingest.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 20 MB page is extracted in a JVM with a 512 MB heap (the tests' own JVM has more, so this one
 * forks).
 */
class HugePageTest {

  @Test
  void extract_20MbPage_fitsIn512MbHeap() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName())
            .redirectErrorStream(true)
            .start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!done) p.destroyForcibly();

    assertEquals("ok 1 paragraphs", output);
  }

  /**
   * Builds a 20 MB page (dense markup, then the article) and extracts it; prints "ok N paragraphs".
   */
  public static final class Main {
    public static void main(String[] args) throws Exception {
      StringBuilder html =
          new StringBuilder(
              "<html><body><p>The article starts here, and it is short but real, with"
                  + " enough words in it to count as an article for the extractor.</p>");
      while (html.length() < 20_000_000)
        html.append("<div class=x><span>a</span><a href=#>b</a></div>\n");
      byte[] raw = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
      html = null; // only the bytes stay alive, as for a page read from disk
      ExtractedPage page = new HtmlArticleExtractor().extract(raw, "huge.html");
      System.out.println("ok " + page.paragraphs().size() + " paragraphs");
    }
  }
}
