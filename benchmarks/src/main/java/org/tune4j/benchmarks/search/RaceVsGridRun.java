package org.tune4j.benchmarks.search;

import java.util.List;
import java.util.Locale;
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
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.race.RaceRules;
import org.tune4j.tuning.search.race.RacingOptions;
import org.tune4j.tuning.search.race.RacingSearch;

/**
 * finetune's ANOVA race against the full grid on the vignette: 2,000 embedded Fashion-MNIST images
 * (32×32), the 27 candidates of {@code VignetteTuningRun}, 10-fold stratified CV, for seeds 1..5.
 * For each seed: fits done, wall time, the grid's best candidate on the first metric (accuracy), the
 * race's, and whether the race's is the grid's or within one standard error of it in the grid's own
 * table. The features are computed once and shared by every run.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.tune4j.benchmarks.search.RaceVsGridRun [seeds]}.
 */
public final class RaceVsGridRun {
  private RaceVsGridRun() {}

  /** Runs both searches for each seed and prints one line each, then the totals. */
  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    NativeBackend.initialize();
    TrainTest sample = EmbeddedSample.fashionMnist();
    ImageSplit split = ImageSplit.of(new TrainTest(VignetteTuningRun.prepare(sample.train()),
        VignetteTuningRun.prepare(sample.test())));
    ModelSpec spec = VignetteTuningRun.spec();
    Grid grid = VignetteTuningRun.grid(spec);
    MetricSet metrics = MetricSet.parse("accuracy,roc_auc,brier_class");
    long gridFits = 0;
    long raceFits = 0;
    double gridSeconds = 0;
    double raceSeconds = 0;
    int agreed = 0;
    split.vfoldCv(10, 1).data().engine(spec).prepare(List.of(spec.finalize(grid.candidate(0).values())), 2, p -> { });
    for (int seed = 1; seed <= seeds; seed++) {
      ResampledData folds = split.vfoldCv(10, seed);
      Control control = Control.builder().seed(seed).metrics(metrics).build();
      long t0 = System.nanoTime();
      TuneResults full = Tune.tuneGrid(spec, folds, grid, control);
      double tg = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      TuneResults race = Tune.search(spec, folds, RacingSearch.of(grid, RaceRules.anova(), RacingOptions.defaults()),
          control);
      double tr = (System.nanoTime() - t1) / 1e9;
      int fg = fits(full);
      int fr = fits(race);
      String gridBest = full.selectBest("accuracy").configId();
      String raceBest = race.selectBest("accuracy").configId();
      MetricSummary gb = summary(full, gridBest);
      MetricSummary rbInGrid = summary(full, raceBest);
      boolean ok = gridBest.equals(raceBest) || rbInGrid.mean() >= gb.mean() - gb.stdErr();
      agreed += ok ? 1 : 0;
      gridFits += fg;
      raceFits += fr;
      gridSeconds += tg;
      raceSeconds += tr;
      System.out.printf(Locale.ROOT, "seed %d: grid %d fits %.1f s best %s (%.4f ± %.4f); race %d fits (%.0f%%) %.1f s"
          + " best %s (grid mean %.4f): %s%n", seed, fg, tg, gridBest, gb.mean(), gb.stdErr(), fr, 100.0 * fr / fg, tr,
          raceBest, rbInGrid.mean(), gridBest.equals(raceBest) ? "the grid's best" : ok ? "within one std_err"
              : "WORSE than one std_err");
    }
    System.out.printf(Locale.ROOT, "total: race %d of %d fits (%.1f%%), %.1f s against %.1f s (%.2fx); chosen within"
        + " the grid's best or its std_err on %d of %d seeds%n", raceFits, gridFits, 100.0 * raceFits / gridFits,
        raceSeconds, gridSeconds, gridSeconds / raceSeconds, agreed, seeds);
  }

  static int fits(TuneResults res) {
    return res.metricSummaries().stream().filter(m -> m.metric().equals("accuracy")).mapToInt(MetricSummary::n).sum();
  }

  static MetricSummary summary(TuneResults res, String configId) {
    return res.metricSummaries().stream().filter(m -> m.metric().equals("accuracy") && m.configId().equals(configId))
        .findFirst().orElseThrow();
  }
}
