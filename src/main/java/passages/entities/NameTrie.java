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

  /** Children by the next token's text: after whitespace ({@code spaced}) or glued to this token. */
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
   * The (first character, length) shapes of the words names start with, for ASCII first characters: most
   * tokens of a text ("the", "said") start no name, and this rules them out before any hashing.
   */
  private final java.util.BitSet startShapes = new java.util.BitSet(128 * 64);
  private int size;

  /**
   * Adds {@code surface} as a form of {@code name}; its all-caps spelling is added too ("NVIDIA").
   *
   * @return false when the surface was already taken by another name (the first one stays)
   */
  boolean add(String surface, Name name) {
    boolean added = put(surface, name);
    String upper = surface.toUpperCase(java.util.Locale.ROOT);
    if (!upper.equals(surface) && surface.codePoints().filter(Character::isLetter).count() > 3) put(upper, name);
    return added;
  }

  private boolean put(String surface, Name name) {
    Tokens t = Tokens.of(surface);
    if (t.size == 0) return false;
    Node node = root;
    for (int i = 0; i < t.size; i++) node = node.addChild(t, i, i == 0);
    int shape = shape(t.word[0]);
    if (shape >= 0) startShapes.set(shape);
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

  /** The longest name starting at token {@code from}, or null. */
  Match longestAt(Tokens t, int from) {
    int shape = shape(t.word[from]);
    if (shape >= 0 && !startShapes.get(shape)) return null;
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

  /** The (first character, length) shape of an ASCII-initial word, or -1 for any other word. */
  private static int shape(String word) {
    char c = word.charAt(0);
    return c < 128 ? c * 64 + Math.min(word.length(), 63) : -1;
  }

}
