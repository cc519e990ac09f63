package passages.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import passages.model.EntityType;

/**
 * The curated list of names, read from tab-separated data files: {@code type TAB canonical [TAB
 * alias]...}. Lines starting with {@code #} and blank lines are ignored; the canonical value is
 * itself a surface form. The hand-kept files come first, so their names win clashes with the
 * generated {@code open-*} files (open data, see {@code OPEN-DATA.md} next to them).
 */
final class Gazetteer {
  /** The bundled data files, under {@code /passages/entities/}. */
  static final List<String> BUNDLED =
      List.of(
          "orgs.tsv",
          "people.tsv",
          "places.tsv",
          "products.tsv",
          "open-orgs.tsv",
          "open-places.tsv");

  /** canonical (per type) -> all surface forms, in file order. */
  final Map<NameTrie.Name, List<String>> forms = new LinkedHashMap<>();

  /** The names read from the generated open-data files ({@code open-*}). */
  final java.util.Set<NameTrie.Name> openData = new java.util.HashSet<>();

  static Gazetteer bundled() {
    Gazetteer g = new Gazetteer();
    for (String file : BUNDLED) {
      try (InputStream in = Gazetteer.class.getResourceAsStream("/passages/entities/" + file)) {
        Objects.requireNonNull(in, () -> "missing resource /passages/entities/" + file);
        g.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file);
      } catch (IOException e) {
        throw new UncheckedIOException("reading gazetteer " + file, e);
      }
    }
    return g;
  }

  /**
   * Reads one data file; throws IllegalArgumentException naming the line when a line is malformed.
   */
  void read(BufferedReader reader, String source) throws IOException {
    String line;
    int n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] cols = line.split("\t");
      if (cols.length < 2)
        throw new IllegalArgumentException(
            source + ":" + n + ": expected 'type<TAB>canonical[<TAB>alias...]'");
      int lineNo = n;
      EntityType type =
          EntityType.fromKey(cols[0].trim())
              .filter(t -> t != EntityType.MONEY)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          source + ":" + lineNo + ": unknown type '" + cols[0] + "'"));
      String canonical = cols[1].trim();
      NameTrie.Name name = new NameTrie.Name(type, canonical);
      if (source.startsWith("open-") && !forms.containsKey(name)) openData.add(name);
      List<String> list = forms.computeIfAbsent(name, k -> new ArrayList<>());
      for (int i = 1; i < cols.length; i++) {
        String alias = cols[i].trim();
        if (!alias.isEmpty() && !list.contains(alias)) list.add(alias);
      }
    }
  }

  /**
   * Adds every surface form to {@code trie}; returns the forms that clashed with an earlier name.
   */
  List<String> addTo(NameTrie trie) {
    List<String> clashes = new ArrayList<>();
    forms.forEach(
        (name, list) -> {
          for (String s : list) if (!trie.add(s, name)) clashes.add(s + " (" + name + ")");
        });
    return clashes;
  }

  /**
   * Adds the surface forms (and a product's plural) of the open-data names ({@code openData} true)
   * or of the others to {@code trie}.
   */
  void addTo(NameTrie trie, boolean openData) {
    forms.forEach(
        (name, list) -> {
          if (this.openData.contains(name) != openData) return;
          for (String s : list) {
            trie.add(s, name);
            if (name.type() == EntityType.PRODUCT && pluralizable(s)) trie.add(s + "s", name);
          }
        });
  }

  /** A product's plural is its name and an "s" ("iPhones", "F-35s"), unless it ends in one. */
  private static boolean pluralizable(String s) {
    char last = s.charAt(s.length() - 1);
    return Character.isLetterOrDigit(last) && last != 's' && last != 'S';
  }
}
