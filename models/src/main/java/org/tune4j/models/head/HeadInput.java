package org.tune4j.models.head;

/** How the head turns the backbone's output into one feature vector per image. */
public enum HeadInput {
  /** Flatten the whole output (Keras {@code layer_flatten}); the vignette's choice. */
  FLATTEN,
  /** Average each channel over height and width ({@code layer_global_average_pooling_2d}). */
  GLOBAL_AVERAGE_POOLING,
  /** Take each channel's maximum over height and width ({@code layer_global_max_pooling_2d}). */
  GLOBAL_MAX_POOLING
}
