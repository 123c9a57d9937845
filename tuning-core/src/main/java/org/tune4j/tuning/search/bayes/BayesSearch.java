package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.grid.SpaceFillingType;
import org.tune4j.tuning.metrics.Direction;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.search.Decision;
import org.tune4j.tuning.search.EarlierResults;
import org.tune4j.tuning.search.Round;
import org.tune4j.tuning.search.SearchState;
import org.tune4j.tuning.search.SearchStrategy;

/**
 * tune's {@code tune_bayes} on the search seam: round 1 fits an initial space-filling design (or
 * the given candidates) on every resample; each later round fits the candidate(s) a Gaussian
 * process on the mean of the first metric proposes ({@link BayesProposer}: the acquisition's best
 * of a 5,000-point Latin hypercube, an uncertainty sample, or a space-filling point when the GP
 * fails tune's checks). Stops after {@code iter} iterations or {@code no_improve} iterations without
 * a better mean. Proposals are {@code Iter1}, {@code Iter2}, … as in tune (numbered on across a
 * batch). Pure in the {@link SearchState}: every random draw comes from the run's seed and the
 * iteration. Immutable.
 *
 * <pre>{@code
 * TuneResults res = Tune.search(spec, folds, BayesSearch.of(spec.parameters(), BayesOptions.defaults()), control);
 * }</pre>
 */
public final class BayesSearch implements SearchStrategy {
  private final ParameterSet parameters;
  private final BayesOptions options;
  private final Optional<Grid> initialGrid;
  private final Optional<TuneResults> earlier;

  private BayesSearch(ParameterSet parameters, BayesOptions options, Optional<Grid> initialGrid,
      Optional<TuneResults> earlier) {
    this.parameters = parameters;
    this.options = options;
    this.initialGrid = initialGrid;
    this.earlier = earlier;
  }

  /** A search starting from a space-filling design of {@code options.initial()} candidates. */
  public static BayesSearch of(ParameterSet parameters, BayesOptions options) {
    return new BayesSearch(parameters, options, Optional.empty(), Optional.empty());
  }

  /** A search starting from the candidates of {@code initial} (an earlier grid, say). */
  public static BayesSearch from(Grid initial, BayesOptions options) {
    if (initial.size() < 2) {
      throw new IllegalArgumentException("the initial grid has " + initial.size() + " candidate; the Gaussian process"
          + " needs at least 2");
    }
    return new BayesSearch(initial.parameters(), options, Optional.of(initial), Optional.empty());
  }

  /**
   * A search whose round 1 is an earlier run's results (tune's {@code initial = } a
   * {@code tune_results}): their estimates seed the Gaussian process and are part of this search's
   * results; nothing of them is refitted. The engine checks that they come from the same resamples
   * and parameters ({@link EarlierResults#check}).
   *
   * @throws IllegalArgumentException when fewer than 2 of their candidates have estimates
   */
  public static BayesSearch from(TuneResults earlier, BayesOptions options) {
    int n = EarlierResults.candidates(earlier).size();
    if (n < 2) {
      throw new IllegalArgumentException("the earlier results have " + n + " candidate with estimates; the Gaussian"
          + " process needs at least 2 (start from a grid of 2 or more, or from options.initial(k))");
    }
    return new BayesSearch(earlier.parameters(), options, Optional.empty(), Optional.of(earlier));
  }

  @Override
  public Optional<TuneResults> earlierResults() {
    return earlier;
  }

  @Override
  public String name() {
    return "bayes";
  }

