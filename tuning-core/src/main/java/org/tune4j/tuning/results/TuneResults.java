package org.tune4j.tuning.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.tune4j.resampling.Resampling;
import org.tune4j.tuning.metrics.Metric;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.ParameterSet;

/**
 * The result of tuning: every metric of every candidate on every resample, the notes of
 * failed or troubled fits and, when kept, the held-out predictions — with tune's verbs to read
 * them ({@link #collectMetrics}, {@link #showBest}, {@link #selectBest},
 * {@link #selectByOneStdErr}, {@link #selectByPctLoss}, {@link #notes},
 * {@link #collectPredictions}). The selection verbs without a metric use the first of the set
 * ({@link #defaultMetric()}), as tune's {@code choose_metric}.
 *
 * <p>The tuning engine builds it with {@link #of}; {@link #writeCsv} and {@link #read} save and
 * load it unchanged. Tables print like tibbles. Rows are kept in a canonical order (config id,
 * then resample id, then metric-set order; {@code Model2} before {@code Model10}), so results are
 * equal whatever order the tasks finished in. Immutable and thread-safe.
 *
 * <pre>{@code
 * TuneResults res = Tune.tuneGrid(spec, folds, grid);
 * System.out.println(res.showBest("accuracy"));
 * Selection pick = res.selectByOneStdErr("accuracy", SortOrder.asc("dense_units"));
 * TunableSpec finalSpec = spec.finalize(pick.values());
 * res.writeCsv(Path.of("run/results"));
 * }</pre>
 */
public final class TuneResults {

  /** tune's default number of rows for {@code show_best}. */
  public static final int DEFAULT_SHOW_N = 5;
  /** tune's default {@code limit} of {@code select_by_pct_loss}, in percent. */
  public static final double DEFAULT_PCT_LOSS_LIMIT = 2;

  private final ParameterSet parameters;
  private final List<String> levels;
  private final MetricSet metrics;
  private final String resamplesFingerprint;
  private final List<MetricRow> metricRows;
  private final List<Note> notes;
  private final List<PredictionRow> predictions;
  private final List<MetricSummary> summaries;

  private TuneResults(ParameterSet parameters, List<String> levels, MetricSet metrics,
      String resamplesFingerprint, List<MetricRow> metricRows, List<Note> notes,
      List<PredictionRow> predictions) {
    this.parameters = parameters;
    this.levels = levels;
    this.metrics = metrics;
    this.resamplesFingerprint = resamplesFingerprint;
    this.metricRows = metricRows;
    this.notes = notes;
    this.predictions = predictions;
    this.summaries = MetricSummaries.summarize(metricRows, metrics.names());
  }

  /**
   * Results from rows, validated and put in canonical order.
   *
   * @param parameters the tuned parameters; every row's {@code params} has exactly their ids
   *     (values are converted to {@code Double}, {@code Integer} or {@code String} as the
   *     parameter's type says)
   * @param levels the class levels, in the order of {@link PredictionRow#probabilities()}
   * @param metrics the metric set; every row's metric is in it
   * @param resamplesFingerprint the fingerprint of the resamples the candidates were fitted on
   * @param metricRows one row per config × resample × metric (failed fits have none)
   * @param notes warnings and errors of the fits
   * @param predictions held-out predictions, or an empty list when they were not kept
   * @throws IllegalArgumentException naming the row, the value and the choices for a metric
   *     outside the set, parameter values that do not match the parameters, a config id with
   *     two sets of values, duplicate rows, or predictions that do not match the levels
   */
  public static TuneResults of(ParameterSet parameters, List<String> levels, MetricSet metrics,
      String resamplesFingerprint, List<MetricRow> metricRows, List<Note> notes,
      List<PredictionRow> predictions) {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(resamplesFingerprint, "resamplesFingerprint");
    List<String> checkedLevels = ResultsChecks.levels(levels);
    return new TuneResults(parameters, checkedLevels, metrics, resamplesFingerprint,
        ResultsChecks.metricRows(parameters, metrics, metricRows),
        ResultsChecks.notes(notes),
        ResultsChecks.predictions(checkedLevels, predictions));
  }

