package passages.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import passages.model.EntityType;

class AliasesTest {
  private final Aliases aliases = Aliases.standard();

  @Test
  void surfaceForms_ofAKnownName_canonicalFirst() {
    assertEquals(
        List.of("Amazon Web Services", "AWS"), aliases.surfaceForms("Amazon Web Services"));
    assertEquals(List.of("Amazon Web Services", "AWS"), aliases.surfaceForms("AWS"));
    assertEquals(
        List.of("Amazon Web Services", "AWS"), aliases.surfaceForms("amazon  web services"));
  }

  @Test
  void canonical_mergesForms() {
    assertEquals(
        Optional.of(new Aliases.Canonical(EntityType.ORG, "Nvidia")), aliases.canonical("NVIDIA"));
    assertEquals(
        Optional.of(new Aliases.Canonical(EntityType.ORG, "Amazon")),
        aliases.canonical("Amazon.com Inc."));
    assertEquals(
        Optional.of(new Aliases.Canonical(EntityType.PERSON, "Sam Altman")),
        aliases.canonical("Altman"));
  }

  @Test
  void money_canonicalAndCommonSpellings() {
    assertEquals(
        Optional.of(new Aliases.Canonical(EntityType.MONEY, "$10 billion")),
        aliases.canonical("$10B"));
    assertEquals(
        Optional.of(new Aliases.Canonical(EntityType.MONEY, "$10 billion")),
        aliases.canonical("10 billion dollars"));
    assertEquals(
        List.of("$10 billion", "$10B", "$10bn", "USD 10 billion", "10 billion dollars"),
        aliases.surfaceForms("USD 10bn"));
  }

  @Test
  void shortAcronyms_needCapitals_unknownGivesEmpty() {
    assertTrue(aliases.canonical("aws").isEmpty());
    assertEquals(List.of(), aliases.surfaceForms("quarterly earnings"));
  }
}
