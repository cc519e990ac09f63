package passages.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of entity mentions passages extracts; {@link #key()} is the name used in the API and
 * index.
 */
public enum EntityType {
  ORG,
  PERSON,
  PRODUCT,
  PLACE,
  MONEY;

  /** Lower-case name used in URLs, JSON and facet dimensions, e.g. {@code org}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type whose {@link #key()} is {@code key}, if any. */
  public static Optional<EntityType> fromKey(String key) {
    for (EntityType t : values()) if (t.key().equals(key)) return Optional.of(t);
    return Optional.empty();
  }
}
