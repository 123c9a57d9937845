package org.tune4j.models.spec;

/**
 * The {@code fit} arguments of a spec (kerasnip's {@code fit_*}): epochs, batch size, validation
 * split and early-stopping patience — each a value or {@code tune()} ({@code fit_epochs}, {@code fit_batch_size},
 * {@code fit_validation_split}, {@code fit_patience}). Immutable.
 *
 * <pre>{@code
 * Fit.epochs(50).batchSize(32).validationSplit(0.2).patience(3)
 * }</pre>
 */
public final class Fit {
  final Settings settings;

  private Fit(Settings settings) {
    this.settings = settings;
  }

  /** Keras' defaults: 1 epoch, batch 32, no validation split. */
  public static Fit defaults() {
    return new Fit(Settings.defaults("fit", Settings.FIT));
  }

  /** Defaults with {@code epochs} epochs. */
  public static Fit epochs(Object epochs) {
    return defaults().withEpochs(epochs);
  }

  /** A copy with {@code epochs}. */
  public Fit withEpochs(Object epochs) {
    return new Fit(settings.with("epochs", epochs));
  }

  /** A copy with minibatches of {@code size}. */
  public Fit batchSize(Object size) {
    return new Fit(settings.with("batch_size", size));
  }

  /** A copy holding out the last {@code share} of the rows for validation. */
  public Fit validationSplit(Object share) {
    return new Fit(settings.with("validation_split", share));
  }

  /**
   * A copy that stops a fit once the validation loss has not improved for {@code epochs} epochs in a row (Keras'
   * {@code callback_early_stopping(monitor = "val_loss", patience = epochs)}, the weights it stopped with kept);
   * 0, the default, never stops. Needs a validation split.
   */
  public Fit patience(Object epochs) {
    return new Fit(settings.with("patience", epochs));
  }

  /** The names of the arguments (as in JSON), in order. */
  public static java.util.List<String> argumentNames() {
    return Settings.FIT.stream().map(ArgSpec::name).toList();
  }

  /** A copy with argument {@code name} (as named in JSON) set. */
  public Fit with(String name, Object value) {
    return new Fit(settings.with(name, value));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fit f && f.settings.equals(settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    return settings.toString();
  }
}
