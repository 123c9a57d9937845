package org.tune4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;

class DemoCommandTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path home;
  String realHome;

  @BeforeEach
  void emptyHome() {
    realHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString()); // no ~/.keras/models cache here
  }

  @AfterEach
  void restoreHome() {
    System.setProperty("user.home", realHome);
  }

  int run(String... args) {
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void runsTheVignetteAndPrintsTheAccuracyLine() {
    assertEquals(Main.OK, run("demo", "--vignette", "--train-per-class", "5", "--test-per-class", "2", "--epochs", "2"),
        err.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("No ImageNet weights at " + home.resolve(".keras/models/resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5")
        + ": using random frozen weights (seed 42); point at a weights file with --weights FILE.h5"), text);
    assertTrue(text.contains("Data: 50 training and 20 test images"), text);
    assertTrue(text.contains("Epoch 1/2 - loss: "), text);
    assertTrue(text.contains("Epoch 2/2 - loss: "), text);
    assertTrue(text.contains(" - val_loss: "), text);
    Matcher m = Pattern.compile("Test accuracy: (\\d\\.\\d{4}) \\((\\d+) of 20 test images").matcher(text);
    assertTrue(m.find(), text);
    assertTrue(text.contains("Native backend: ND4J native build"), text);
    assertTrue(text.matches("(?s).*Time: \\d+\\.\\d s.*"), text);
  }

  @Test
  void aMissingWeightsFileIsBadInputNamingTheFile() {
    Path absent = home.resolve("absent.h5");
    assertEquals(Main.BAD_INPUT, run("demo", "--vignette", "--weights", absent.toString(), "--train-per-class", "1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("weights file " + absent + " does not exist"), err.toString());
  }

  @Test
  void badOptionsAreBadInput() {
    assertEquals(Main.BAD_INPUT, run("demo", "--epochs", "many"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--epochs \"many\" is not a whole number"), err.toString());
    assertEquals(Main.BAD_INPUT, run("demo", "--train-per-class", "500"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--train-per-class 500 is outside 1..200"), err.toString());
    assertEquals(Main.BAD_INPUT, run("demo", "--fast"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option \"--fast\""), err.toString());
  }

  @Test
  void badOptionsOfTheTuningDemoAreBadInputBeforeAnyWork() {
    assertEquals(Main.BAD_INPUT, run("demo", "--epochs", "many", "--run-dir", home.resolve("r").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--epochs \"many\" is not a whole number"), err.toString());
    assertEquals(Main.BAD_INPUT, run("demo", "--weights", home.resolve("absent.h5").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("weights file " + home.resolve("absent.h5")
        + " does not exist"), err.toString());
    assertEquals(false, java.nio.file.Files.exists(home.resolve("r")));
  }

  @Test
  void theTuningDemoWritesARunDirectoryAndPrintsTheAccuracyLine() {
    Path run = home.resolve("demo-run");
    assertEquals(Main.OK, run("demo", "--run-dir", run.toString(), "--train-per-class", "5", "--test-per-class", "2",
        "--epochs", "1"), err.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("Tuning 8 candidates × 5 folds"), text);
    assertTrue(text.matches("(?s).*Test accuracy: \\d\\.\\d{4} \\(best candidate Model\\d .* scored on 20 test images\\).*"),
        text);
    assertTrue(java.nio.file.Files.isRegularFile(run.resolve("report.html")));
    assertTrue(text.contains("Report: " + run.resolve("report.html")), text);
  }

  @Test
  void helpDescribesTheOptions() {
    assertEquals(Main.OK, run("demo", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--run-dir DIR"));
    assertEquals(Main.OK, run("demo", "--vignette", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--weights FILE.h5"));
  }
}
