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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;

/** A job with an augmentation section featurizes each view once and reports test-time augmentation. */
class AugmentedRunTest {
  @TempDir Path dir;

  @Test
  void aJobWithViewsRunsAndReportsTestTimeAugmentationBesideThePlainPrediction() throws IOException {
    String job = TuneCommandTest.job("  learn_rate: {min: -2, max: -1}").replace("head:\n", String.join("\n",
        "augmentation:",
        "  views: 2",
        "  transforms:",
        "    - {block: random_flip, mode: horizontal}",
        "    - {block: random_crop, padding: 3}",
        "last_fit: {tta: 3}",
        "head:\n"));
    Path file = Files.writeString(dir.resolve("job.yaml"), job);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of("tune", file.toString(), "--run-dir", dir.resolve("run").toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(Main.OK, code, err.toString(StandardCharsets.UTF_8));
    String log = Files.readString(dir.resolve("run").resolve("run.log"));
    assertTrue(log.matches("(?s).*test-time augmentation over 3 views: test accuracy \\d\\.\\d{4} \\(plain images"
        + " \\d\\.\\d{4}\\).*"), log);
    assertEquals(3, log.lines().filter(l -> l.contains("featurized ") && l.contains("from the feature cache)")).count(),
        "the plain images and views 1 and 2 featurized for tuning: " + log);
  }
}
