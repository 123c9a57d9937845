package org.tune4j.tuning.params;

import java.util.List;

/**
 * dials' default parameters for neural networks, with dials' ids and labels.
 *
 * <p>Use these when a {@code tune()} placeholder has no range of its own, then rename with
 * {@link Parameter#withId} to kerasnip's naming ({@code dense_units}, {@code dropout_rate},
 * {@code fit_epochs}, ...). Ranges are on the transformed scale, as in dials. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * ParameterSet params = ParameterSet.of(
 *     Parameters.hiddenUnits(16, 256).withId("dense_units"),
 *     Parameters.dropout().withId("dropout_rate"),
 *     Parameters.learnRate());
 * }</pre>
 */
public final class Parameters {

  /**
   * Our default activation values. dials' own {@code values_activation} is now the sorted union
   * of brulee's and keras' activations (23 values from {@code celu} to {@code tanhshrink}, older
   * dials: linear, softmax, relu, elu, tanh); we keep the six that the models module's dense
   * blocks support, in the order a regular grid should try them.
   */
  public static final List<String> ACTIVATION_VALUES =
      List.of("relu", "sigmoid", "tanh", "elu", "gelu", "linear");

  /** The optimizers kerasnip's {@code compile_optimizer} commonly tunes over. */
  public static final List<String> OPTIMIZER_VALUES = List.of("adam", "sgd", "rmsprop");

  private Parameters() {}

  /** {@code hidden_units}: integer [1, 10]. */
  public static NumericParameter hiddenUnits() {
    return hiddenUnits(1, 10);
  }

  /** {@code hidden_units}: integer [lower, upper]. */
  public static NumericParameter hiddenUnits(int lower, int upper) {
    return NumericParameter.ofInteger("hidden_units", "# Hidden Units", lower, upper,
        Transform.IDENTITY);
  }

  /** {@code dropout}: double [0, 1), the upper end excluded. */
  public static NumericParameter dropout() {
    return new NumericParameter("dropout", "Dropout Rate", NumericType.DOUBLE, 0.0, 1.0, true,
        false, Transform.IDENTITY);
  }

  /** {@code epochs}: integer [10, 1000]. */
  public static NumericParameter epochs() {
    return NumericParameter.ofInteger("epochs", "# Epochs", 10, 1000, Transform.IDENTITY);
  }

  /** {@code batch_size}: integer, log2 scale [2, 7], i.e. 4 to 128. */
  public static NumericParameter batchSize() {
    return NumericParameter.ofInteger("batch_size", "Batch Size", 2, 7, Transform.LOG2);
  }

  /** {@code learn_rate}: double, log10 scale [-10, -1], i.e. 1e-10 to 0.1. */
  public static NumericParameter learnRate() {
    return NumericParameter.ofDouble("learn_rate", "Learning Rate", -10, -1, Transform.LOG10);
  }

  /** {@code penalty}: double, log10 scale [-10, 0], i.e. 1e-10 to 1. */
  public static NumericParameter penalty() {
    return NumericParameter.ofDouble("penalty", "Amount of Regularization", -10, 0,
        Transform.LOG10);
  }

  /** {@code activation}: {@link #ACTIVATION_VALUES}. */
  public static QualitativeParameter activation() {
    return QualitativeParameter.of("activation", "Activation Function", ACTIVATION_VALUES);
  }

  /** {@code optimizer}: {@link #OPTIMIZER_VALUES}. */
  public static QualitativeParameter optimizer() {
    return QualitativeParameter.of("optimizer", "Optimizer", OPTIMIZER_VALUES);
  }
}
