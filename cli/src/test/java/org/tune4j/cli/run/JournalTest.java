package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuning.engine.TaskOutcome;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Transform;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.PredictionRow;

class JournalTest {
  @TempDir Path dir;

  static final Grid GRID = Grids.regular(ParameterSet.of(
      NumericParameter.ofInteger("dense_units", "Units", 8, 16, Transform.IDENTITY),
      NumericParameter.ofDouble("learn_rate", "Rate", -3, -2, Transform.LOG10)), 2);

  static TaskOutcome outcome(String config, String fold, double estimate) {
    Map<String, Object> values = GRID.candidate(config).values();
    return new TaskOutcome(config + "@" + fold, List.of(config),
        List.of(new MetricRow(config, values, fold, Optional.empty(), "accuracy", "multiclass", estimate),
            new MetricRow(config, values, fold, Optional.empty(), "roc_auc", "hand_till", Double.NaN)),
        List.of(new Note(config, fold, "metrics", "warning", "a \"quoted\"\nmessage")),
        List.of(new PredictionRow(3, fold, config, "a", "b", List.of(0.1 + 0.2, 2.0 / 3, Double.MIN_VALUE))));
  }

  @Test
  void outcomesRoundTripExactlyIncludingNanAndAwkwardDoubles() throws IOException {
    Path file = dir.resolve(Journal.FILE);
    List<TaskOutcome> written = List.of(outcome("Model1", "Fold1", 1.0 / 3), outcome("Model2", "Fold1", 0.1 + 0.7));
    try (Journal j = Journal.open(file)) {
      written.forEach(j::append);
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size(), "one line per outcome");
    Journal.Contents read = Journal.read(file, GRID);
    assertEquals(written, read.outcomes());
    assertEquals(Optional.empty(), read.tornLine());
    assertEquals(Files.size(file), read.validBytes());
  }

  @Test
  void aTornLastLineIsDroppedAndCutOffBeforeAppending() throws IOException {
    Path file = dir.resolve(Journal.FILE);
    try (Journal j = Journal.open(file)) {
      j.append(outcome("Model1", "Fold1", 0.5));
    }
    long good = Files.size(file);
    String second = org.tune4j.tuning.engine.TaskOutcomeJson.toLine(outcome("Model2", "Fold1", 0.25));
    Files.writeString(file, second.substring(0, second.length() / 2), StandardOpenOption.APPEND);
    Journal.Contents read = Journal.read(file, GRID);
    assertEquals(1, read.outcomes().size());
    assertTrue(read.tornLine().isPresent());
    assertEquals(good, read.validBytes());
    Journal.truncate(file, read.validBytes());
    try (Journal j = Journal.open(file)) {
      j.append(outcome("Model2", "Fold1", 0.25));
    }
    assertEquals(2, Journal.read(file, GRID).outcomes().size());
  }

  @Test
  void aCompleteButUnparsableLastLineIsTornToo() throws IOException {
    Path file = dir.resolve(Journal.FILE);
    Files.writeString(file, org.tune4j.tuning.engine.TaskOutcomeJson.toLine(outcome("Model1", "Fold1", 0.5)) + "\n{\"key\": \"Mo\u0000\n",
        StandardCharsets.UTF_8);
    Journal.Contents read = Journal.read(file, GRID);
    assertEquals(1, read.outcomes().size());
    assertTrue(read.tornLine().isPresent());
  }

  @Test
  void damageBeforeTheLastLineIsAnErrorNamingTheLine() throws IOException {
    Path file = dir.resolve(Journal.FILE);
    Files.writeString(file, "{broken\n" + org.tune4j.tuning.engine.TaskOutcomeJson.toLine(outcome("Model1", "Fold1", 0.5)) + "\n");
    String msg = assertThrows(IllegalArgumentException.class, () -> Journal.read(file, GRID)).getMessage();
    assertTrue(msg.contains("line 1 is damaged") && msg.contains("cannot be resumed"), msg);
  }

  @Test
  void aRepeatedTaskOrAConfigOutsideTheGridIsAnError() throws IOException {
    Path file = dir.resolve(Journal.FILE);
    String line = org.tune4j.tuning.engine.TaskOutcomeJson.toLine(outcome("Model1", "Fold1", 0.5));
    Files.writeString(file, line + "\n" + line + "\n");
    String msg = assertThrows(IllegalArgumentException.class, () -> Journal.read(file, GRID)).getMessage();
    assertTrue(msg.contains("line 2 repeats task Model1@Fold1"), msg);
    Files.writeString(file, line.replace("Model1", "Model9") + "\n" + line + "\n");
    String other = assertThrows(IllegalArgumentException.class, () -> Journal.read(file, GRID)).getMessage();
    assertTrue(other.contains("not among the job's candidates"), other);
  }

  @Test
  void aMissingJournalIsEmpty() throws IOException {
    assertEquals(0, Journal.read(dir.resolve("none.jsonl"), GRID).outcomes().size());
  }
}
