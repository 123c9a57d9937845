/**
 * Tuning transfer models on images: {@link org.tune4j.models.tune.ImageResamples} and
 * {@link org.tune4j.models.tune.ImageSplit} bind images to resamples and splits for
 * {@code Tune.tuneGrid} and {@code Tune.lastFit}; behind them an engine featurizes each image once
 * per frozen backbone and trains only the heads, reading and writing the optional
 * {@link org.tune4j.models.tune.FeatureCache}. A spec that cannot be cut (a trainable backbone)
 * runs on the plain path instead: every fit trains the whole graph on the images, and the engine
 * says so once in the log.
 */
package org.tune4j.models.tune;
