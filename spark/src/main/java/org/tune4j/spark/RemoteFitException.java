package org.tune4j.spark;

/** A fit that failed on an executor, its message kept (the run notes it as it would a local failure). */
final class RemoteFitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RemoteFitException(String message) {
    super(message);
  }
}
