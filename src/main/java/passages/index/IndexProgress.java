package passages.index;

/**
 * A progress snapshot of a running index build.
 *
 * @param bytesRead corpus bytes consumed so far
 * @param totalBytes corpus bytes in all
 * @param articles articles processed so far (indexed, unchanged or failed)
 * @param paragraphs paragraphs written so far
 * @param millis time since the start
 * @param merging the corpus is read, and the new index is being merged into one segment (the last
 *     step of a full build, which can take a while on a big corpus)
 */
public record IndexProgress(
    long bytesRead,
    long totalBytes,
    long articles,
    long paragraphs,
    long millis,
    boolean merging) {}
