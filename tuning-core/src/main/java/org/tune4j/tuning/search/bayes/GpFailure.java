package org.tune4j.tuning.search.bayes;

/** Why a Gaussian process could not be fitted; caught and turned into a failed {@link GpFit}. */
final class GpFailure extends RuntimeException {

  GpFailure(String message) {
    super(message);
  }
}
