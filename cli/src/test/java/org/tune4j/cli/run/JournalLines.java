package org.tune4j.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tune4j.tuning.json.Json;

/**
 * Reading a run's journal as a crash test sees it, and the job crash tests kill: shared by the cli's crash and
 * resume tests and tune4j-spark's (through this module's test-jar).
 */
public final class JournalLines {
  /** A grid job of 6 candidates × 3 folds on the embedded sample, small enough to kill mid-way and resume. */
  public static final String CRASH_JOB = String.join("\n",
      "name: crash",
      "data: {type: embedded, train_per_class: 20, test_per_class: 2}",
      "backbone: {weights: random}",
      "head:",
      "  - block: global_average_pooling",
      "  - {block: dense, units: tune, activation: relu}",
      "  - {block: dropout, rate: tune}",
      "fit: {epochs: 2, batch_size: 16, learn_rate: 0.003}",
      "parameters:",
      "  dense_units: {min: 16, max: 64}",
      "  dropout_rate: {min: 0.0, max: 0.3}",
      "resampling: {folds: 3}",
      "grid: {type: regular, levels: {dense_units: 3, dropout_rate: 2}}",
      "threads: 2",
      "seed: 11",
      "");

  /** The tasks of {@link #CRASH_JOB}. */
  public static final int CRASH_TASKS = 6 * 3;

  private JournalLines() {}

  /** The journal's finished lines: the part after the last newline, being written when the run died, is not one. */
  public static List<String> complete(Path journal) throws IOException {
    if (!Files.exists(journal)) {
      return List.of();
    }
    String text = new String(Files.readAllBytes(journal), StandardCharsets.UTF_8);
    List<String> complete = new ArrayList<>(List.of(text.split("\n", -1)));
    complete.remove(complete.size() - 1);
    return complete;
  }

  /** The keys of the task lines, in order (round lines have none). */
  public static List<String> taskKeys(List<String> lines) {
    return lines.stream().map(JournalLines::tree).filter(t -> t.containsKey("key"))
        .map(t -> Json.requireString(t, "key", "$")).toList();
  }

  /** The round lines of a search's journal. */
  public static List<String> rounds(List<String> lines) {
    return lines.stream().filter(l -> tree(l).containsKey("round")).toList();
  }

  private static Map<String, Object> tree(String line) {
    return Json.requireObject(Json.parse(line), "$");
  }
}
