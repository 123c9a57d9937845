/**
 * Tuning transfer models on images: {@link org.tune4j.models.tune.ImageResamples} and
 * {@link org.tune4j.models.tune.ImageSplit} bind images to resamples and splits for
 * {@code Tune.tuneGrid} and {@code Tune.lastFit}, over image sources of any size; behind them an
 * engine streams each image once per frozen backbone through it, chunk by chunk, and trains only the
 * heads, reading and writing the optional {@link org.tune4j.models.tune.FeatureCache} (sharded,
 * content-keyed, incremental and resumable). A spec that cannot be cut (a trainable backbone)
 * runs on the plain path instead: every fit trains the whole graph on the images, and the engine
 * says so once in the log.
 */
package org.tune4j.models.tune;
