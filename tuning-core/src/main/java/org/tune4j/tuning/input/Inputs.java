package org.tune4j.tuning.input;

import java.io.IOException;
import java.util.Objects;

/**
 * Marks a step as input checking: an {@link IllegalArgumentException} thrown by the step becomes a
 * {@link BadInputException} with the same message (and the original as its cause). Use it at the
 * boundaries where the caller's input is read and checked (option parsing, reading a job file,
 * loading data, reading a journal), never around the work itself, so that an
 * {@code IllegalArgumentException} from inside a run stays what it is: a bug. Stateless.
 *
 * <pre>{@code
 * RunOptions o = Inputs.check(() -> RunOptions.parse(args, true, USAGE));
 * Job job = Inputs.check(() -> JobReader.read(jobFile));
 * }</pre>
 */
public final class Inputs {
  private Inputs() {}

  /**
   * An input-checking step that returns a value.
   *
   * @param <T> the value's type
   */
  @FunctionalInterface
  public interface Step<T> {
    /** Reads and checks the input. */
    T get() throws IOException;
  }

  /**
   * An input-checking step without a value.
   */
  @FunctionalInterface
  public interface Action {
    /** Reads and checks the input. */
    void run() throws IOException;
  }

  /**
   * Runs {@code step}; its {@link IllegalArgumentException} becomes a {@link BadInputException}.
   *
   * @throws BadInputException for the step's {@code IllegalArgumentException}
   * @throws IOException the step's, unchanged
   */
  public static <T> T check(Step<T> step) throws IOException {
    Objects.requireNonNull(step, "step");
    try {
      return step.get();
    } catch (BadInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /**
   * Runs {@code action}; its {@link IllegalArgumentException} becomes a {@link BadInputException}.
   *
   * @throws BadInputException for the action's {@code IllegalArgumentException}
   * @throws IOException the action's, unchanged
   */
  public static void checkAll(Action action) throws IOException {
    Objects.requireNonNull(action, "action");
    check(() -> {
      action.run();
      return null;
    });
  }
}
