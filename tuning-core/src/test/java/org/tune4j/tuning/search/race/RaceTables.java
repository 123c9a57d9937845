package org.tune4j.tuning.search.race;

import java.util.ArrayList;
import java.util.List;
import org.tune4j.tuning.metrics.Direction;

/** Small tables for the racing tests: configs c1, c2... and resamples r1, r2... */
final class RaceTables {

  /** A missing estimate (R's NA). */
  static final double NA = Double.NaN;

  private RaceTables() {}

  static RaceTable table(Direction direction, double[]... rows) {
    List<String> configs = new ArrayList<>();
    for (int i = 1; i <= rows.length; i++) {
      configs.add("c" + i);
    }
    List<String> resamples = new ArrayList<>();
    for (int j = 1; j <= rows[0].length; j++) {
      resamples.add("r" + j);
    }
    return RaceTable.of(direction, configs, resamples, rows);
  }

  static double[] row(double... values) {
    return values;
  }

  /** {@code rows} negated (for the same table minimized). */
  static double[][] negated(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new double[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = -rows[i][j];
      }
    }
    return out;
  }
}
