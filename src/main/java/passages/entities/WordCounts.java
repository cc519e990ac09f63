package passages.entities;

/**
 * Counts of words, for the learning pass's tens of millions of lower-case words: an open-addressing
 * table of 64-bit hashes of the words and their counts, with no object per word or per count (a
 * {@code HashMap<String, Integer>} spent a fifth of the pass on it). Two words whose 64-bit hashes
 * collide would be counted as one (among a million words, one chance in about 37 million). The
 * counts are sums, so merging tables learned on several threads gives the same counts in any order.
 * Not thread-safe.
 */
final class WordCounts {
  private long[] keys = new long[1 << 16];
  private int[] counts = new int[1 << 16];
  private int size;

  /** Adds one to the count of {@code word}. */
  void add(String word) {
    add(hash(word), 1);
  }

  /** The count of {@code word}; 0 when never added. */
  int get(String word) {
    long h = hash(word);
    int mask = keys.length - 1;
    for (int i = slot(h, mask); keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == h) return counts[i];
    }
    return 0;
  }

  /** How many distinct words are counted. */
  int size() {
    return size;
  }

  /** Adds the counts of {@code other} to this table's. */
  void merge(WordCounts other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != 0) add(other.keys[i], other.counts[i]);
    }
  }

  /** Drops the words counted at most {@code max} times (to bound memory). */
  void dropAtMost(int max) {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length];
    counts = new int[oldKeys.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0 && oldCounts[i] > max) add(oldKeys[i], oldCounts[i]);
    }
  }

  private void add(long h, int n) {
    int mask = keys.length - 1;
    int i = slot(h, mask);
    for (; keys[i] != 0; i = (i + 1) & mask) {
      if (keys[i] == h) {
        counts[i] += n;
        return;
      }
    }
    keys[i] = h;
    counts[i] = n;
    if (++size * 2 > keys.length) grow();
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) add(oldKeys[i], oldCounts[i]);
    }
  }

  private static int slot(long h, int mask) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** A 64-bit hash of the word's chars, never 0 (0 marks an empty slot). */
  static long hash(String word) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * 0x100000001B3L;
    }
    // murmur3's finaliser spreads the bits over the whole word
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB93FE66AEC53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
