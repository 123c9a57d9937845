package org.tune4j.tuning.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Resampling;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.spec.TunableSpec;

/** Resampling kinds tune treats specially: loo_cv is refused, Apparent left out of summaries. */
class ResampleKindsTest {

  static ResampledData data(ModelEngine engine, Resamples resamples) {
    return ResampledData.of(dataOf(engine), resamples);
  }

  /** An engine as the data it fits on (every spec fitted by it). */
  static ModelData dataOf(ModelEngine engine) {
    return new ModelData() {
      @Override
      public int size() {
        return engine.size();
      }

      @Override
      public int[] labels() {
        return engine.labels();
      }

      @Override
      public ModelEngine engine(TunableSpec spec) {
        return engine;
      }
    };
  }

  /** tune's check_rset: "Leave-one-out cross-validation is not currently supported with tune." */
  @Test
  void leaveOneOutIsRefusedBeforeAnyFit() {
    FakeSpec spec = FakeSpec.of(TuneTest.UNITS);
    Grid grid = Grids.of(spec.parameters(), List.of(Map.of("units", 2)));
    FakeEngine engine = new FakeEngine(12);
    ResampledData loo = data(engine, Resampling.looCv(12));
    String expected = "the resamples are leave-one-out cross-validation (loo_cv), which tune does not"
        + " support for tuning: each assessment set is one row, so metrics such as roc_auc are undefined;"
        + " use Resampling.vfoldCv(nRows, v) or Resampling.bootstraps(nRows, times, seed) instead";
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> Tune.tuneGrid(spec, loo, grid)).getMessage());
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> Tune.fitResamples(spec.finalize(Map.of("units", 2)), loo)).getMessage());
    assertEquals(0, engine.fits.get());
  }

  /** tune's estimate_tune_results drops {@code id == "Apparent"}; the per-resample rows keep it. */
  @Test
  void apparentResamplesAreLeftOutOfSummaries() {
    FakeSpec spec = FakeSpec.of(TuneTest.UNITS);
    Grid grid = Grids.of(spec.parameters(), List.of(Map.of("units", 2), Map.of("units", 10)));
    TuneResults res = Tune.tuneGrid(spec, data(new FakeEngine(30), Resampling.apparent(30)), grid);
    assertEquals(2 * 3, res.collectMetrics(false).nrow());
    assertEquals(List.of("Apparent"), res.collectMetrics(false).column("id").stream().distinct().toList());
    assertEquals(0, res.collectMetrics().nrow());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> res.showBest("accuracy"));
    assertEquals("metric \"accuracy\" was only estimated on the Apparent resample, which summaries leave out"
        + " as tune does; resample with vfoldCv or bootstraps", e.getMessage());
  }
}
