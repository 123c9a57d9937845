package org.tune4j.tuning.search.bayes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The two choices tune makes without trusting the acquisition function.
 *
 * <p>{@link #dissimilar} is tune's {@code dissim_sample()}, used when the Gaussian process
 * failed or {@link GpCheck} found it unreliable: the candidate whose smallest distance to the
 * evaluated points is largest. Distances are Euclidean on the encoded scale with each
 * qualitative parameter one-hot encoded (tune's {@code model.matrix(~ . + 0)} gives the first
 * qualitative parameter all its indicator columns but later ones treatment contrasts; here all
 * get all columns, so every change of level counts the same).
 *
 * <p>{@link #uncertainty} is tune's uncertainty sample in {@code pick_candidate()}, used after
 * {@code control_bayes(uncertain = n)} iterations without improvement: one candidate drawn at
 * random among the 10% (at least one) with the largest predicted standard deviation. Stateless
 * and thread-safe; randomness comes from the seed argument.
 *
 * <pre>{@code
 * OptionalInt far = FallbackSamples.dissimilar(enc, history.points(), pool);
 * OptionalInt unsure = FallbackSamples.uncertainty(model.predict(pool), 11L);
 * }</pre>
 */
public final class FallbackSamples {

  /** tune's share of candidates with the largest sd that an uncertainty sample draws from. */
  public static final double UNCERTAIN_SHARE = 0.1;

  private FallbackSamples() {}

  /**
   * The index in {@code pool} of the candidate farthest from all {@code reference} points
   * (first on ties), ignoring candidates equal to a reference point; empty if none is left.
   *
   * @throws IllegalArgumentException if a point's dimension is not the encoding's
   */
  public static OptionalInt dissimilar(UnitEncoding encoding, List<UnitPoint> reference,
      List<UnitPoint> pool) {
    if (encoding == null || reference == null || pool == null) {
      throw new IllegalArgumentException("encoding, reference and pool must not be null");
    }
    reference.forEach(encoding::checkDimension);
    pool.forEach(encoding::checkDimension);
    int bestIndex = -1;
    double bestDistance = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < pool.size(); c++) {
      double nearest = Double.POSITIVE_INFINITY;
      for (UnitPoint r : reference) {
        nearest = Math.min(nearest, squaredDistance(encoding, pool.get(c), r));
      }
      if (nearest > 0 && nearest > bestDistance) {
        bestDistance = nearest;
        bestIndex = c;
      }
    }
    return bestIndex < 0 ? OptionalInt.empty() : OptionalInt.of(bestIndex);
  }

  /**
   * The index of a candidate drawn uniformly among the {@code max(floor(0.1 n), 1)} with the
   * largest predicted sd (ties in their given order); empty if there are no predictions.
   */
  public static OptionalInt uncertainty(List<GpPrediction> predictions, long seed) {
    if (predictions == null) {
      throw new IllegalArgumentException("predictions are null; give the pool's predictions");
    }
    if (predictions.isEmpty()) {
      return OptionalInt.empty();
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < predictions.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -predictions.get(i).sd()));
    int top = Math.max((int) Math.floor(UNCERTAIN_SHARE * predictions.size()), 1);
    return OptionalInt.of(order.get(new MersenneTwister(seed).nextInt(top)));
  }

  private static double squaredDistance(UnitEncoding encoding, UnitPoint a, UnitPoint b) {
    double sum = 0;
    for (int j = 0; j < encoding.dimension(); j++) {
      if (encoding.isQualitative(j)) {
        if (encoding.levelIndex(j, a.get(j)) != encoding.levelIndex(j, b.get(j))) {
          sum += 2;
        }
      } else {
        double d = a.get(j) - b.get(j);
        sum += d * d;
      }
    }
    return sum;
  }
}
