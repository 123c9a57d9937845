package org.tune4j.tuning.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tune's {@code show_notes()}: the distinct notes (by type and message) in the order they first occur, each under a
 * rule line, and — beyond tune — how many fits gave each. Stateless.
 */
final class UniqueNotes {
  /** The widest rule line, as tune caps it at the console width. */
  static final int MAX_RULE_WIDTH = 80;

  private UniqueNotes() {}

  /**
   * The text {@code TuneResults.showNotes(n)} returns.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  static String show(List<Note> notes, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n is " + n + "; give 1 or more (tune's default is 10)");
    }
    Map<List<String>, Integer> counts = new LinkedHashMap<>();
    notes.forEach(note -> counts.merge(List.of(note.type(), note.message()), 1, Integer::sum));
    if (counts.isEmpty()) {
      return "Great job! No notes to show.\n";
    }
    List<String> lines = counts.entrySet().stream().limit(n)
        .map(e -> e.getKey().get(0) + " (" + e.getValue() + (e.getValue() == 1 ? " time" : " times") + "): "
            + e.getKey().get(1))
        .toList();
    int width = Math.min(MAX_RULE_WIDTH, lines.stream().flatMap(l -> l.lines()).mapToInt(String::length).max()
        .orElse(1));
    String rule = "─".repeat(width) + "\n";
    StringBuilder sb = new StringBuilder(lines.size() < counts.size() ? "first " + lines.size() + " unique notes:\n"
        : "unique notes:\n");
    lines.forEach(l -> sb.append(rule).append(l).append('\n'));
    return sb.toString();
  }
}
