package passages.ingest;

/**
 * A line of the raw text that is not indexed, and why.
 *
 * @param line 1-based line number in the raw text
 * @param text the line, trimmed
 * @param reason why it was dropped
 */
public record DroppedLine(int line, String text, DropReason reason) {}
