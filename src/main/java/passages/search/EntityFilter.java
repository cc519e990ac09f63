package passages.search;

import passages.model.EntityType;

/**
 * A filter on one entity value, written {@code type:value} in the API ({@code org:Amazon}).
 *
 * @param type the entity type
 * @param value the canonical value
 */
public record EntityFilter(EntityType type, String value) {
  /** Parses {@code type:value}; the message of the exception names the bad part. */
  public static EntityFilter parse(String spec) {
    int colon = spec.indexOf(':');
    if (colon <= 0 || colon == spec.length() - 1) {
      throw new InvalidRequestException(
          "entity must be type:value (e.g. org:Amazon), got '" + spec + "'");
    }
    String key = spec.substring(0, colon);
    EntityType type =
        EntityType.fromKey(key)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "unknown entity type '"
                            + key
                            + "' in '"
                            + spec
                            + "' (types: org, person, product, place, money)"));
    return new EntityFilter(type, spec.substring(colon + 1));
  }
}
