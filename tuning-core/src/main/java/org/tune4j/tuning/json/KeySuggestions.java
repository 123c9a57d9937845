package org.tune4j.tuning.json;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Finds the known key nearest to a misspelt one, by Levenshtein distance. */
final class KeySuggestions {

  /** Suggest a known key only when it is at most this many edits away. */
  static final int MAX_DISTANCE = 2;

  private KeySuggestions() {}

  /**
   * The known key nearest to {@code key} if within {@link #MAX_DISTANCE} edits; ties go to the
   * alphabetically first, so the answer does not depend on set iteration order.
   */
  static Optional<String> nearest(String key, Collection<String> known) {
    String best = null;
    int bestDistance = MAX_DISTANCE + 1;
    for (String candidate : sorted(known)) {
      int d = levenshtein(key, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  static List<String> sorted(Collection<String> keys) {
    return keys.stream().sorted().toList();
  }

  /** Insertions, deletions and substitutions needed to turn {@code a} into {@code b}. */
  static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
