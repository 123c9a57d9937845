package org.tune4j.tuning.search.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GpCheckTest {

  private static LeaveOneOut loo(double rsq, double coverage) {
    return new LeaveOneOut(List.of(), List.of(), rsq, coverage);
  }

  @Test
  void thresholdsAreTunes() {
    GpCheck good = GpCheck.of(loo(0.5, 0.9));
    assertTrue(good.usable());
    assertEquals("Gaussian process model (LOO R\u00B2: 50.0%)", good.note());
    GpCheck lowRsq = GpCheck.of(loo(0.1, 1.0));
    assertFalse(lowRsq.usable());
    assertEquals("GP has a LOO R\u00B2 of 10.0% and is unreliable.", lowRsq.note());
    GpCheck lowCoverage = GpCheck.of(loo(0.5, 0.05));
    assertFalse(lowCoverage.usable());
    assertEquals("GP has a coverage rate < 10.0% and is unreliable.", lowCoverage.note());
    assertTrue(GpCheck.of(loo(0.5, 0.1)).usable());
    assertFalse(GpCheck.of(loo(Double.NaN, 1.0)).usable());
  }

  @Test
  void aFailedFitIsNotUsableWithRsquaredZero() {
    GpCheck check = GpCheck.of(GpFit.failed("boom"));
    assertFalse(check.usable());
    assertEquals(0.0, check.looRSquared());
    assertEquals("GP failed: boom", check.note());
  }

  @Test
  void aSmoothFunctionPassesAndAnAlternatingOneFails() {
    List<UnitPoint> points = GpFixtures.design(20, 2, 3L);
    GpFit smooth = GaussianProcess.fit(GpFixtures.TWO_D,
        GpFixtures.history(points, GpFixtures::bowl), GpSettings.defaults(), 1L);
    GpCheck ok = GpCheck.of(smooth);
    assertTrue(ok.usable(), ok.note());
    assertTrue(ok.looRSquared() > 0.9, ok.note());

    GpCheck bad = GpCheck.of(GaussianProcess.fit(GpFixtures.ONE_D,
        GpFixtures.alternating(10), GpSettings.defaults(), 1L));
    assertTrue(bad.looRSquared() < GpCheck.THRESHOLD, bad.note());
    assertFalse(bad.usable(), bad.note());
  }
}