  @Override
  public Optional<Round> next(SearchState state) {
    List<Integer> all = IntStream.range(0, state.resamples().size()).boxed().toList();
    if (state.rounds().isEmpty() && earlier.isPresent()) {
      return Optional.of(EarlierResults.round(earlier.get(), all.size(), String.format(Locale.ROOT,
          "Optimizing %s using %s, from %d earlier candidates", state.firstMetric(), options.acquisition().label(),
          EarlierResults.candidates(earlier.get()).size())));
    }
    if (state.rounds().isEmpty()) {
      Grid grid = initialGrid.orElseGet(() -> Grids.spaceFilling(parameters, options.initial(),
          SpaceFillingType.LATIN_HYPERCUBE, state.seed()));
      return Optional.of(new Round(1, grid.candidates(), all, List.of(), String.format(Locale.ROOT,
          "Optimizing %s using %s", state.firstMetric(), options.acquisition().label())));
    }
    int iteration = state.rounds().size();   // the iteration this round would be
    if (iteration > options.iter()) {
      return Optional.empty();
    }
    String metric = state.firstMetric();
    Direction direction = state.metrics().metric(metric).direction();
    Map<String, Candidate> candidates = state.candidates();
    List<String> ids = new ArrayList<>(candidates.keySet());
    double[][] est = state.estimates(metric, ids, all);
    UnitEncoding encoding = UnitEncoding.of(parameters);
    List<UnitPoint> points = new ArrayList<>();
    List<Double> outcomes = new ArrayList<>();
    List<UnitPoint> evaluated = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      UnitPoint p = encoding.encode(candidates.get(ids.get(i)));
      evaluated.add(p);
      double m = SearchState.meanOf(est[i]);
      if (!Double.isNaN(m)) {
        points.add(p);
        outcomes.add(m);
      }
    }
    int withoutImprovement = iterationsWithoutImprovement(state, ids, est, direction);
    if (withoutImprovement >= options.noImprove()) {
      return Optional.empty();
    }
    if (points.size() < 2) {
      throw new IllegalStateException("only " + points.size() + " candidate has a finite " + metric + " so far; the"
          + " Gaussian process needs 2 (see the notes of the failed fits)");
    }
    long seed = new SplittableRandom(state.seed() ^ (0xB5AD4ECEDA1CE2A9L * iteration)).nextLong();
    List<UnitPoint> pool = CandidatePool.latinHypercube(encoding, CandidatePool.DEFAULT_SIZE, seed, evaluated);
    boolean uncertainty = withoutImprovement > 0 && withoutImprovement % options.uncertain() == 0;
    Proposals proposals = BayesProposer.of(encoding, options.acquisition(), direction)
        .withBatchSize(options.batch()).withGpSettings(GpSettings.tuneDefaults())
        .propose(History.of(points, outcomes), pool, iteration, uncertainty, seed);
    if (proposals.size() == 0) {
      return Optional.empty();   // tune: "No remaining candidate models"
    }
    int used = (int) ids.stream().filter(id -> id.startsWith("Iter")).count();
    List<Candidate> next = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    if (!proposals.check().usable()) {
      decisions.add(Decision.note(proposals.check().note()));
    }
    for (Proposal p : proposals.proposals()) {
      String id = "Iter" + (used + next.size() + 1);
      next.add(new Candidate(id, p.values()));
      Map<String, Double> v = new LinkedHashMap<>();
      v.put("objective", p.objective());
      v.put("mean", p.mean());
      v.put("sd", p.sd());
      decisions.add(Decision.of("propose", id, v, p.kind().name().toLowerCase(Locale.ROOT)));
    }
    int bestAt = best(ids, est, direction);
    String message = String.format(Locale.ROOT, "Iteration %d: %s (%s); current best %s = %.4g (%s)", iteration,
        String.join(", ", next.stream().map(Candidate::configId).toList()), proposals.proposals().get(0).kind()
            .name().toLowerCase(Locale.ROOT), metric, SearchState.meanOf(est[bestAt]), ids.get(bestAt));
    return Optional.of(new Round(iteration + 1, next, all, decisions, message));
  }

  /** Iterations since the best mean last improved (0 when the last round's candidates hold the best). */
  private static int iterationsWithoutImprovement(SearchState state, List<String> ids, double[][] est,
      Direction direction) {
    Map<String, Integer> roundOf = new LinkedHashMap<>();
    for (Round r : state.rounds()) {
      r.candidates().forEach(c -> roundOf.putIfAbsent(c.configId(), r.number()));
    }
    int bestRound = roundOf.get(ids.get(best(ids, est, direction)));
    return state.rounds().size() - Math.max(1, bestRound);
  }

  private static int best(List<String> ids, double[][] est, Direction direction) {
    int best = -1;
    for (int i = 0; i < ids.size(); i++) {
      double m = SearchState.meanOf(est[i]);
      if (Double.isNaN(m)) {
        continue;
      }
      if (best < 0 || (direction.biggerIsBetter() ? m > SearchState.meanOf(est[best]) : m < SearchState.meanOf(est[best]))) {
        best = i;
      }
    }
    return Math.max(best, 0);
  }

}
