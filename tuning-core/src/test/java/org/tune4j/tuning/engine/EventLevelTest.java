package org.tune4j.tuning.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tune4j.resampling.GroupBalance;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Resampling;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.metrics.EventLevel;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.metrics.MetricTable;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * tune's {@code control_grid(event_level = )}: the control's event level reaches the binary metrics of
 * {@code tuneGrid}, {@code fitResamples} and {@code lastFit}. Every fold holds the same eight predictions:
 *
 * <pre>
 * truth  cat cat cat cat cat dog dog dog
 * pred   cat cat cat dog dog cat dog dog
 * </pre>
 *
 * <p>cat as the event: TP 3, FP 1, FN 2, TN 2, so precision 3/4, recall 3/5, f_meas 2/3, specificity 2/3. dog as
 * the event: TP 2, FP 2, FN 1, TN 3, so precision 1/2, recall 2/3, f_meas 4/7, specificity 3/5.
 */
class EventLevelTest {
  private static final double TOL = 1e-12;
  private static final List<String> LEVELS = List.of("cat", "dog");
  private static final int[] TRUTH = {0, 0, 0, 0, 0, 1, 1, 1};
  private static final int[] PRED = {0, 0, 0, 1, 1, 0, 1, 1};
  private static final MetricSet METRICS = MetricSet.parse("precision,recall,f_meas,specificity");
  private static final Map<String, Double> CAT = Map.of("precision", 3.0 / 4, "recall", 3.0 / 5, "f_meas", 2.0 / 3,
      "specificity", 2.0 / 3);
  private static final Map<String, Double> DOG = Map.of("precision", 1.0 / 2, "recall", 2.0 / 3, "f_meas", 4.0 / 7,
      "specificity", 3.0 / 5);

  @Test
  void tuneGridScoresTheControlsEventLevel() {
    assertSummaries(CAT, tune(EventLevel.FIRST));
    assertSummaries(DOG, tune(EventLevel.SECOND));
  }

  @Test
  void theDefaultIsTheFirstLevel() {
    assertEquals(EventLevel.FIRST, Control.defaults().eventLevel());
  }

  @Test
  void fitResamplesScoresTheControlsEventLevel() {
    BinaryEngine engine = new BinaryEngine();
    TuneResults res = Tune.fitResamples(FakeSpec.of().finalize(Map.of("units", 1)),
        ResampleKindsTest.data(engine, twoGroupFolds()), control(EventLevel.SECOND));
    assertSummaries(DOG, res);
  }

  @Test
  void lastFitScoresTheControlsEventLevel() {
    BinaryEngine engine = new BinaryEngine();
    SplitData split = new SplitData() {
      @Override
      public ModelData data() {
        return ResampleKindsTest.dataOf(engine);
      }

      @Override
      public int[] training() {
        return new int[] {0, 1, 2, 3, 4, 5, 6, 7};
      }

      @Override
      public int[] testing() {
        return new int[] {8, 9, 10, 11, 12, 13, 14, 15};
      }
    };
    TunableSpec spec = FakeSpec.of().finalize(Map.of("units", 1));
    assertTable(CAT, Tune.lastFit(spec, split, control(EventLevel.FIRST)).collectMetrics());
    assertTable(DOG, Tune.lastFit(spec, split, control(EventLevel.SECOND)).collectMetrics());
  }

  private static TuneResults tune(EventLevel level) {
    FakeSpec spec = FakeSpec.of(TuneTest.UNITS);
    Grid grid = Grids.of(spec.parameters(), List.of(Map.of("units", 2)));
    return Tune.tuneGrid(spec, ResampleKindsTest.data(new BinaryEngine(), twoGroupFolds()), grid, control(level));
  }

  private static Control control(EventLevel level) {
    return Control.builder().threads(1).metrics(METRICS).eventLevel(level).build();
  }

  /** Rows 0–7 and 8–15 are two groups, so each fold assesses one copy of the eight predictions. */
  private static Resamples twoGroupFolds() {
    String[] groups = new String[16];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = i < 8 ? "a" : "b";
    }
    return Resampling.groupVfoldCv(groups, 2, GroupBalance.GROUPS, 7);
  }

  private static void assertSummaries(Map<String, Double> expected, TuneResults res) {
    List<MetricSummary> summaries = res.metricSummaries();
    assertEquals(expected.size(), summaries.size());
    for (MetricSummary s : summaries) {
      assertEquals(2, s.n(), s.metric());
      assertEquals(expected.get(s.metric()), s.mean(), TOL, s.metric());
    }
  }

  private static void assertTable(Map<String, Double> expected, MetricTable table) {
    assertEquals(expected.size(), table.size());
    expected.forEach((metric, value) -> assertEquals(value, table.estimate(metric), TOL, metric));
  }

  /** Row {@code r} predicts as pattern {@code r % 8} of the class comment, whatever was fitted. */
  private static final class BinaryEngine implements ModelEngine {
    @Override
    public List<String> levels() {
      return LEVELS;
    }

    @Override
    public int size() {
      return 16;
    }

    @Override
    public int[] labels() {
      int[] labels = new int[16];
      for (int r = 0; r < 16; r++) {
        labels[r] = TRUTH[r % 8];
      }
      return labels;
    }

    @Override
    public List<ClassPredictions> fitAndPredict(TunableSpec finalSpec, int[] analysis, int[] assessment,
        int[] checkpoints, long seed, Consumer<String> epochLog) {
      return List.of(predict(assessment));
    }

    @Override
    public FittedModel fit(TunableSpec finalSpec, int[] rows, long seed) {
      return new FittedModel() {
        @Override
        public ClassPredictions predict(int[] predictRows) {
          return BinaryEngine.predict(predictRows);
        }

        @Override
        public Object unwrap() {
          return finalSpec;
        }
      };
    }

    private static ClassPredictions predict(int[] rows) {
      int[] truth = new int[rows.length];
      int[] pred = new int[rows.length];
      double[][] p = new double[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        truth[i] = TRUTH[rows[i] % 8];
        pred[i] = PRED[rows[i] % 8];
        p[i] = pred[i] == 0 ? new double[] {0.7, 0.3} : new double[] {0.4, 0.6};
      }
      return ClassPredictions.of(LEVELS, truth, pred, p);
    }
  }
}
