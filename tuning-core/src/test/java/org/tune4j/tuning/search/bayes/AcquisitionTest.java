package org.tune4j.tuning.search.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tune4j.tuning.metrics.Direction;

/**
 * Acquisition scores against values worked by hand from tune's formulas, with pnorm and dnorm
 * taken from an independent erfc (Python's math module).
 */
class AcquisitionTest {

  private static final double TOL = 1e-12;

  @Test
  void expectedImprovementWhenMaximising() {
    // delta = 0.85 - 0.84 = 0.01, z = 0.5: 0.01 * pnorm(0.5) + 0.02 * dnorm(0.5)
    assertEquals(0.013955931148026127,
        Acquisition.expImprove().score(0.85, 0.02, Direction.MAXIMIZE, 1, 0.84), TOL);
    // trade_off 0.02: delta = -0.01, z = -0.5
    assertEquals(0.003955931148026124,
        Acquisition.expImprove(0.02).score(0.85, 0.02, Direction.MAXIMIZE, 1, 0.84), TOL);
  }

  @Test
  void expectedImprovementWhenMinimising() {
    // delta = 0.01 + 0.32 - 0.30 = 0.03, z = 0.6
    assertEquals(0.03843363661208779,
        Acquisition.expImprove(0.01).score(0.30, 0.05, Direction.MINIMIZE, 1, 0.32), TOL);
  }

  @Test
  void expectedImprovementWithNoSpreadUsesZeroZ() {
    // sd <= eps: z = 0, so delta * 0.5 + eps * dnorm(0)
    assertEquals(0.05000000000000009,
        Acquisition.expImprove().score(0.9, 0.0, Direction.MAXIMIZE, 1, 0.8), TOL);
  }

  @Test
  void probabilityOfImprovementBothDirections() {
    ProbabilityOfImprovement pi = Acquisition.probImprove(0.005);
    // (0.85 - 0.84 - 0.005) / 0.02 = 0.25
    assertEquals(0.5987063256829239, pi.score(0.85, 0.02, Direction.MAXIMIZE, 1, 0.84), TOL);
    // (0.01 + 0.32 - 0.30) / 0.05 = 0.6
    assertEquals(0.7257468822499266, Acquisition.probImprove(0.01)
        .score(0.30, 0.05, Direction.MINIMIZE, 1, 0.32), TOL);
    // sd floored at eps: a sure improvement or a sure miss
    assertEquals(1.0, Acquisition.probImprove().score(0.85, 0, Direction.MAXIMIZE, 1, 0.84));
    assertEquals(0.0, Acquisition.probImprove().score(0.83, 0, Direction.MAXIMIZE, 1, 0.84));
  }

  @Test
  void confidenceBoundIsTunesFormulaInBothDirections() {
    assertEquals(0.852, Acquisition.confBound().score(0.85, 0.02, Direction.MAXIMIZE, 1,
        Double.NaN), TOL);
    // tune: -(mean + kappa * sd) when minimising
    assertEquals(-0.398, Acquisition.confBound(1.96).score(0.30, 0.05, Direction.MINIMIZE, 1,
        Double.NaN), TOL);
  }

  @Test
  void tradeOffMayDependOnTheIteration() {
    TradeOff decay = TradeOff.expoDecay(0.1, 0.0, 0.2);
    assertEquals(0.1, decay.valueAt(1), TOL);
    // 0.1 + (0 - 0.1) * (1 - exp(-0.2 * 2))
    assertEquals(0.06703200460356393, decay.valueAt(3), TOL);
    assertTrue(decay.isVariable());
    ExpectedImprovement ei = Acquisition.expImprove(decay);
    assertEquals(1.2785745778626565e-05, ei.score(0.85, 0.02, Direction.MAXIMIZE, 3, 0.84),
        TOL);
    assertEquals(Acquisition.expImprove(0.1).score(0.85, 0.02, Direction.MAXIMIZE, 1, 0.84),
        ei.score(0.85, 0.02, Direction.MAXIMIZE, 1, 0.84), TOL);
    ConfidenceBound ucb = Acquisition.confBound(TradeOff.of(iter -> iter, "iter"));
    assertEquals(0.85 + 3 * 0.02, ucb.score(0.85, 0.02, Direction.MAXIMIZE, 3, 0), TOL);
  }

  @Test
  void labelsFollowTune() {
    assertEquals("the expected improvement", Acquisition.expImprove().label());
    assertEquals("the probability of improvement with variable trade-off values.",
        Acquisition.probImprove(TradeOff.expoDecay(0.1, 0, 0.2)).label());
    assertEquals("the confidence bound", Acquisition.confBound().label());
    assertFalse(TradeOff.constant(0.1).isVariable());
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Acquisition.expImprove().score(0.8, 0.1, Direction.MAXIMIZE, 1, Double.NaN));
    assertEquals("best is NaN; give the finite best outcome so far", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Acquisition.expImprove(
        Double.POSITIVE_INFINITY));
    assertEquals("trade-off is Infinity; give a finite number", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ExpectedImprovement(TradeOff.constant(0), 0));
    assertTrue(e.getMessage().startsWith("eps is 0.0; give a small number > 0"));
    IllegalStateException s = assertThrows(IllegalStateException.class,
        () -> TradeOff.of(iter -> Double.NaN, "nan").valueAt(2));
    assertEquals("trade-off nan is NaN at iteration 2; the function must give finite numbers",
        s.getMessage());
  }
}
