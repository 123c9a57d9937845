package org.tune4j.benchmarks.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tune4j.benchmarks.endtoend.VignetteTuningRun;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.ResampledData;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.bayes.BayesOptions;

/**
 * Bayesian search against random search and Optuna's TPE on one objective: the vignette head
 * ({@code dense_units} 32..256, {@code dropout_rate} [0, 0.49], {@code learn_rate} 1e-4..1e-1 on a
 * log scale) scored by the mean accuracy of 5-fold CV on the embedded sample's cached features. For
 * each seed: the best accuracy after 10, 20 and 30 evaluations of each search; then the means over
 * the seeds. TPE runs in {@code benchmarks/peers/optuna_tpe.py} (Debian's python3-optuna), which
 * asks this JVM for each value, so all three search the very same function.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.tune4j.benchmarks.search.BayesVsRandomRun [seeds]} from the project folder.
 */
public final class BayesVsRandomRun {
  private static final int[] AT = {10, 15, 20, 30};

  private BayesVsRandomRun() {}

  /** Runs the three searches for each seed; prints the best-so-far table. */
  public static void main(String[] args) throws IOException {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    NativeBackend.initialize();
    TrainTest sample = EmbeddedSample.fashionMnist();
    ImageSplit split = ImageSplit.of(new TrainTest(VignetteTuningRun.prepare(sample.train()),
        VignetteTuningRun.prepare(sample.test())));
    ModelSpec spec = VignetteTuningRun.spec().update("dense_units", Parameters.hiddenUnits(32, 256))
        .update("dropout_rate", Parameters.dropout().withId("dropout_rate").withRange(0, 0.49))
        .update("learn_rate", Parameters.learnRate().withRange(-4, -1));
    ResampledData folds = split.vfoldCv(5, 7);
    double[][] sums = new double[3][AT.length];
    for (int seed = 1; seed <= seeds; seed++) {
      Control control = Control.builder().seed(seed).metrics(MetricSet.parse("accuracy")).build();
      TuneResults bayes = Tune.tuneBayes(spec, folds, BayesOptions.defaults().initial(5).iter(25).noImprove(1000),
          control);
      Grid random = Grids.random(spec.parameters(), 30, seed);
      TuneResults rand = Tune.tuneGrid(spec, folds, random, control);
      List<Double> tpe = tpe(spec, folds, control, seed);
      double[][] best = {bestSoFar(inOrder(bayes)), bestSoFar(inOrder(rand)), bestSoFar(tpe)};
      for (int s = 0; s < 3; s++) {
        for (int k = 0; k < AT.length; k++) {
          sums[s][k] += best[s][k];
        }
      }
      System.out.printf(Locale.ROOT, "seed %d: bayes %s, random %s, tpe %s%n", seed, fmt(best[0]), fmt(best[1]),
          fmt(best[2]));
    }
    String[] names = {"bayes (tune4j)", "random", "TPE (optuna)"};
    for (int s = 0; s < 3; s++) {
      double[] mean = new double[AT.length];
      for (int k = 0; k < AT.length; k++) {
        mean[k] = sums[s][k] / seeds;
      }
      System.out.printf(Locale.ROOT, "mean over %d seeds, best accuracy after 10/15/20/30 evaluations: %-15s %s%n",
          seeds,
          names[s], fmt(mean));
    }
  }

  /**
   * Mean accuracy of each candidate in the order the search evaluated it: the initial or random {@code ModelN} by N,
   * then {@code IterN} by N (summaries come sorted by config id, which puts {@code Iter} first).
   */
  static List<Double> inOrder(TuneResults res) {
    List<MetricSummary> rows = new ArrayList<>(res.metricSummaries().stream().filter(m -> m.metric().equals("accuracy"))
        .toList());
    rows.sort(java.util.Comparator.comparingInt((MetricSummary m) -> m.configId().startsWith("Iter") ? 1 : 0)
        .thenComparingInt(m -> Integer.parseInt(m.configId().replaceAll("\\D", ""))));
    return rows.stream().map(MetricSummary::mean).toList();
  }

  static double[] bestSoFar(List<Double> values) {
    double[] out = new double[AT.length];
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.size(); i++) {
      if (!Double.isNaN(values.get(i))) {
        best = Math.max(best, values.get(i));
      }
      for (int k = 0; k < AT.length; k++) {
        if (i + 1 == AT[k]) {
          out[k] = best;
        }
      }
    }
    return out;
  }

  /** Optuna's TPE over stdin/stdout: each suggestion scored here by 5-fold CV. */
  static List<Double> tpe(ModelSpec spec, ResampledData folds, Control control, int seed) throws IOException {
    Process p = new ProcessBuilder("/usr/bin/python3", "benchmarks/peers/optuna_tpe.py", Integer.toString(seed), "30")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<Double> values = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Map<String, Object> values0 = new LinkedHashMap<>(Json.requireObject(Json.parse(line), Json.ROOT));
        Grid one = Grids.of(spec.parameters(), List.of(values0));
        TuneResults r = Tune.tuneGrid(spec, folds, one, control);
        double v = inOrder(r).get(0);
        values.add(v);
        out.write((Double.isNaN(v) ? "0" : Double.toString(v)) + "\n");
        out.flush();
      }
    }
    return values;
  }

  private static String fmt(double[] xs) {
    StringBuilder sb = new StringBuilder();
    for (double x : xs) {
      sb.append(String.format(Locale.ROOT, "%.4f ", x));
    }
    return sb.toString().trim();
  }
}
