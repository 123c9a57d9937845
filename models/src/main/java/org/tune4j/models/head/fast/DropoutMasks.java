package org.tune4j.models.head.fast;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where dropout masks come from. A mask is a pure function of the fit's seed, the DL4J layer index
 * and the iteration, never of the other candidates trained alongside, so a head gets the same masks
 * alone and in a group. Injectable so that tests can feed DL4J the very same masks.
 */
@FunctionalInterface
public interface DropoutMasks {
  /**
   * Fills {@code length} values of {@code out} from {@code from} with 0 for dropped units and {@code 1 / retain}
   * for kept ones (inverted dropout, as Keras and DL4J): one layer's mask for one minibatch, {@code [rows, width]}
   * in column-major order.
   *
   * @param out where the mask goes
   * @param from the first index of {@code out} to fill
   * @param length {@code rows * width}
   * @param retain probability of keeping a unit ({@code 1 - rate})
   * @param seed the fit's seed
   * @param layer the DL4J layer index of the dropout layer
   * @param iteration the 0-based training step
   */
  void fill(float[] out, int from, int length, double retain, long seed, int layer, int iteration);

  /** Bernoulli masks from a {@link SplittableRandom} seeded with (seed, layer, iteration). Thread-safe. */
  static DropoutMasks bernoulli() {
    return (out, from, length, retain, seed, layer, iteration) -> {
      SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + layer * 0xBF58476D1CE4E5B9L + iteration);
      float kept = (float) (1 / retain);
      for (int i = from; i < from + length; i++) {
        out[i] = r.nextDouble() < retain ? kept : 0f;
      }
    };
  }

  /** Copies {@code values} into the native buffer of {@code mask} (an own array of that length) without allocating. */
  static void write(INDArray mask, float[] values) {
    if (mask.isView() || mask.length() != values.length) {
      throw new IllegalArgumentException("mask must be an own array of " + values.length + " elements, not a view of "
          + mask.length());
    }
    Bufs.floats(mask).put(values, 0, values.length);
  }
}
