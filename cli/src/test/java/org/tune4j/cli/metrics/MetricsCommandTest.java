package org.tune4j.cli.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {

  /** Three levels; rows 1–3 right, row 4 wrong (accuracy 0.75). */
  private static final String THREE = "id,label,pred_class,pred_a,pred_b,pred_c\n"
      + "1,a,a,0.6,0.3,0.1\n"
      + "2,b,b,0.2,0.5,0.3\n"
      + "3,c,c,0.1,0.2,0.7\n"
      + "4,c,a,0.5,0.2,0.3\n";

  @TempDir
  Path dir;

  private String out;
  private String err;

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    List<String> list = new ArrayList<>(List.of(args));
    int code = MetricsCommand.run(list, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  private String file(String content) throws IOException {
    Path p = dir.resolve("preds.csv");
    Files.writeString(p, content);
    return p.toString();
  }

  @Test
  void defaultTableLooksLikeATibble() throws IOException {
    assertEquals(0, run(file(THREE), "--truth", "label"), err);
    List<String> lines = out.lines().toList();
    assertEquals("# A tibble: 3 \u00d7 3", lines.get(0));
    assertEquals("  metric      estimator  estimate", lines.get(1));
    assertEquals("  <chr>       <chr>         <dbl>", lines.get(2));
    assertTrue(lines.get(3).startsWith("1 roc_auc     hand_till "), lines.get(3));
    assertEquals("2 accuracy    multiclass    0.75", lines.get(4));
    assertTrue(lines.get(5).startsWith("3 brier_class multiclass    0.1"), lines.get(5));
    assertEquals("", err);
  }

  @Test
  void csvKeepsFullPrecision() throws IOException {
    assertEquals(0, run(file(THREE), "--truth=label", "--metrics", "accuracy,kap",
        "--format", "csv"), err);
    assertEquals("metric,estimator,estimate\naccuracy,multiclass,0.75\n"
        + "kap,multiclass,0.6363636363636364\n", out);
  }

  @Test
  void jsonRowsAndWarningsOnStderr() throws IOException {
    String neverB = "label,pred_class\na,a\nb,a\nc,c\n";
    assertEquals(0, run(file(neverB), "--truth", "label", "--metrics", "precision,accuracy",
        "--format", "json"), err);
    assertEquals("[\n  {\"metric\": \"precision\", \"estimator\": \"macro\", \"estimate\": 0.75},\n"
        + "  {\"metric\": \"accuracy\", \"estimator\": \"multiclass\", \"estimate\":"
        + " 0.6666666666666666}\n]\n", out);
    assertTrue(err.startsWith("Warning (precision): precision: precision is undefined for"
        + " level 'b'"), err);
  }

  @Test
  void badInputExitsTwoWithAClearMessage() throws IOException {
    String f = file(THREE);
    assertEquals(2, run(f));
    assertTrue(err.contains("--truth COLUMN is required"), err);
    assertEquals(2, run(f, "--truth", "nope"));
    assertTrue(err.contains("column \"nope\": no such column"), err);
    assertEquals(2, run(f, "--truth", "label", "--metrics", "random"));
    assertTrue(err.contains("metric \"random\" is not known; choose from:"), err);
    assertEquals(2, run(f, "--truth", "label", "--format", "xml"));
    assertTrue(err.contains("--format \"xml\" is not known; choose from: table, csv, json"), err);
    assertEquals(2, run(dir.resolve("missing.csv").toString(), "--truth", "label"));
    assertTrue(err.contains("no such file"), err);
    assertEquals("", out);
  }

  @Test
  void badRowIsNamed() throws IOException {
    String f = file("label,pred_class,pred_a,pred_b\na,a,0.5,0.5\nb,a,0.7,0.7\n");
    assertEquals(2, run(f, "--truth", "label"));
    assertTrue(err.contains("line 3 (data row 2), column \"pred_a..pred_b\": the probabilities"
        + " sum to 1.4"), err);
  }

  @Test
  void probabilityMetricsWithoutProbabilityColumnsAreRefused() throws IOException {
    assertEquals(2, run(file("label,pred_class\na,a\nb,a\n"), "--truth", "label"));
    assertTrue(err.contains("roc_auc, brier_class need them"), err);
  }

  @Test
  void eventLevelSecondChangesBinaryPrecision() throws IOException {
    String f = file("label,pred_class,pred_x,pred_y\nx,x,0.9,0.1\ny,x,0.6,0.4\ny,y,0.2,0.8\n");
    assertEquals(0, run(f, "--truth", "label", "--metrics", "precision", "--format", "csv"));
    assertEquals("metric,estimator,estimate\nprecision,binary,0.5\n", out);
    assertEquals(0, run(f, "--truth", "label", "--metrics", "precision", "--format", "csv",
        "--event-level", "second"));
    assertEquals("metric,estimator,estimate\nprecision,binary,1.0\n", out);
  }

  @Test
  void helpGoesToStdout() {
    assertEquals(0, run("--help"));
    assertTrue(out.startsWith("Usage: tune4j metrics PREDICTIONS.csv --truth COLUMN"), out);
  }
}
