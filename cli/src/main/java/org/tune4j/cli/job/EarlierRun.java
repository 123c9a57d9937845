package org.tune4j.cli.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.EarlierResults;

/**
 * A finished run whose results start a job's Bayesian search ({@code search: {type: bayes,
 * initial: runs/grid-night-01}}, tune's {@code initial = } a {@code tune_results}): its directory
 * and the results read from its {@code results.json}. Immutable.
 *
 * @param dir the run directory, absolute
 * @param results its results
 */
public record EarlierRun(Path dir, TuneResults results) {

  /**
   * Reads the results in {@code dir}; {@code path} names the job key for errors.
   *
   * @throws IllegalArgumentException when {@code dir} is not a finished run's directory
   */
  static EarlierRun read(Path dir, String path) {
    if (!Files.isRegularFile(dir.resolve("results.json"))) {
      throw new IllegalArgumentException(path + " is " + dir + ", which holds no results.json; give the directory of"
          + " a finished run (tune4j resume finishes a stopped one), or a count of space-filling candidates such as 5");
    }
    try {
      return new EarlierRun(dir, TuneResults.read(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot read " + dir.resolve("results.json"), e);
    }
  }

  /**
   * Checks, before anything runs, that the results fit the job: the same tuned parameters and metrics
   * (that they come from the same folds is checked when the folds are made).
   *
   * @throws IllegalArgumentException naming what differs and the fix
   */
  void checkFits(ParameterSet parameters, MetricSet metrics, String path) {
    try {
      EarlierResults.checkSpec(results, parameters, metrics);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + " is " + dir + ": " + e.getMessage(), e);
    }
  }
}
