/**
 * Tuning transfer models on images: {@link org.tune4j.models.tune.ImageResamples} and
 * {@link org.tune4j.models.tune.ImageSplit} bind images to resamples and splits for
 * {@code Tune.tuneGrid} and {@code Tune.lastFit}; behind them an engine featurizes each image once
 * per frozen backbone and trains only the heads.
 */
package org.tune4j.models.tune;
