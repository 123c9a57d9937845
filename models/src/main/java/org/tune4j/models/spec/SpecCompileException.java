package org.tune4j.models.spec;

/**
 * A final spec cannot be compiled into a model: a block stands where it cannot, a value is outside
 * what its layer takes, the input size differs from the images'. The message names the spec, the
 * block and the value, and says what would fit. In tuning it becomes the candidate's note; any
 * other exception from compiling is a fault of tune4j, not of the spec.
 */
public final class SpecCompileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A spec error with its message. */
  public SpecCompileException(String message) {
    super(message);
  }

  /** A spec error found by a layer's own checks ({@code cause}), with the block named in {@code message}. */
  public SpecCompileException(String message, Throwable cause) {
    super(message, cause);
  }
}
