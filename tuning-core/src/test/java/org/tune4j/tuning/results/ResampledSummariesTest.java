package org.tune4j.tuning.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.ParameterSet;

/**
 * tune's {@code collect_predictions(summarize = TRUE)}, {@code conf_mat_resampled()} and {@code show_notes()} on
 * hand-made bootstrap predictions of one config (Model1) over levels a, b, c:
 *
 * <pre>
 * row truth  Bootstrap1        Bootstrap2        Bootstrap3
 * 0   a      .5 .25 .25 -> a   .25 .5 .25 -> b   -
 * 1   b      0 .75 .25  -> b   .25 .25 .5 -> c   .25 .25 .5 -> c
 * 2   c      -                 -                 .5 .25 .25 -> a
 * 3   a      .6 .2 NaN -> a    .2 .2 .6  -> c    -
 * </pre>
 */
class ResampledSummariesTest {
  private static final double TOL = 1e-12;
  private static final List<String> LEVELS = List.of("a", "b", "c");

  private static PredictionRow p(int row, String id, String config, String truth, String pred, double... probs) {
    return new PredictionRow(row, id, config, truth, pred, Arrays.stream(probs).boxed().toList());
  }

  private static final List<PredictionRow> MODEL1 = List.of(
      p(0, "Bootstrap1", "Model1", "a", "a", 0.5, 0.25, 0.25),
      p(0, "Bootstrap2", "Model1", "a", "b", 0.25, 0.5, 0.25),
      p(1, "Bootstrap1", "Model1", "b", "b", 0, 0.75, 0.25),
      p(1, "Bootstrap2", "Model1", "b", "c", 0.25, 0.25, 0.5),
      p(1, "Bootstrap3", "Model1", "b", "c", 0.25, 0.25, 0.5),
      p(2, "Bootstrap3", "Model1", "c", "a", 0.5, 0.25, 0.25),
      p(3, "Bootstrap1", "Model1", "a", "a", 0.6, 0.2, Double.NaN),
      p(3, "Bootstrap2", "Model1", "a", "c", 0.2, 0.2, 0.6));

  private static TuneResults results(String metrics, List<PredictionRow> predictions, List<Note> notes) {
    return TuneResults.of(ParameterSet.of(List.of()), LEVELS, MetricSet.parse(metrics), "fp", List.of(), notes,
        predictions);
  }

  /**
   * Means of the defined probabilities, re-normalized: row 0 (3/8, 3/8, 1/4), a tie won by the first level; row 1
   * (1/6, 5/12, 5/12), b by probability but c by the mode; row 3 (.4, .2, .6) / 1.2 = (1/3, 1/6, 1/2). The
   * values are exact in binary, so the ties are ties.
   */
  @Test
  void summarizedPredictionsAverageProbabilitiesAndRecomputeTheClass() {
    Table t = results("roc_auc,accuracy", MODEL1, List.of()).collectPredictions(true);
    assertEquals(List.of("row", "config", "truth", "pred_class", "pred_a", "pred_b", "pred_c"), t.names());
    assertEquals(List.of(0, 1, 2, 3), t.column("row"));
    assertEquals(List.of("a", "b", "c", "a"), t.column("truth"));
    assertEquals(List.of("a", "b", "a", "c"), t.column("pred_class"));
    double[][] expected = {{0.375, 0.375, 0.25}, {1.0 / 6, 5.0 / 12, 5.0 / 12}, {0.5, 0.25, 0.25}, {1.0 / 3, 1.0 / 6, 0.5}};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i][0], t.getDouble(i, "pred_a"), TOL, "row " + i);
      assertEquals(expected[i][1], t.getDouble(i, "pred_b"), TOL, "row " + i);
      assertEquals(expected[i][2], t.getDouble(i, "pred_c"), TOL, "row " + i);
    }
    assertEquals(8, results("accuracy", MODEL1, List.of()).collectPredictions(false).nrow());
  }

  /** tune's class_summarize when no metric needs probabilities: the most frequent class, ties to the first level. */
  @Test
  void withoutProbabilityMetricsTheClassIsTheMode() {
    Table t = results("accuracy", MODEL1, List.of()).collectPredictions(true);
    // row 0: a once, b once -> a; row 1: b once, c twice -> c; row 3: a once, c once -> a
    assertEquals(List.of("a", "c", "a", "a"), t.column("pred_class"));
  }

  /**
   * Per resample (prediction, truth) counts: Bootstrap1 (a,a) 2, (b,b) 1; Bootstrap2 (b,a), (c,b), (c,a) 1 each;
   * Bootstrap3 (c,b), (a,c) 1 each; averaged over the three.
   */
  @Test
  void confMatResampledAveragesEachCellOverTheResamples() {
    Table t = results("accuracy", MODEL1, List.of()).confMatResampled();
    assertEquals(List.of("Prediction", "Truth", "Freq"), t.names());
    assertEquals(List.of("a", "a", "a", "b", "b", "b", "c", "c", "c"), t.column("Prediction"));
    assertEquals(List.of("a", "b", "c", "a", "b", "c", "a", "b", "c"), t.column("Truth"));
    double[] freq = {2.0 / 3, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 1.0 / 3, 2.0 / 3, 0};
    for (int i = 0; i < freq.length; i++) {
      assertEquals(freq[i], t.getDouble(i, "Freq"), TOL, "cell " + i);
    }
  }

  @Test
  void confMatResampledNeedsOneConfig() {
    List<PredictionRow> two = new java.util.ArrayList<>(MODEL1);
    two.add(p(0, "Bootstrap1", "Model2", "a", "c", 0.1, 0.1, 0.8));
    TuneResults res = results("accuracy", two, List.of());
    IllegalStateException e = assertThrows(IllegalStateException.class, res::confMatResampled);
    assertEquals("the predictions hold 2 configs (Model1, Model2); name one: confMatResampled(\"Model1\")",
        e.getMessage());
    assertEquals(1.0, res.confMatResampled("Model2").getDouble(6, "Freq"), TOL);  // predicted c, truth a
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> results("accuracy", List.of(), List.of()).confMatResampled());
    assertEquals("there are no predictions of config \"\"; run with Control.builder().savePred(true) and name a"
        + " config of the results", none.getMessage());
  }

  @Test
  void showNotesListsEachDistinctNoteOnceWithItsCount() {
    List<Note> notes = List.of(
        new Note("Model1", "Bootstrap1", "fit", "error", "boom"),
        new Note("Model2", "Bootstrap1", "fit", "error", "boom"),
        new Note("Model1", "Bootstrap2", "metrics", "warning", "roc_auc: undefined"),
        new Note("Model2", "Bootstrap3", "fit", "error", "boom"));
    TuneResults res = results("accuracy", List.of(), notes);
    String rule = "─".repeat(36) + "\n";
    assertEquals("unique notes:\n" + rule + "error (3 times): boom\n" + rule + "warning (1 time): roc_auc: undefined\n",
        res.showNotes());
    assertEquals("first 1 unique notes:\n" + "─".repeat(21) + "\nerror (3 times): boom\n", res.showNotes(1));
    assertEquals("Great job! No notes to show.\n", results("accuracy", List.of(), List.of()).showNotes());
    assertEquals("n is 0; give 1 or more (tune's default is 10)",
        assertThrows(IllegalArgumentException.class, () -> res.showNotes(0)).getMessage());
  }
}