  /** The tuned parameters. */
  public ParameterSet parameters() {
    return parameters;
  }

  /** The class levels, in probability-column order. */
  public List<String> levels() {
    return levels;
  }

  /** The metric set the candidates were scored with. */
  public MetricSet metrics() {
    return metrics;
  }

  /** The fingerprint of the resamples. */
  public String resamplesFingerprint() {
    return resamplesFingerprint;
  }

  /** The per-resample metric rows, in canonical order. */
  public List<MetricRow> metricRows() {
    return metricRows;
  }

  /** The notes, sorted by config and resample (in reported order within one fit). */
  public List<Note> noteRows() {
    return notes;
  }

  /** The held-out predictions (empty when not kept), by config, resample and row. */
  public List<PredictionRow> predictionRows() {
    return predictions;
  }

  /**
   * The summaries behind {@link #collectMetrics()} as records: one per config × metric, by
   * config id then metric-set order.
   */
  public List<MetricSummary> metricSummaries() {
    return summaries;
  }

  /**
   * tune's {@code collect_metrics()}: one row per config × metric with columns
   * {@code config, <params...>, metric, estimator, mean, n, std_err}, by config id then
   * metric-set order. {@code mean} averages the non-NaN estimates, {@code n} counts them and
   * {@code std_err} is their standard deviation (divisor n − 1) over √n (NaN when n &lt; 2). The
   * {@code Apparent} resample ({@code Resampling.apparent}) is left out, as tune does; it stays
   * in {@code collectMetrics(false)}.
   */
  public Table collectMetrics() {
    return ResultTables.summaries(parameters, summaries);
  }

  /**
   * tune's {@code collect_metrics(summarize = )}: {@code true} gives {@link #collectMetrics()};
   * {@code false} gives one row per config × resample × metric with columns
   * {@code config, <params...>, id, [id2,] metric, estimator, estimate} ({@code id2} only for
   * repeated resampling).
   */
  public Table collectMetrics(boolean summarize) {
    return summarize ? collectMetrics() : ResultTables.perResample(parameters, metricRows);
  }

  /**
   * The metric the verbs without a metric argument use: the first of the metric set, as tune's
   * {@code choose_metric(x, metric = NULL)} (which also warns; say which metric was used where
   * the user sees it). With {@code MetricSet.defaultClassification()} this is {@code roc_auc}.
   */
  public String defaultMetric() {
    return metrics.names().get(0);
  }

  /** {@link #showBest(String)} of the {@link #defaultMetric()}: tune's {@code show_best(x)}. */
  public Table showBest() {
    return showBest(defaultMetric());
  }

  /** {@link #showBest(String, int)} of the {@link #defaultMetric()}. */
  public Table showBest(int n) {
    return showBest(defaultMetric(), n);
  }

  /** {@link #showBest(String, int)} with tune's default of {@value #DEFAULT_SHOW_N} rows. */
  public Table showBest(String metric) {
    return showBest(metric, DEFAULT_SHOW_N);
  }

