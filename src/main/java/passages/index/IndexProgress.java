package passages.index;

/**
 * A progress snapshot of a running index build.
 *
 * @param bytesRead corpus bytes consumed so far
 * @param totalBytes corpus bytes in all
 * @param articles articles processed so far (indexed, unchanged or failed)
 * @param paragraphs paragraphs written so far
 * @param millis time since the start
 */
public record IndexProgress(long bytesRead, long totalBytes, long articles, long paragraphs, long millis) {}
