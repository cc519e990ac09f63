package passages.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import passages.index.Fields;

/**
 * Filter values as a user types them, resolved to the values the index holds, the same way for
 * every backend. A value some paragraph has is kept as it is; else every value equal to it ignoring
 * case takes its place ({@code meta=bias:Left} filters on {@code left}, {@code outlet=cnn (web
 * news)} on {@code CNN (Web News)}, {@code entity=org:amazon} on {@code Amazon}); else the request
 * is refused naming the parameter, with up to {@value #MAX_HINTS} values that contain what was
 * typed, ignoring case, as hints ({@code outlet=cnn}: {@code CNN (Online News)}, {@code CNN (Web
 * News)}), or, when none does and the dimension has at most {@value #MAX_HINTS} values, all of them
 * as its values ({@code meta=bias:lefty}: center, left, right).
 *
 * <p>A metadata key the index does not have is left alone: the backend refuses it with its own
 * message ({@link #unknownKey}).
 */
public final class FilterValues {
  /** Most values a refusal suggests. */
  public static final int MAX_HINTS = 5;

  private FilterValues() {}

  /** What a backend answers about the values its paragraphs have, one facet dimension at a time. */
  public interface Lookup {
    /**
     * The values of dimension {@code dim} (outlet, author, a metadata key or an entity type) that
     * some paragraph has and that equal {@code value} ignoring case: {@code value} alone when a
     * paragraph has it exactly, else every such value in name order (none: an empty list).
     */
    List<String> sameIgnoringCase(String dim, String value) throws IOException;

    /**
     * The first {@code max} values of {@code dim}, in name order, that some paragraph has and that
     * contain {@code text} ignoring case (every value when {@code text} is empty).
     */
    List<String> containing(String dim, String text, int max) throws IOException;
  }

  /**
   * {@code request} with its outlet, entity, metadata and author values resolved through {@code
   * lookup}; metadata filters whose key is not in {@code filterKeys} are kept as they are.
   *
   * @throws InvalidRequestException for a value no paragraph has, even ignoring case
   */
  public static SearchRequest resolve(SearchRequest request, Lookup lookup, Set<String> filterKeys)
      throws IOException {
    if (request.outlets().isEmpty()
        && request.entities().isEmpty()
        && request.metadata().isEmpty()) {
      return request;
    }
    List<String> outlets = new ArrayList<>();
    for (String outlet : request.outlets())
      for (String v :
          values(lookup, Fields.OUTLET, outlet, "unknown outlet '" + clip(outlet) + "'"))
        if (!outlets.contains(v)) outlets.add(v);
    List<EntityFilter> entities = new ArrayList<>();
    for (EntityFilter e : request.entities()) {
      String dim = e.type().key();
      String problem = "entity: no paragraph has " + dim + " '" + clip(e.value()) + "'";
      for (String v : values(lookup, dim, e.value(), problem)) {
        EntityFilter resolved = new EntityFilter(e.type(), v);
        if (!entities.contains(resolved)) entities.add(resolved);
      }
    }
    List<MetaFilter> metadata = new ArrayList<>();
    for (MetaFilter m : request.metadata()) {
      if (!filterKeys.contains(m.key())) {
        metadata.add(m);
        continue;
      }
      String problem =
          m.key().equals(Fields.AUTHOR)
              ? "author: no article is by '" + clip(m.value()) + "'"
              : "meta: no article has " + clip(m.key()) + " '" + clip(m.value()) + "'";
      for (String v : values(lookup, m.key(), m.value(), problem)) {
        MetaFilter resolved = new MetaFilter(m.key(), v);
        if (!metadata.contains(resolved)) metadata.add(resolved);
      }
    }
    return request.withOutlets(outlets).withEntities(entities).withMetadata(metadata);
  }

  /**
   * The message refusing metadata key {@code key} of parameter {@code param}: {@code meta: unknown
   * metadata key 'Bias' (keys: author, bias, topic)}.
   */
  public static String unknownKey(String param, String key, Set<String> keys) {
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    return param
        + ": unknown metadata key '"
        + clip(key)
        + "'"
        + (sorted.isEmpty()
            ? " (no article of this index has metadata)"
            : " (keys: " + String.join(", ", sorted) + ")");
  }

  /** The values {@code typed} stands for in {@code dim}; refused with {@code problem} and hints. */
  private static List<String> values(Lookup lookup, String dim, String typed, String problem)
      throws IOException {
    List<String> same = lookup.sameIgnoringCase(dim, typed);
    if (!same.isEmpty()) return same;
    List<String> hints = lookup.containing(dim, typed.strip(), MAX_HINTS);
    if (!hints.isEmpty())
      throw new InvalidRequestException(problem + " (did you mean " + listed(hints, " or ") + "?)");
    List<String> all = lookup.containing(dim, "", MAX_HINTS + 1);
    if (all.isEmpty() || all.size() > MAX_HINTS) throw new InvalidRequestException(problem);
    throw new InvalidRequestException(problem + " (values: " + listed(all, ", ") + ")");
  }

  /** {@code 'a', 'b' or 'c'} (with {@code last} " or "). */
  private static String listed(List<String> values, String last) {
    List<String> quoted = values.stream().map(h -> "'" + clip(h) + "'").toList();
    return quoted.size() == 1
        ? quoted.getFirst()
        : String.join(", ", quoted.subList(0, quoted.size() - 1)) + last + quoted.getLast();
  }

  /** Whether {@code value} contains {@code text} ignoring case (the lookups' one definition). */
  public static boolean containsIgnoringCase(String value, String text) {
    return fold(value).contains(fold(text));
  }

  /** Whether {@code a} equals {@code b} ignoring case (the lookups' one definition). */
  public static boolean equalsIgnoringCase(String a, String b) {
    return fold(a).equals(fold(b));
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
