package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.List;

/**
 * The fitted correlation parameters of a {@link GaussianProcess}: one {@code beta = log10
 * theta} per numeric coordinate (GauPro's {@code k_Matern32} parameters, per dimension as tune
 * uses it), one correlation per pair of levels for each qualitative coordinate (GauPro's
 * {@code k_FactorKernel}), and the nugget actually used.
 *
 * <p>The constant mean and the process variance are not here: they are estimated in closed
 * form from the data on each fit. Level pairs of a parameter with {@code k} values are ordered
 * {@code (0,1), (0,2), .., (0,k-1), (1,2), ..}. Immutable and thread-safe.
 *
 * @param kernel the Matérn kernel
 * @param log10Theta {@code beta_j} for each numeric coordinate, in coordinate order
 * @param levelCorrelations for each qualitative coordinate, in order, the correlation of each
 *     level pair, in {@code [0, 1)}
 * @param nugget the diagonal jitter relative to the process variance (the settings' nugget, or
 *     more if the Cholesky factorisation needed it)
 */
public record GpHyperparameters(Kernel kernel, List<Double> log10Theta,
    List<List<Double>> levelCorrelations, double nugget) {

  /** GauPro's lower bound on {@code beta}. */
  public static final double BETA_LOWER = -8;
  /** GauPro's upper bound on {@code beta}. */
  public static final double BETA_UPPER = 6;
  /** GauPro's upper bound on a level-pair correlation ({@code k_FactorKernel}'s p_upper). */
  public static final double LEVEL_CORRELATION_UPPER = 0.9;

  /** Validates and copies the arguments. */
  public GpHyperparameters {
    if (kernel == null || log10Theta == null || levelCorrelations == null) {
      throw new IllegalArgumentException("hyperparameters have kernel " + kernel + ", beta "
          + log10Theta + ", level correlations " + levelCorrelations + "; give all three");
    }
    for (Double b : log10Theta) {
      if (b == null || !Double.isFinite(b)) {
        throw new IllegalArgumentException("beta values are " + log10Theta
            + "; give finite numbers");
      }
    }
    List<List<Double>> copy = new ArrayList<>();
    for (List<Double> pairs : levelCorrelations) {
      for (Double p : pairs) {
        if (p == null || !(p >= 0 && p < 1)) {
          throw new IllegalArgumentException("level correlations are " + levelCorrelations
              + "; give values in [0, 1)");
        }
      }
      copy.add(List.copyOf(pairs));
    }
    if (!(nugget > 0 && Double.isFinite(nugget))) {
      throw new IllegalArgumentException("nugget is " + nugget + "; give a finite value > 0");
    }
    log10Theta = List.copyOf(log10Theta);
    levelCorrelations = List.copyOf(copy);
  }

  /** The length scale {@code 1 / sqrt(theta_j)} of each numeric coordinate, on the unit scale. */
  public List<Double> lengthScales() {
    List<Double> scales = new ArrayList<>();
    for (double b : log10Theta) {
      scales.add(1.0 / Math.sqrt(Math.pow(10.0, b)));
    }
    return List.copyOf(scales);
  }

  /** A copy with another nugget. */
  GpHyperparameters withNugget(double newNugget) {
    return new GpHyperparameters(kernel, log10Theta, levelCorrelations, newNugget);
  }
}
