package passages.entities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** Builds {@link EntityExtractor}s from the bundled gazetteer, the money patterns and a corpus. */
public final class EntityExtractors {
  /** Bumped whenever the rules change what they extract. */
  private static final String RULES_VERSION = "6";

  private EntityExtractors() {}

  /**
   * A short id of the bundled rules and data files: it changes when an upgrade may extract
   * differently from the same corpus (for re-indexing decisions). Names learned from a corpus
   * depend on that corpus too.
   */
  public static String version() {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      digest.update(RULES_VERSION.getBytes(StandardCharsets.UTF_8));
      for (String file : NameRules.DATA_FILES) {
        try (var in = EntityExtractors.class.getResourceAsStream("/passages/entities/" + file)) {
          if (in == null)
            throw new IllegalStateException("missing resource /passages/entities/" + file);
          digest.update(in.readAllBytes());
        }
      }
      return "entities-" + java.util.HexFormat.of().formatHex(digest.digest(), 0, 6);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Paragraphs a learning thread takes from the shared iterator at a time. */
  private static final int LEARNING_BATCH = 256;

  /**
   * Counts the names in {@code paragraphs} on {@code threads} threads, each with its own learner
   * taking batches from the one iterator, and merges the counts (a sum: the same whatever the
   * interleaving).
   */
  static NameLearner learn(
      Iterable<String> paragraphs, NameTrie trie, NameRules rules, int threads) {
    Iterator<String> it = paragraphs.iterator();
    List<NameLearner> learners = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    for (int w = 0; w < Math.max(1, threads); w++) {
      NameLearner learner = new NameLearner(trie, rules);
      learners.add(learner);
      workers.add(
          Thread.ofPlatform()
              .name("passages-learner-" + w)
              .start(
                  () -> {
                    List<String> batch = new ArrayList<>(LEARNING_BATCH);
                    try {
                      while (failure.get() == null) {
                        batch.clear();
                        synchronized (it) {
                          while (batch.size() < LEARNING_BATCH && it.hasNext())
                            batch.add(it.next());
                        }
                        if (batch.isEmpty()) return;
                        for (String p : batch) learner.accept(p);
                      }
                    } catch (RuntimeException e) {
                      failure.compareAndSet(null, e);
                    }
                  }));
    }
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while learning names", e);
      }
    }
    if (failure.get() != null) throw failure.get();
    NameLearner all = learners.getFirst();
    for (NameLearner other : learners.subList(1, learners.size())) all.merge(other);
    return all;
  }

  /**
   * An extractor that knows the bundled gazetteer ({@code /passages/entities/*.tsv}) and the names
   * learned from {@code corpusParagraphs} in one streaming pass (memory stays bounded for millions
   * of paragraphs).
   *
   * @param corpusParagraphs paragraph texts, iterated once; may be empty; null elements are skipped
   * @return a thread-safe extractor
   */
  public static EntityExtractor create(Iterable<String> corpusParagraphs) {
    return create(corpusParagraphs, List.of());
  }

  /**
   * As {@link #create(Iterable)}, with extra gazetteer files in the bundled format ({@code type TAB
   * canonical [TAB alias]...}); names in the bundled files win clashes.
   *
   * @throws UncheckedIOException when a file cannot be read
   * @throws IllegalArgumentException when a line is malformed (the message names file and line)
   */
  public static EntityExtractor create(
      Iterable<String> corpusParagraphs, List<Path> extraGazetteers) {
    Objects.requireNonNull(corpusParagraphs, "corpusParagraphs");
    Gazetteer gazetteer = Gazetteer.bundled();
    for (Path p : extraGazetteers) {
      try (var reader = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        gazetteer.read(reader, p.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("reading gazetteer " + p, e);
      }
    }
    NameRules rules = new NameRules();
    NameTrie trie = new NameTrie();
    gazetteer.addTo(trie, false);
    // the open data lose to the hand lists and to what the corpus teaches ("Conyers" is a town in
    // Georgia, and in the news John Conyers), so they are a trie of their own, and learning ignores
    // them
    NameTrie open = new NameTrie();
    gazetteer.addTo(open, true);
    NameLearner learner =
        learn(corpusParagraphs, trie, rules, Runtime.getRuntime().availableProcessors());
    NameTrie learned = learner.learned();
    return new GazetteerExtractor(
        trie, learned, open, rules, learner.report, learner.notOrgAcronyms());
  }
}
