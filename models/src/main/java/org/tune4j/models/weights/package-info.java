/**
 * Backbone weights: random with a seed, Keras HDF5 files read by layer name, or Keras' published
 * ImageNet weights found in {@code ~/.keras/models}, in tune4j's cache, or downloaded and verified
 * ({@link org.tune4j.models.weights.ImageNetWeights}); the md5 of published files is checked.
 */
package org.tune4j.models.weights;
