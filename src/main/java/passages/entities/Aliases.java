package passages.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import passages.model.EntityType;

/**
 * Query-time lookup of an entity's other surface forms, from the bundled gazetteer and the money
 * rules: {@code surfaceForms("Amazon Web Services")} → {@code [Amazon Web Services, AWS]}; {@code
 * canonical("$10B")} → money {@code "$10 billion"}. Lookup ignores case and spacing, except that
 * short all-caps acronyms must be typed in capitals ("AWS" matches, "aws" does not). Immutable and
 * thread-safe; {@link #standard()} is loaded once.
 */
public final class Aliases {
  /** An entity's type and canonical value. */
  public record Canonical(EntityType type, String value) {}

  private static final class Holder {
    static final Aliases STANDARD = new Aliases(Gazetteer.bundled());
  }

  private final Map<String, NameTrie.Name> exact = new HashMap<>();
  private final Map<String, NameTrie.Name> folded = new HashMap<>();
  private final Map<NameTrie.Name, List<String>> forms;

  private Aliases(Gazetteer gazetteer) {
    forms = gazetteer.forms;
    forms.forEach(
        (name, list) -> {
          for (String s : list) {
            exact.putIfAbsent(normalise(s), name);
            if (!isAcronym(s)) folded.putIfAbsent(normalise(s).toLowerCase(Locale.ROOT), name);
          }
        });
  }

  /** The aliases of the bundled gazetteer. */
  public static Aliases standard() {
    return Holder.STANDARD;
  }

  /**
   * The entity {@code query} names, if it is one known surface form or a money amount.
   *
   * @param query a term or phrase, never null
   */
  public Optional<Canonical> canonical(String query) {
    String money = Money.canonicalOf(query);
    if (money != null) return Optional.of(new Canonical(EntityType.MONEY, money));
    String q = normalise(query);
    NameTrie.Name n = exact.get(q);
    if (n == null) n = folded.get(q.toLowerCase(Locale.ROOT));
    return n == null ? Optional.empty() : Optional.of(new Canonical(n.type(), n.canonical()));
  }

  /**
   * All surface forms of the entity {@code query} names, canonical value first (for money, common
   * spellings of the amount: "$10 billion", "$10B", "$10bn", "USD 10 billion", "10 billion
   * dollars"); empty when {@code query} is not a known name or amount.
   */
  public List<String> surfaceForms(String query) {
    Optional<Canonical> c = canonical(query);
    if (c.isEmpty()) return List.of();
    if (c.get().type() == EntityType.MONEY) return List.copyOf(Money.forms(c.get().value()));
    List<String> list = forms.get(new NameTrie.Name(c.get().type(), c.get().value()));
    return list == null ? List.of(c.get().value()) : List.copyOf(list);
  }

  private static String normalise(String s) {
    return s.strip().replace('\u2019', '\'').replaceAll("\\s+", " ");
  }

  private static boolean isAcronym(String s) {
    return s.length() <= 4 && s.chars().noneMatch(Character::isLowerCase);
  }
}
