package org.tune4j.tuning.search.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.metrics.Direction;

class BayesProposerTest {

  private static final long SEED = 2024L;
  private static final History BOWL =
      GpFixtures.history(GpFixtures.design(12, 2, 3L), GpFixtures::bowl);
  private static final List<UnitPoint> POOL =
      CandidatePool.latinHypercube(GpFixtures.TWO_D, 2000, 17L, BOWL.points());

  private static BayesProposer proposer(Direction direction) {
    return BayesProposer.of(GpFixtures.TWO_D, Acquisition.expImprove(), direction);
  }

  @Test
  void proposalsAreDeterministic() {
    BayesProposer p = proposer(Direction.MINIMIZE).withBatchSize(3);
    assertEquals(p.propose(BOWL, POOL, 1, false, SEED), p.propose(BOWL, POOL, 1, false, SEED));
  }

  @Test
  void oneProposalIsTheBestScoringCandidate() {
    Proposals out = proposer(Direction.MINIMIZE).propose(BOWL, POOL, 1, false, SEED);
    assertEquals(1, out.size());
    assertTrue(out.check().usable(), out.check().note());
    GaussianProcess gp = GaussianProcess.fit(GpFixtures.TWO_D, BOWL, GpSettings.defaults(),
        SEED).modelOrThrow();
    double best = BOWL.best(Direction.MINIMIZE);
    UnitPoint argMax = null;
    double top = Double.NEGATIVE_INFINITY;
    for (UnitPoint c : POOL) {
      double s = Acquisition.expImprove().score(gp.predict(c), Direction.MINIMIZE, 1, best);
      if (s > top) {
        top = s;
        argMax = c;
      }
    }
    Proposal first = out.proposals().get(0);
    assertEquals(argMax, first.point());
    assertEquals(ProposalKind.ACQUISITION, first.kind());
    assertEquals(top, first.objective());
    assertEquals(gp.predict(argMax), new GpPrediction(first.mean(), first.sd()));
    assertEquals(GpFixtures.TWO_D.decode(argMax), first.values());
    assertEquals(gp.hyperparameters(), out.hyperparameters().orElseThrow());
  }

  @Test
  void theProposalMovesTowardsTheOptimumInBothDirections() {
    History h = GpFixtures.history(GpFixtures.line(6), p -> Math.pow(p.get(0) - 0.3, 2));
    History negated = GpFixtures.history(GpFixtures.line(6), p -> -Math.pow(p.get(0) - 0.3, 2));
    List<UnitPoint> pool = CandidatePool.latinHypercube(GpFixtures.ONE_D, 500, 1L, h.points());
    double min = BayesProposer.of(GpFixtures.ONE_D, Acquisition.expImprove(),
        Direction.MINIMIZE).propose(h, pool, 1, false, SEED).proposals().get(0).point().get(0);
    double max = BayesProposer.of(GpFixtures.ONE_D, Acquisition.expImprove(),
        Direction.MAXIMIZE).propose(negated, pool, 1, false, SEED).proposals().get(0).point()
        .get(0);
    assertEquals(0.3, min, 0.1);
    assertEquals(min, max, 1e-9);
  }

  @Test
  void batchesAreDistinctAndNewForEveryStrategy() {
    Set<UnitPoint> evaluated = new HashSet<>(BOWL.points());
    for (BatchStrategy s : BatchStrategy.values()) {
      Proposals out = proposer(Direction.MINIMIZE).withBatchSize(4).withStrategy(s)
          .propose(BOWL, POOL, 2, false, SEED);
      assertEquals(4, out.size(), s.name());
      Set<UnitPoint> points = new HashSet<>();
      for (Proposal p : out.proposals()) {
        assertTrue(points.add(p.point()), s + " repeats " + p.point());
        assertFalse(evaluated.contains(p.point()));
        assertEquals(ProposalKind.ACQUISITION, p.kind());
      }
    }
  }

  @Test
  void theFirstOfABatchIsTheSingleProposal() {
    Proposal single = proposer(Direction.MINIMIZE).propose(BOWL, POOL, 1, false, SEED)
        .proposals().get(0);
    Proposal firstOfBatch = proposer(Direction.MINIMIZE).withBatchSize(3)
        .propose(BOWL, POOL, 1, false, SEED).proposals().get(0);
    assertEquals(single, firstOfBatch);
  }

  @Test
  void aFitThatFailsTheChecksFallsBackToSpaceFilling() {
    History noisy = GpFixtures.alternating(10);
    List<UnitPoint> points = noisy.points();
    List<UnitPoint> pool = CandidatePool.latinHypercube(GpFixtures.ONE_D, 200, 3L);
    Proposals out = BayesProposer.of(GpFixtures.ONE_D, Acquisition.expImprove(),
        Direction.MAXIMIZE).withBatchSize(2).propose(noisy, pool, 1, false, SEED);
    assertFalse(out.check().usable());
    assertEquals(2, out.size());
    Proposal first = out.proposals().get(0);
    assertEquals(ProposalKind.SPACE_FILLING, first.kind());
    assertTrue(Double.isNaN(first.mean()) && Double.isNaN(first.sd())
        && Double.isNaN(first.objective()));
    assertEquals(pool.get(FallbackSamples.dissimilar(GpFixtures.ONE_D, points, pool)
        .getAsInt()), first.point());
    assertFalse(first.point().equals(out.proposals().get(1).point()));
  }

  @Test
  void aFailedFitFallsBackToSpaceFilling() {
    History flat = History.of(BOWL.points(), BOWL.points().stream().map(p -> 0.5).toList());
    Proposals out = proposer(Direction.MAXIMIZE).propose(flat, POOL, 1, false, SEED);
    assertFalse(out.check().usable());
    assertTrue(out.check().note().startsWith("GP failed: all of the outcome values"));
    assertTrue(out.hyperparameters().isEmpty());
    assertEquals(ProposalKind.SPACE_FILLING, out.proposals().get(0).kind());
  }

  @Test
  void anUncertaintySampleComesFromTheMostUncertainTenPercent() {
    Proposals out = proposer(Direction.MINIMIZE).propose(BOWL, POOL, 1, true, SEED);
    Proposal p = out.proposals().get(0);
    assertEquals(ProposalKind.UNCERTAINTY_SAMPLE, p.kind());
    GaussianProcess gp = GaussianProcess.fit(GpFixtures.TWO_D, BOWL, GpSettings.defaults(),
        SEED).modelOrThrow();
    long larger = POOL.stream().filter(c -> gp.predict(c).sd() > p.sd()).count();
    assertTrue(larger < POOL.size() / 10, larger + " candidates are more uncertain");
  }

  @Test
  void aSmallPoolGivesFewerProposals() {
    Proposals out = proposer(Direction.MINIMIZE).withBatchSize(5)
        .propose(BOWL, POOL.subList(0, 2), 1, false, SEED);
    assertEquals(2, out.size());
    List<UnitPoint> withEvaluated = new ArrayList<>(BOWL.points());
    assertEquals(0, proposer(Direction.MINIMIZE).propose(BOWL, withEvaluated, 1, false, SEED)
        .size());
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> proposer(Direction.MINIMIZE).propose(BOWL, POOL, 0, false, SEED));
    assertEquals("iteration is 0; give 1 or more (tune counts search iterations from 1)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> proposer(Direction.MINIMIZE).withBatchSize(0));
    assertEquals("batch size is 0; give at least 1 (tune proposes 1 per iteration)",
        e.getMessage());
  }
}
