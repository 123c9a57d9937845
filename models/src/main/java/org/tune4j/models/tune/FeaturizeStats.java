package org.tune4j.models.tune;

import java.util.Locale;

/**
 * What featurizing an image source through one frozen prefix did: rows run through the backbone,
 * rows read from the feature cache, and the time. Immutable.
 *
 * @param rows the source's rows
 * @param computed rows run through the backbone
 * @param fromCache rows whose features were already stored
 * @param seconds wall time, hashing and featurizing
 */
public record FeaturizeStats(int rows, int computed, int fromCache, double seconds) {
  /** Images through the backbone per second (0 when none were). */
  public double imagesPerSecond() {
    return computed == 0 || seconds <= 0 ? 0 : computed / seconds;
  }

  /** One line for logs: {@code featurized 500 of 7,390 images in 61.2 s (8.2 images/s; 6,890 from the feature cache)}. */
  public String describe() {
    return String.format(Locale.ROOT, "featurized %,d of %,d images in %.1f s (%.1f images/s; %,d from the feature"
        + " cache)", computed, rows, seconds, imagesPerSecond(), fromCache);
  }
}
