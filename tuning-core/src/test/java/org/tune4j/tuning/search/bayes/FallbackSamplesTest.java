package org.tune4j.tuning.search.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.params.Transform;

class FallbackSamplesTest {

  @Test
  void dissimilarPicksTheCandidateFarthestFromTheHistory() {
    List<UnitPoint> ref = List.of(UnitPoint.of(0.0), UnitPoint.of(1.0));
    List<UnitPoint> pool = List.of(UnitPoint.of(0.1), UnitPoint.of(0.45), UnitPoint.of(0.9));
    assertEquals(1, FallbackSamples.dissimilar(GpFixtures.ONE_D, ref, pool).getAsInt());
  }

  @Test
  void dissimilarIgnoresEvaluatedPointsAndMayFindNone() {
    List<UnitPoint> ref = List.of(UnitPoint.of(0.3));
    assertTrue(FallbackSamples.dissimilar(GpFixtures.ONE_D, ref, List.of(UnitPoint.of(0.3)))
        .isEmpty());
    assertTrue(FallbackSamples.dissimilar(GpFixtures.ONE_D, ref, List.of()).isEmpty());
  }

  @Test
  void aChangeOfLevelCountsAsOneHotDistance() {
    UnitEncoding enc = UnitEncoding.of(ParameterSet.of(
        NumericParameter.ofDouble("x", "X", 0, 1, Transform.IDENTITY), Parameters.optimizer()));
    List<UnitPoint> ref = List.of(UnitPoint.of(0.0, 0.0));
    // same level but x = 1 (squared distance 1) vs another level at x = 0 (squared distance 2)
    List<UnitPoint> pool = List.of(UnitPoint.of(1.0, 0.0), UnitPoint.of(0.0, 0.5));
    assertEquals(1, FallbackSamples.dissimilar(enc, ref, pool).getAsInt());
  }

  @Test
  void uncertaintyDrawsAmongTheTopTenPercentBySd() {
    List<GpPrediction> preds = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      preds.add(new GpPrediction(0, (i * 7) % 30));   // sds 0..29 in a shuffled order
    }
    Set<Integer> seen = new HashSet<>();
    for (long seed = 0; seed < 60; seed++) {
      int pick = FallbackSamples.uncertainty(preds, seed).getAsInt();
      assertTrue(preds.get(pick).sd() >= 27, "sd " + preds.get(pick).sd());
      seen.add(pick);
      assertEquals(pick, FallbackSamples.uncertainty(preds, seed).getAsInt());
    }
    assertEquals(3, seen.size());
    assertEquals(0, FallbackSamples.uncertainty(List.of(new GpPrediction(1, 1)), 5L)
        .getAsInt());
    assertTrue(FallbackSamples.uncertainty(List.of(), 5L).isEmpty());
  }
}
