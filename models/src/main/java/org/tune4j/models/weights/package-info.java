/**
 * Backbone weights: random with a seed, or Keras HDF5 files read by layer name, with the md5 of
 * published files checked and Keras' {@code ~/.keras/models} cache looked up.
 */
package org.tune4j.models.weights;
