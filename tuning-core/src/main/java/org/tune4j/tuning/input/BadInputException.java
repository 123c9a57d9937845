package org.tune4j.tuning.input;

/**
 * The user's input is wrong: an option, a job file value, a data folder, a saved journal or results
 * file. The message says which value was wrong and what would be right, e.g. {@code unknown option
 * "--treads"; usage: ...}. Unlike a plain {@link IllegalArgumentException} (which, escaping from the
 * middle of a run, is a bug), this one is meant for the person who gave the input.
 *
 * <pre>{@code
 * throw new BadInputException("--threads \"0\" is not a whole number from 1 to 1024");
 * }</pre>
 *
 * <p>Immutable, like every exception once thrown.
 */
public final class BadInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An input mistake described by {@code message} (the value and the fix). */
  public BadInputException(String message) {
    super(message);
  }

  /** An input mistake found by a check that threw {@code cause}; keeps its message. */
  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
