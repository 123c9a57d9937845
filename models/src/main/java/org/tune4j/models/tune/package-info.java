/**
 * Tuning transfer models on images: {@link org.tune4j.models.tune.ImageData} is the data a search
 * fits on (an image source of any size and the feature store of its frozen backbones; resamples of
 * it are plain row indices) and {@link org.tune4j.models.tune.ImageSplit} a training/test split of
 * it for {@code Tune.lastFit}; behind them the engine streams each image once per frozen backbone through it, chunk by chunk, and trains only the
 * heads, reading and writing the optional {@link org.tune4j.models.tune.FeatureCache} (sharded,
 * content-keyed, incremental and resumable). A spec that cannot be cut (a trainable backbone)
 * runs on the plain path instead: every fit trains the whole graph on the images, and the engine
 * says so once in the log.
 */
package org.tune4j.models.tune;