  /**
   * tune's {@code show_best()}: the {@link #collectMetrics()} rows of {@code metric}, best mean
   * first in the metric's direction, at most {@code n} of them. Ties keep config-id order.
   * Candidates whose mean is NaN (no defined estimate on any resample) are left out, as tune's
   * {@code .filter_perf_metrics} does.
   *
   * @throws IllegalArgumentException if the metric is not in the set or {@code n < 1}
   * @throws IllegalStateException if no fit produced this metric, or no candidate has a defined
   *     mean of it (tune: "No results are available")
   */
  public Table showBest(String metric, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n is " + n + "; give the number of rows to show,"
          + " 1 or more (tune's default is " + DEFAULT_SHOW_N + ")");
    }
    List<MetricSummary> ranked = MetricSummaries.ranked(definedRowsOf(metric), metric(metric)
        .biggerIsBetter());
    return ResultTables.summaries(parameters, ranked.subList(0, Math.min(n, ranked.size())));
  }

  /** {@link #selectBest(String)} of the {@link #defaultMetric()}: tune's {@code select_best(x)}. */
  public Selection selectBest() {
    return selectBest(defaultMetric());
  }

  /**
   * tune's {@code select_best()}: the candidate with the best mean of {@code metric} (the first
   * row of {@link #showBest}).
   *
   * @throws IllegalArgumentException if the metric is not in the set
   * @throws IllegalStateException if no candidate has a defined mean of this metric
   */
  public Selection selectBest(String metric) {
    return MetricSummaries.ranked(definedRowsOf(metric), metric(metric).biggerIsBetter())
        .get(0).toSelection();
  }

  /** {@link #selectByOneStdErr(String, SortOrder, SortOrder...)} of the {@link #defaultMetric()}. */
  public Selection selectByOneStdErr(SortOrder simplestFirst, SortOrder... more) {
    return selectByOneStdErr(defaultMetric(), simplestFirst, more);
  }

  /**
   * tune's {@code select_by_one_std_err()}: the simplest candidate whose mean is within one
   * standard error of the best — at least {@code best − std_err(best)} for bigger-is-better
   * metrics, at most {@code best + std_err(best)} for smaller-is-better — "simplest" being the
   * first by {@code simplestFirst, more...} (tune's {@code ...} to {@code dplyr::arrange}).
   *
   * @throws IllegalArgumentException if the metric is not in the set or an order key names an
   *     unknown parameter
   * @throws IllegalStateException if no candidate has a defined mean, or the best has no
   *     std_err (fewer than 2 resamples with an estimate)
   */
  public Selection selectByOneStdErr(String metric, SortOrder simplestFirst,
      SortOrder... more) {
    return selectByOneStdErr(metric, orderOf(simplestFirst, more));
  }

  /** {@link #selectByOneStdErr(String, SortOrder, SortOrder...)} with the keys as a list. */
  public Selection selectByOneStdErr(String metric, List<SortOrder> order) {
    return selectByOneStdErr(metric, comparator(metric, order));
  }

  /**
   * {@link #selectByOneStdErr(String, SortOrder, SortOrder...)} with any order of candidates,
   * simplest first; candidates it ties keep config-id order.
   */
  public Selection selectByOneStdErr(String metric, Comparator<Selection> simplerFirst) {
    Objects.requireNonNull(simplerFirst, "simplerFirst");
    return SelectionRules.oneStdErr(definedRowsOf(metric), metric(metric).biggerIsBetter(),
        simplerFirst).toSelection();
  }

  /** {@link #selectByPctLoss(String, SortOrder, SortOrder...)} of the {@link #defaultMetric()}. */
  public Selection selectByPctLoss(SortOrder simplestFirst, SortOrder... more) {
    return selectByPctLoss(defaultMetric(), simplestFirst, more);
  }

  /**
   * {@link #selectByPctLoss(String, double, SortOrder, SortOrder...)} of the
   * {@link #defaultMetric()}.
   */
  public Selection selectByPctLoss(double limit, SortOrder simplestFirst, SortOrder... more) {
    return selectByPctLoss(defaultMetric(), limit, simplestFirst, more);
  }

  /**
   * {@link #selectByPctLoss(String, double, SortOrder, SortOrder...)} with tune's default limit
   * of {@value #DEFAULT_PCT_LOSS_LIMIT} percent.
   */
  public Selection selectByPctLoss(String metric, SortOrder simplestFirst, SortOrder... more) {
    return selectByPctLoss(metric, DEFAULT_PCT_LOSS_LIMIT, simplestFirst, more);
  }

  /**
   * tune's {@code select_by_pct_loss()}: the simplest candidate, no more complex than the best,
   * whose loss {@code |(|mean| − |best|) / best| × 100} is below {@code limit} percent.
   *
   * @throws IllegalArgumentException if the metric is not in the set, an order key names an
   *     unknown parameter, or {@code limit} is not a positive number
   * @throws IllegalStateException if no candidate has a defined mean, or the best mean is 0
   */
  public Selection selectByPctLoss(String metric, double limit, SortOrder simplestFirst,
      SortOrder... more) {
    return selectByPctLoss(metric, limit, orderOf(simplestFirst, more));
  }

  /** {@link #selectByPctLoss(String, double, SortOrder, SortOrder...)} with a list of keys. */
  public Selection selectByPctLoss(String metric, double limit, List<SortOrder> order) {
    return selectByPctLoss(metric, limit, comparator(metric, order));
  }

  /**
   * {@link #selectByPctLoss(String, double, SortOrder, SortOrder...)} with any order of
   * candidates, simplest first; candidates it ties keep config-id order.
   */
  public Selection selectByPctLoss(String metric, double limit,
      Comparator<Selection> simplerFirst) {
    Objects.requireNonNull(simplerFirst, "simplerFirst");
    if (!(limit > 0) || Double.isInfinite(limit)) {
      throw new IllegalArgumentException("limit is " + limit + "; give a finite percentage"
          + " above 0 (tune's default is " + DEFAULT_PCT_LOSS_LIMIT + ")");
    }
    return SelectionRules.pctLoss(definedRowsOf(metric), metric(metric).biggerIsBetter(), limit,
        simplerFirst).toSelection();
  }

  /** tune's {@code collect_notes()}: columns {@code config, id, stage, type, message}. */
  public Table notes() {
    return ResultTables.notes(notes);
  }

  /**
   * tune's {@code collect_predictions()}: columns
   * {@code row, id, config, truth, pred_class, pred_<level>...} (0 rows when predictions were
   * not kept).
   */
  public Table collectPredictions() {
    return ResultTables.predictions(levels, predictions);
  }

  /**
   * tune's {@code collect_predictions(summarize = )}: {@code false} is {@link #collectPredictions()}; {@code true}
   * averages each row's predictions over the resamples that held it out (bootstraps, repeats, Monte Carlo):
   * columns {@code row, config, truth, pred_class, pred_<level>...}, one row per config and data row. Probabilities
   * are averaged and re-normalized to add to one; the class is the most probable level when the metric set has a
   * probability metric, else the most frequent predicted class (ties: the first level), as tune.
   */
  public Table collectPredictions(boolean summarize) {
    return summarize ? ResampledPredictions.averaged(levels, predictions, metrics.needsProbabilities())
        : collectPredictions();
  }

  /**
   * tune's {@code conf_mat_resampled(tidy = TRUE)} of the only config: {@code Prediction, Truth, Freq}, each cell's
   * count averaged over the resamples.
   *
   * @throws IllegalStateException when no predictions were kept or they hold more than one config (name one)
   */
  public Table confMatResampled() {
    List<String> configs = predictions.stream().map(PredictionRow::configId).distinct().toList();
    if (configs.size() > 1) {
      throw new IllegalStateException("the predictions hold " + configs.size() + " configs (" + String.join(", ",
          configs.subList(0, Math.min(5, configs.size()))) + (configs.size() > 5 ? ", ..." : "")
          + "); name one: confMatResampled(\"" + configs.get(0) + "\")");
    }
    return confMatResampled(configs.isEmpty() ? "" : configs.get(0));
  }

  /** As {@link #confMatResampled()} for config {@code configId} (tune's {@code parameters} argument). */
  public Table confMatResampled(String configId) {
    return ResampledPredictions.confMat(levels, predictions, Objects.requireNonNull(configId, "configId"));
  }

  /** tune's {@code show_notes(n = 10)}. */
  public String showNotes() {
    return showNotes(10);
  }

  /**
   * tune's {@code show_notes(n)}: the first {@code n} distinct notes (type and message), each under a rule line,
   * with how many fits gave it (tune shows no count); "Great job! No notes to show." when there are none.
   */
  public String showNotes(int n) {
    return UniqueNotes.show(notes, n);
  }

  /**
   * Writes {@code metrics.csv} (per-resample rows), {@code notes.csv}, {@code predictions.csv}
   * (when there are predictions) and {@code results.json} (everything) into {@code dir},
   * creating it if needed. See {@code tuning-core/RESULTS.md} for the formats.
   *
   * @return {@code dir}
   */
  public Path writeCsv(Path dir) throws IOException {
    ResultsFiles.write(this, dir);
    return dir;
  }

  /**
   * Loads results written by {@link #writeCsv} from {@code results.json} in {@code dir}:
   * {@code read(x.writeCsv(dir)).equals(x)}. Metrics are rebuilt by name; a metric that is not
   * built in keeps its name and direction but cannot compute estimates.
   *
   * @throws IllegalArgumentException naming the JSON path if the file is not valid results
   */
  public static TuneResults read(Path dir) throws IOException {
    return ResultsFiles.read(dir);
  }

  private Metric metric(String name) {
    Objects.requireNonNull(name, "metric");
    if (!metrics.names().contains(name)) {
      throw new IllegalArgumentException(ResultsChecks.unknownMetric(name, metrics));
    }
    return metrics.metric(name);
  }

  private List<MetricSummary> rowsOf(String metric) {
    metric(metric);
    List<MetricSummary> rows = summaries.stream().filter(s -> s.metric().equals(metric))
        .toList();
    if (rows.isEmpty() && metricRows.stream().anyMatch(r -> r.metric().equals(metric))) {
      throw new IllegalStateException("metric \"" + metric + "\" was only estimated on the "
          + Resampling.APPARENT_ID + " resample, which summaries leave out as tune does; resample"
          + " with vfoldCv or bootstraps");
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("no fit produced metric \"" + metric + "\" ("
          + notes.stream().filter(Note::isError).count() + " error notes); see notes()");
    }
    return rows;
  }

  private List<MetricSummary> definedRowsOf(String metric) {
    List<MetricSummary> rows = rowsOf(metric).stream().filter(s -> !Double.isNaN(s.mean()))
        .toList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("no config has a defined estimate of metric \""
          + metric + "\" (every estimate is NaN); see notes()");
    }
    return rows;
  }

  private static List<SortOrder> orderOf(SortOrder first, SortOrder... more) {
    List<SortOrder> order = new ArrayList<>();
    order.add(Objects.requireNonNull(first, "simplestFirst"));
    order.addAll(Arrays.asList(more));
    return order;
  }

  private Comparator<Selection> comparator(String metric, List<SortOrder> order) {
    metric(metric);
    return Comparator.comparing(Selection::values, SortOrder.comparator(order, parameters));
  }

  /** Equal parameters, levels, metric names and directions, fingerprint and rows. */
  @Override
  public boolean equals(Object o) {
    return o instanceof TuneResults t && parameters.equals(t.parameters)
        && levels.equals(t.levels) && metricKey().equals(t.metricKey())
        && resamplesFingerprint.equals(t.resamplesFingerprint)
        && metricRows.equals(t.metricRows) && notes.equals(t.notes)
        && predictions.equals(t.predictions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parameters, levels, metricKey(), resamplesFingerprint, metricRows,
        notes, predictions);
  }

  private List<String> metricKey() {
    return metrics.metrics().stream().map(m -> m.name() + ":" + m.direction()).toList();
  }

  /** A summary: counts, then the {@link #collectMetrics()} table. */
  @Override
  public String toString() {
    long configs = summaries.stream().map(MetricSummary::configId).distinct().count();
    return "# Tuning results: " + configs + " configs with metrics, " + metricRows.size()
        + " metric rows, " + notes.size() + " notes, " + predictions.size() + " predictions\n"
        + collectMetrics();
  }
}
