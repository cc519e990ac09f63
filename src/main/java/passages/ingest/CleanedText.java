package passages.ingest;

import java.util.List;
import passages.model.Paragraph;

/**
 * What the cleaner keeps of one raw text, and what it drops.
 *
 * @param title the title line, or {@code null} when the text does not start with one
 * @param paragraphs the body paragraphs in order, ordinals 1..n
 * @param dropped every non-blank line that is neither title, heading nor part of a paragraph
 */
public record CleanedText(String title, List<Paragraph> paragraphs, List<DroppedLine> dropped) {
  public CleanedText {
    paragraphs = List.copyOf(paragraphs);
    dropped = List.copyOf(dropped);
  }
}
