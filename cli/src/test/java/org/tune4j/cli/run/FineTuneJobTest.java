package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;
import org.tune4j.tuning.json.Json;

/** A job with a {@code fine_tune} section: the run fine-tunes the last fit's model and reports both metric sets. */
class FineTuneJobTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  static String job(String fineTune) {
    return TuneCommandTest.job("  learn_rate: {min: -2, max: -1}") + fineTune + "\n";
  }

  int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void theRunReportsTheFrozenAndTheFineTunedTestMetrics() throws IOException {
    Path jobFile = Files.writeString(dir.resolve("job.yaml"),
        job("fine_tune: {blocks: 1, learn_rate: 1e-4, epochs: 2, batch_size: 16, patience: 1}"));
    Path run = dir.resolve("run");
    assertEquals(Main.OK, run("tune", jobFile.toString(), "--run-dir", run.toString()), err.toString());
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.contains("Fine-tuning the top blocks (1) with the head: learn rate 1.0E-4, 2 epochs, patience 1"),
        stdout);
    assertTrue(stdout.matches("(?s).*test metric\\s+frozen\\s+fine-tuned\\n"
        + "roc_auc\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\naccuracy\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}\\n"
        + "brier_class\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}.*"), stdout);
    assertTrue(stdout.matches("(?s).*; test roc_auc \\d\\.\\d{4}; fine-tuned \\d\\.\\d{4}; .*"), stdout);

    Map<String, Object> best = Json.requireObject(Json.parse(Files.readString(run.resolve("best.json"))), "$");
    Map<String, Object> fine = Json.requireObject(Json.parse(Files.readString(run.resolve(FineTuneStep.FILE))), "$");
    assertEquals(best.get("test"), fine.get("test_frozen"));
    assertEquals(best.get("test_fine_tuned"), fine.get("test_fine_tuned"));
    Map<String, Object> tuned = Json.requireObject(fine.get("test_fine_tuned"), "$.test_fine_tuned");
    assertEquals(List.of("roc_auc", "accuracy", "brier_class"), List.copyOf(tuned.keySet()));
    assertEquals("conv5_block2_out", fine.get("frozen_output"));
    List<Object> history = Json.requireList(fine.get("history"), "$.history");
    assertTrue(history.size() >= 1 && history.size() <= 2, history.toString());
    assertTrue(Files.readString(run.resolve("run.log")).contains("fine-tune below conv5_block2_out kept epoch"));
  }

  @Test
  void badFineTuneValuesAreExitCode2NamingTheKey() throws IOException {
    assertBad("fine_tune: {blocks: 17}", "$.fine_tune.blocks: blocks = 17 but resnet50 has 16 blocks (conv2_block1 …"
        + " conv5_block3); give 1..16");
    assertBad("fine_tune: {blocks: 0}", "$.fine_tune.blocks: blocks = 0 must be at least 1");
    assertBad("fine_tune: {blocks: conv9}", "$.fine_tune.blocks: stage \"conv9\" is not a stage of resnet50; choose"
        + " from conv2 … conv5");
    assertBad("fine_tune: {learn_rate: 0}", "$.fine_tune.learn_rate is 0.0; give a number above 0");
    assertBad("fine_tune: {epochs: -1}", "$.fine_tune.epochs is -1; give 0..100000");
    assertBad("fine_tune: {batch_size: 0}", "$.fine_tune.batch_size is 0; give 1..100000");
    assertBad("fine_tune: {validation_split: 1}", "$.fine_tune.validation_split is 1.0; give the share");
    assertBad("fine_tune: {patience: 2, validation_split: 0}", "$.fine_tune.patience is 2 but"
        + " $.fine_tune.validation_split is 0");
    assertBad("fine_tune: {blokcs: 1}", "blokcs");
  }

  private void assertBad(String section, String message) throws IOException {
    Path jobFile = Files.writeString(dir.resolve("bad.yaml"), job(section));
    assertEquals(Main.BAD_INPUT, run("tune", jobFile.toString(), "--run-dir", dir.resolve("never").toString()),
        section);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(message), section + ": " + err);
    assertTrue(Files.notExists(dir.resolve("never").resolve("journal.jsonl")), "no work started");
  }
}
