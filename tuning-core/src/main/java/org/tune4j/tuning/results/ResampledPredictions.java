package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Held-out predictions summarized over resamples, as tune's {@code collect_predictions(summarize = TRUE)} and
 * {@code conf_mat_resampled()} do (tune's {@code R/collect.R} and {@code R/conf_mat_resampled.R}). Stateless.
 */
final class ResampledPredictions {
  private ResampledPredictions() {}

  /**
   * One row per config and data row ({@code row, config, truth, pred_class, pred_<level>...}), configs in the order
   * their predictions come, rows ascending. tune's {@code prob_summarize}: each level's probability is the mean of
   * the row's defined (non-NaN) probabilities, then the row's means are divided by their sum so they add to one.
   * With {@code classFromProbabilities} (the metric set has a probability metric) the predicted class is the level
   * with the largest averaged probability, the first level on a tie; otherwise ({@code class_summarize}) it is the
   * most frequent predicted class, the first level on a tie.
   */
  static Table averaged(List<String> levels, List<PredictionRow> rows, boolean classFromProbabilities) {
    Map<String, TreeMap<Integer, List<PredictionRow>>> byConfig = new LinkedHashMap<>();
    for (PredictionRow p : rows) {
      byConfig.computeIfAbsent(p.configId(), c -> new TreeMap<>()).computeIfAbsent(p.row(), r -> new ArrayList<>())
          .add(p);
    }
    List<List<Object>> cells = new ArrayList<>();
    byConfig.forEach((config, byRow) -> byRow.forEach((row, replicates) -> {
      double[] probabilities = meanProbabilities(levels.size(), replicates);
      String predClass = classFromProbabilities ? levels.get(firstMax(probabilities))
          : levels.get(firstMax(classCounts(levels, replicates)));
      List<Object> cellRow = Table.cells(row, config, replicates.get(0).truth(), predClass);
      for (double p : probabilities) {
        cellRow.add(p);
      }
      cells.add(cellRow);
    }));
    List<String> names = new ArrayList<>(List.of("row", "config", "truth", "pred_class"));
    List<ColumnType> types = new ArrayList<>(List.of(ColumnType.INT, ColumnType.CHR, ColumnType.CHR,
        ColumnType.CHR));
    for (String level : levels) {
      names.add("pred_" + level);
      types.add(ColumnType.DBL);
    }
    return Table.of(names, types, cells);
  }

  /**
   * tune's {@code conf_mat_resampled(tidy = TRUE)} for one config: {@code Prediction, Truth, Freq}, the count of
   * each (predicted, true) pair averaged over the resamples, zeros included, sorted by prediction then truth level.
   *
   * @throws IllegalStateException when there are no predictions of {@code configId}
   */
  static Table confMat(List<String> levels, List<PredictionRow> rows, String configId) {
    int k = levels.size();
    Map<String, double[]> perResample = new LinkedHashMap<>();
    for (PredictionRow p : rows) {
      if (p.configId().equals(configId)) {
        perResample.computeIfAbsent(p.id(), id -> new double[k * k])[levels.indexOf(p.predClass()) * k
            + levels.indexOf(p.truth())]++;
      }
    }
    if (perResample.isEmpty()) {
      throw new IllegalStateException("there are no predictions of config \"" + configId + "\"; run with"
          + " Control.builder().savePred(true) and name a config of the results");
    }
    List<List<Object>> cells = new ArrayList<>(k * k);
    for (int pred = 0; pred < k; pred++) {
      for (int truth = 0; truth < k; truth++) {
        double sum = 0;
        for (double[] counts : perResample.values()) {
          sum += counts[pred * k + truth];
        }
        cells.add(Table.cells(levels.get(pred), levels.get(truth), sum / perResample.size()));
      }
    }
    return Table.of(List.of("Prediction", "Truth", "Freq"), List.of(ColumnType.CHR, ColumnType.CHR, ColumnType.DBL),
        cells);
  }

  private static double[] meanProbabilities(int k, List<PredictionRow> replicates) {
    double[] mean = new double[k];
    double total = 0;
    for (int level = 0; level < k; level++) {
      double sum = 0;
      int n = 0;
      for (PredictionRow p : replicates) {
        double v = p.probabilities().get(level);
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      mean[level] = n == 0 ? Double.NaN : sum / n;
      total += mean[level];
    }
    for (int level = 0; level < k; level++) {
      mean[level] /= total;
    }
    return mean;
  }

  private static double[] classCounts(List<String> levels, List<PredictionRow> replicates) {
    double[] counts = new double[levels.size()];
    replicates.forEach(p -> counts[levels.indexOf(p.predClass())]++);
    return counts;
  }

  /** The first index of the largest value (NaN never wins; all NaN gives 0). */
  private static int firstMax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best] || Double.isNaN(values[best]) && !Double.isNaN(values[i])) {
        best = i;
      }
    }
    return best;
  }
}
