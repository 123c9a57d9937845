package org.tune4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Transform;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.TuneResults;

/** Small hand-made tuning results for report and compare tests: 4 configs × 3 folds of accuracy. */
public final class ResultsFixture {
  private ResultsFixture() {}

  /** Results with the given resamples fingerprint; every estimate is shifted by {@code shift}. */
  public static TuneResults results(String fingerprint, double shift) {
    Grid grid = Grids.regular(ParameterSet.of(
        NumericParameter.ofInteger("dense_units", "Units", 8, 16, Transform.IDENTITY),
        NumericParameter.ofDouble("learn_rate", "Rate", -3, -2, Transform.LOG10)), 2);
    List<MetricRow> rows = new ArrayList<>();
    int k = 0;
    for (Candidate c : grid.candidates()) {
      for (String fold : List.of("Fold1", "Fold2", "Fold3")) {
        rows.add(new MetricRow(c.configId(), c.values(), fold, Optional.empty(), "accuracy", "multiclass",
            0.5 + 0.01 * (k++) + shift));
      }
    }
    return TuneResults.of(grid.parameters(), List.of("a", "b"), MetricSet.parse("accuracy"), fingerprint, rows,
        List.of(new Note("Model1", "Fold1", "fit", "warning", "x < y & \"z\"")), List.of());
  }
}
