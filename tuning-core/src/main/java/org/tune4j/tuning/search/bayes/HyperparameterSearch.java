package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Maximises the concentrated log marginal likelihood over the correlation parameters, with
 * restarts as GauPro's {@code optim()}: {@code max(5 d, restarts + 1)} starting points (the
 * first at {@code beta = 0} and level correlations 0, the others jittered by {@code N(0, 1)}
 * for {@code beta} and {@code N(0, 0.1)} for correlations, clipped to the bounds) are scored,
 * and the best {@code restarts + 1} are optimised locally. GauPro uses L-BFGS-B with gradients;
 * here BOBYQA (or Brent for a single parameter) from commons-math3 searches the same box.
 * Stateless: everything random comes from the seed argument.
 */
final class HyperparameterSearch {

  /**
   * The log-likelihood given to parameters whose matrix cannot be factorised with the nugget
   * of the settings (level correlations need not make a positive definite matrix).
   */
  private static final double PENALTY = -1e10;
  private static final int MAX_EVAL = 2000;
  private static final double INITIAL_RADIUS = 0.1;
  private static final double STOPPING_RADIUS = 1e-6;
  private static final double BRENT_RELATIVE = 1e-8;
  private static final double BRENT_ABSOLUTE = 1e-10;
  private static final double BETA_JITTER_SD = 1.0;
  private static final double CORRELATION_JITTER_SD = 0.1;

  private final UnitEncoding encoding;
  private final List<UnitPoint> points;
  private final double[] z;
  private final GpSettings settings;
  private final double[] lower;
  private final double[] upper;
  private final int numericCount;
  private final int[] pairCounts;

  private HyperparameterSearch(UnitEncoding encoding, List<UnitPoint> points, double[] z,
      GpSettings settings) {
    this.encoding = encoding;
    this.points = points;
    this.z = z;
    this.settings = settings;
    List<Double> lo = new ArrayList<>();
    List<Double> hi = new ArrayList<>();
    List<Integer> pairs = new ArrayList<>();
    int num = 0;
    for (int j = 0; j < encoding.dimension(); j++) {
      if (!encoding.isQualitative(j)) {
        num++;
        lo.add(GpHyperparameters.BETA_LOWER);
        hi.add(GpHyperparameters.BETA_UPPER);
      }
    }
    for (int j = 0; j < encoding.dimension(); j++) {
      if (encoding.isQualitative(j)) {
        int count = Correlation.pairCount(encoding.levelCount(j));
        pairs.add(count);
        for (int p = 0; p < count; p++) {
          lo.add(0.0);
          hi.add(GpHyperparameters.LEVEL_CORRELATION_UPPER);
        }
      }
    }
    this.numericCount = num;
    this.pairCounts = pairs.stream().mapToInt(Integer::intValue).toArray();
    this.lower = lo.stream().mapToDouble(Double::doubleValue).toArray();
    this.upper = hi.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The maximum-likelihood hyperparameters for standardised outcomes {@code z}. */
  static GpHyperparameters maximise(UnitEncoding encoding, List<UnitPoint> points, double[] z,
      GpSettings settings, long seed) {
    return new HyperparameterSearch(encoding, points, z, settings).run(seed);
  }

  private GpHyperparameters run(long seed) {
    int size = lower.length;
    if (size == 0) {
      return toHyperparameters(new double[0]);
    }
    List<double[]> starts = starts(seed);
    double[] best = starts.get(0);
    double bestValue = objective(best);
    for (double[] start : starts) {
      double[][] found = {start};
      double[] foundValue = {objective(start)};
      ObjectiveTracker tracker = w -> {
        double v = objective(w);
        if (v > foundValue[0]) {
          foundValue[0] = v;
          found[0] = w.clone();
        }
        return v;
      };
      try {
        optimise(tracker, start);
      } catch (MathIllegalStateException e) {
        // too many evaluations or a stalled trust region: keep the best point evaluated
      }
      if (foundValue[0] > bestValue) {
        bestValue = foundValue[0];
        best = found[0];
      }
    }
    return toHyperparameters(best);
  }

  private interface ObjectiveTracker {
    double value(double[] w);
  }

  private void optimise(ObjectiveTracker f, double[] start) {
    if (start.length == 1) {
      new BrentOptimizer(BRENT_RELATIVE, BRENT_ABSOLUTE).optimize(new MaxEval(MAX_EVAL),
          new UnivariateObjectiveFunction(x -> f.value(new double[] {x})), GoalType.MAXIMIZE,
          new SearchInterval(0.0, 1.0, start[0]));
      return;
    }
    double[] zeros = new double[start.length];
    double[] ones = new double[start.length];
    Arrays.fill(ones, 1.0);
    new BOBYQAOptimizer(2 * start.length + 1, INITIAL_RADIUS, STOPPING_RADIUS).optimize(
        new MaxEval(MAX_EVAL), new ObjectiveFunction(f::value), GoalType.MAXIMIZE,
        new InitialGuess(start), new SimpleBounds(zeros, ones));
  }

  /** Starting points on the normalised box, best first, {@code restarts + 1} of them. */
  private List<double[]> starts(long seed) {
    RandomGenerator rng = new MersenneTwister(seed);
    int candidates = Math.max(5 * encoding.dimension(), settings.restarts() + 1);
    List<double[]> all = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      double[] params = new double[lower.length];
      for (int k = 0; k < params.length; k++) {
        double sd = k < numericCount ? BETA_JITTER_SD : CORRELATION_JITTER_SD;
        double value = c == 0 ? 0.0 : rng.nextGaussian() * sd;
        params[k] = Math.max(lower[k], Math.min(upper[k], value));
      }
      all.add(normalise(params));
    }
    double[] values = new double[candidates];
    for (int c = 0; c < candidates; c++) {
      values[c] = objective(all.get(c));
    }
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      order.add(c);
    }
    order.sort(Comparator.comparingDouble((Integer c) -> -values[c]));
    List<double[]> kept = new ArrayList<>();
    for (int c = 0; c < settings.restarts() + 1; c++) {
      kept.add(all.get(order.get(c)));
    }
    return kept;
  }

  private double objective(double[] w) {
    try {
      GpHyperparameters hp = toHyperparameters(w);
      Posterior post = Posterior.withoutJitter(new Correlation(encoding, hp).matrix(points), z,
          settings.nugget());
      double ll = post.logLikelihood();
      return Double.isFinite(ll) ? ll : PENALTY;
    } catch (GpFailure e) {
      return PENALTY;
    }
  }

  private double[] normalise(double[] params) {
    double[] w = new double[params.length];
    for (int k = 0; k < w.length; k++) {
      w[k] = (params[k] - lower[k]) / (upper[k] - lower[k]);
    }
    return w;
  }

  private GpHyperparameters toHyperparameters(double[] w) {
    double[] params = new double[w.length];
    for (int k = 0; k < w.length; k++) {
      double u = Math.max(0.0, Math.min(1.0, w[k]));
      params[k] = lower[k] + u * (upper[k] - lower[k]);
    }
    List<Double> beta = new ArrayList<>();
    for (int k = 0; k < numericCount; k++) {
      beta.add(params[k]);
    }
    List<List<Double>> correlations = new ArrayList<>();
    int k = numericCount;
    for (int count : pairCounts) {
      List<Double> pairs = new ArrayList<>();
      for (int p = 0; p < count; p++) {
        pairs.add(params[k++]);
      }
      correlations.add(pairs);
    }
    return new GpHyperparameters(settings.kernel(), beta, correlations, settings.nugget());
  }
}
