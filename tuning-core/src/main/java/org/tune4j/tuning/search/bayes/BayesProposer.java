package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.tune4j.tuning.metrics.Direction;

/**
 * Proposes the next candidates of a Bayesian optimisation from the evaluated history: one step
 * of tune's {@code tune_bayes()} loop between resampling runs ({@code fit_gp()},
 * {@code pred_gp()}, the acquisition's {@code predict()}, {@code pick_candidate()}).
 *
 * <p>For one candidate ({@code batchSize = 1}, tune's rule): fit the Gaussian process to the
 * history; if the fit fails or {@link GpCheck} rejects it, propose the pool candidate farthest
 * from the history ({@link ProposalKind#SPACE_FILLING}); otherwise predict every pool candidate
 * not yet evaluated, score it with the acquisition against the best outcome so far, and propose
 * the highest score (first on ties), or, when the caller asks for an uncertainty sample, a
 * random one of the 10% with the largest sd. For more candidates, each proposal is added to the
 * history with a fake outcome ({@link BatchStrategy}), the model conditioned on it with the same
 * correlation parameters, and the rule repeated; the best outcome then includes fake outcomes.
 *
 * <p>Pure and deterministic: the same arguments and seed give the same proposals. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * BayesProposer proposer = BayesProposer.of(enc, Acquisition.expImprove(), Direction.MAXIMIZE)
 *     .withBatchSize(3);
 * List<UnitPoint> pool = CandidatePool.latinHypercube(enc, 5000, seed + 1, history.points());
 * Proposals next = proposer.propose(history, pool, iteration, false, seed);
 * }</pre>
 */
public final class BayesProposer {

  private final UnitEncoding encoding;
  private final Acquisition acquisition;
  private final Direction direction;
  private final int batchSize;
  private final BatchStrategy strategy;
  private final GpSettings gpSettings;

  private BayesProposer(UnitEncoding encoding, Acquisition acquisition, Direction direction,
      int batchSize, BatchStrategy strategy, GpSettings gpSettings) {
    if (encoding == null || acquisition == null || direction == null || strategy == null
        || gpSettings == null) {
      throw new IllegalArgumentException("encoding, acquisition, direction, strategy and GP"
          + " settings must not be null");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size is " + batchSize
          + "; give at least 1 (tune proposes 1 per iteration)");
    }
    this.encoding = encoding;
    this.acquisition = acquisition;
    this.direction = direction;
    this.batchSize = batchSize;
    this.strategy = strategy;
    this.gpSettings = gpSettings;
  }

  /**
   * A proposer of one candidate per call, kriging believer for batches, with
   * {@link GpSettings#defaults()}.
   */
  public static BayesProposer of(UnitEncoding encoding, Acquisition acquisition,
      Direction direction) {
    return new BayesProposer(encoding, acquisition, direction, 1,
        BatchStrategy.KRIGING_BELIEVER, GpSettings.defaults());
  }

  /** A copy proposing {@code q >= 1} candidates per call. */
  public BayesProposer withBatchSize(int q) {
    return new BayesProposer(encoding, acquisition, direction, q, strategy, gpSettings);
  }

  /** A copy with another batch strategy. */
  public BayesProposer withStrategy(BatchStrategy newStrategy) {
    return new BayesProposer(encoding, acquisition, direction, batchSize, newStrategy,
        gpSettings);
  }

  /** A copy with other GP settings. */
  public BayesProposer withGpSettings(GpSettings settings) {
    return new BayesProposer(encoding, acquisition, direction, batchSize, strategy, settings);
  }

  /** The number of candidates per call. */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Proposes up to {@code batchSize} distinct candidates from {@code pool}, none of them in the
   * history.
   *
   * @param history the evaluated candidates and their outcomes
   * @param pool the candidates to choose from, e.g. {@link CandidatePool#latinHypercube}
   * @param iteration the search iteration, from 1 (for trade-offs that vary)
   * @param uncertaintySample whether to take an uncertainty sample instead of the best score
   *     (tune does after {@code uncertain} iterations without improvement)
   * @param seed seeds the GP fit's restarts and the uncertainty draws
   * @throws IllegalArgumentException for null arguments, points of the wrong dimension or an
   *     iteration below 1
   */
  public Proposals propose(History history, List<UnitPoint> pool, int iteration,
      boolean uncertaintySample, long seed) {
    if (history == null || pool == null) {
      throw new IllegalArgumentException("history is " + history + " and pool is " + pool
          + "; give both");
    }
    if (iteration < 1) {
      throw new IllegalArgumentException("iteration is " + iteration
          + "; give 1 or more (tune counts search iterations from 1)");
    }
    history.points().forEach(encoding::checkDimension);
    pool.forEach(encoding::checkDimension);
    Set<UnitPoint> remainingSet = new LinkedHashSet<>(pool);
    remainingSet.removeAll(new HashSet<>(history.points()));
    List<UnitPoint> remaining = new ArrayList<>(remainingSet);

    GpFit fit = GaussianProcess.fit(encoding, history, gpSettings, seed);
    GpCheck check = GpCheck.of(fit);
    Optional<GpHyperparameters> hp = fit.fitted().map(GaussianProcess::hyperparameters);
    List<Proposal> proposals = new ArrayList<>();
    if (!check.usable()) {
      spaceFilling(new ArrayList<>(history.points()), remaining, proposals);
      return new Proposals(proposals, check, hp);
    }
    GaussianProcess model = fit.modelOrThrow();
    History augmented = history;
    while (proposals.size() < batchSize && !remaining.isEmpty()) {
      List<GpPrediction> predictions = model.predict(remaining);
      double[] scores = new double[remaining.size()];
      double best = augmented.best(direction);
      for (int c = 0; c < scores.length; c++) {
        scores[c] = acquisition.score(predictions.get(c), direction, iteration, best);
      }
      int pick = uncertaintySample
          ? FallbackSamples.uncertainty(predictions, seed + 1 + proposals.size()).getAsInt()
          : argMax(scores);
      UnitPoint point = remaining.remove(pick);
      GpPrediction p = predictions.get(pick);
      proposals.add(new Proposal(point, encoding.decode(point), uncertaintySample
          ? ProposalKind.UNCERTAINTY_SAMPLE : ProposalKind.ACQUISITION, scores[pick], p.mean(),
          p.sd()));
      if (proposals.size() < batchSize && !remaining.isEmpty()) {
        augmented = augmented.with(point, strategy.fakeOutcome(p, history, direction));
        GpFit next = model.condition(augmented);
        if (!next.succeeded()) {
          spaceFilling(new ArrayList<>(augmented.points()), remaining, proposals);
          break;
        }
        model = next.modelOrThrow();
      }
    }
    return new Proposals(proposals, check, hp);
  }

  private void spaceFilling(List<UnitPoint> reference, List<UnitPoint> remaining,
      List<Proposal> proposals) {
    while (proposals.size() < batchSize) {
      OptionalInt pick = FallbackSamples.dissimilar(encoding, reference, remaining);
      if (pick.isEmpty()) {
        return;
      }
      UnitPoint point = remaining.remove(pick.getAsInt());
      reference.add(point);
      proposals.add(new Proposal(point, encoding.decode(point), ProposalKind.SPACE_FILLING,
          Double.NaN, Double.NaN, Double.NaN));
    }
  }

  private static int argMax(double[] scores) {
    int best = 0;
    for (int c = 1; c < scores.length; c++) {
      if (scores[c] > scores[best] || Double.isNaN(scores[best])) {
        best = c;
      }
    }
    return best;
  }
}
