package passages.entities;

import java.util.HashMap;
import java.util.Map;
import passages.model.EntityType;

/**
 * A trie over tokens: finds the longest known name starting at a token in one walk, so a paragraph
 * is matched against every name in a single pass. Built once, then read-only (safe to share).
 */
final class NameTrie {

  /** What a matched name stands for. */
  record Name(EntityType type, String canonical) {}

  /** A match of {@code tokens [from, to)}. */
  record Match(int from, int to, Name name) {}

  /**
   * Children by the next token's text: after whitespace ({@code spaced}) or glued to this token.
   */
  private static final class Node {
    Map<String, Node> spaced;
    Map<String, Node> glued;
    Name name;

    Node child(Tokens t, int i, boolean first) {
      Map<String, Node> m = first || t.spaceBefore[i] ? spaced : glued;
      return m == null ? null : m.get(t.word[i]);
    }

    Node addChild(Tokens t, int i, boolean first) {
      if (first || t.spaceBefore[i]) {
        if (spaced == null) spaced = new HashMap<>(4);
        return spaced.computeIfAbsent(t.word[i], k -> new Node());
      }
      if (glued == null) glued = new HashMap<>(4);
      return glued.computeIfAbsent(t.word[i], k -> new Node());
    }
  }

  private final Node root = new Node();

  /**
   * A one-hash filter over the first words of names: most tokens of a text ("the", "said") start no
   * name, and one bit (in 128 KB that stay in cache) rules them out before the root's big hash map
   * is probed. A set bit may be another word with the same hash bits; the map decides.
   */
  private final java.util.BitSet firstWords = new java.util.BitSet(FIRST_WORD_BITS);

  private static final int FIRST_WORD_BITS = 1 << 20;
  private int size;

  /**
   * Adds {@code surface} as a form of {@code name}; its all-caps spelling is added too ("NVIDIA").
   *
   * @return false when the surface was already taken by another name (the first one stays)
   */
  boolean add(String surface, Name name) {
    boolean added = put(surface, name);
    String upper = surface.toUpperCase(java.util.Locale.ROOT);
    if (!upper.equals(surface) && surface.codePoints().filter(Character::isLetter).count() > 3)
      put(upper, name);
    return added;
  }

  private boolean put(String surface, Name name) {
    Tokens t = Tokens.of(surface);
    if (t.size == 0) return false;
    Node node = root;
    for (int i = 0; i < t.size; i++) node = node.addChild(t, i, i == 0);
    firstWords.set(firstWordBit(t.word[0]));
    if (node.name != null) return node.name.equals(name);
    node.name = name;
    size++;
    return true;
  }

  /** Whether the exact surface is known. */
  Name get(String surface) {
    Tokens t = Tokens.of(surface);
    Node node = root;
    for (int i = 0; i < t.size && node != null; i++) node = node.child(t, i, i == 0);
    return node == null ? null : node.name;
  }

  /** Whether some name of more than one word starts with {@code word} ("Northrop Grumman"). */
  boolean startsLongerName(String word) {
    Node first = root.spaced == null ? null : root.spaced.get(word);
    return first != null && (first.spaced != null || first.glued != null);
  }

  /** The longest name starting at token {@code from}, or null. */
  Match longestAt(Tokens t, int from) {
    if (!firstWords.get(firstWordBit(t.word[from]))) return null;
    Node node = root;
    Match best = null;
    for (int i = from; i < t.size; i++) {
      node = node.child(t, i, i == from);
      if (node == null) break;
      if (node.name != null) best = new Match(from, i + 1, node.name);
    }
    return best;
  }

  int size() {
    return size;
  }

  /**
   * The filter bit of a first word: its hash (which the map reuses, strings cache it), spread and
   * masked.
   */
  private static int firstWordBit(String word) {
    int h = word.hashCode();
    return (h ^ (h >>> 16)) & (FIRST_WORD_BITS - 1);
  }
}
