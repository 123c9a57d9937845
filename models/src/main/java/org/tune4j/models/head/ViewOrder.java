package org.tune4j.models.head;

import java.util.SplittableRandom;

/**
 * Which augmented view of each training row an epoch trains on: view {@code 1 … views} drawn from
 * the fit's seed, the epoch and the row alone, so a head sees the same views trained alone or together
 * with other heads, and a fit of 5 epochs sees the first 5 epochs of a fit of 10. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * int v = ViewOrder.viewOf(fit.seed(), epoch, row, 4);   // 1..4
 * }</pre>
 */
public final class ViewOrder {
  private ViewOrder() {}

  /**
   * The view (1-based) row {@code row} trains on in {@code epoch} (1-based) of a fit seeded {@code seed}.
   *
   * @throws IllegalArgumentException when {@code views} is below 1
   */
  public static int viewOf(long seed, int epoch, int row, int views) {
    if (views < 1) {
      throw new IllegalArgumentException("views = " + views + " must be at least 1");
    }
    SplittableRandom r = new SplittableRandom(seed * 0xD1B54A32D192ED03L ^ epoch * 0x9E3779B97F4A7C15L
        ^ row * 0xBF58476D1CE4E5B9L);
    return 1 + r.nextInt(views);
  }
}
