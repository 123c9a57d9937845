package org.tune4j.tuning.engine;

import java.util.List;
import java.util.function.Consumer;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * A model library bound to one data set: what the tuning engine calls to fit a final spec on
 * some rows and predict others. tune4j's models module implements it for images with a frozen
 * backbone (featurizing each row once per engine).
 *
 * <p>Implementations must be safe to call from several threads at once, each call fitting its own
 * model, and must give the same predictions for the same arguments whatever the thread.
 */
public interface ModelEngine extends AutoCloseable {

  /** The outcome's levels, in label order. */
  List<String> levels();

  /** The number of rows of the data. */
  int size();

  /** The level index of every row. */
  int[] labels();

  /**
   * Fits {@code finalSpec} on the analysis rows and predicts the assessment rows after each of
   * the given epochs (the epoch sub-model trick): training runs once, to the last checkpoint.
   *
   * @param finalSpec a spec with nothing left to tune; its epochs are the last checkpoint
   * @param analysis rows to fit on
   * @param assessment rows to predict, in this order
   * @param checkpoints ascending epoch counts after which to predict; empty: once, after training
   * @param seed the seed of this fit (initial weights, minibatch order, dropout)
   * @param epochLog receives one line per epoch when the user asked for verbose logging
   * @return one set of predictions per checkpoint (one when none were given), truth included,
   *     rows in assessment order
   * @throws RuntimeException when the fit fails or diverges; the tuning engine makes it a note
   */
  List<ClassPredictions> fitAndPredict(TunableSpec finalSpec, int[] analysis, int[] assessment, int[] checkpoints,
      long seed, Consumer<String> epochLog);

  /**
   * How many specs this engine trains together in one {@link #fitAndPredictTogether} call (heads
   * batched into one wide computation, say). The default, 1, fits them one at a time.
   */
  default int maxSpecsPerFit() {
    return 1;
  }

  /**
   * Fits several final specs on the same rows with the same seed, together when the engine can;
   * each spec must get exactly the predictions {@link #fitAndPredict} would give it alone.
   *
   * <p>The default fits them one after another. A failure of one spec must not affect the others:
   * it is returned as that spec's {@link FitResult#failure()}.
   *
   * @param checkpoints for each spec, its checkpoints (as in {@link #fitAndPredict})
   * @return one result per spec, in order
   */
  default List<FitResult> fitAndPredictTogether(List<TunableSpec> finalSpecs, int[] analysis, int[] assessment,
      List<int[]> checkpoints, long seed, Consumer<String> epochLog) {
    List<FitResult> out = new java.util.ArrayList<>();
    for (int i = 0; i < finalSpecs.size(); i++) {
      try {
        out.add(FitResult.of(fitAndPredict(finalSpecs.get(i), analysis, assessment, checkpoints.get(i), seed,
            epochLog)));
      } catch (RuntimeException e) {
        out.add(FitResult.failed(e));
      }
    }
    return out;
  }

  /**
   * The outcome of one spec's fit in {@link #fitAndPredictTogether}: predictions per checkpoint,
   * or the failure.
   *
   * @param predictions one set per checkpoint, or empty when the fit failed
   * @param failure what went wrong, or null
   */
  record FitResult(List<ClassPredictions> predictions, RuntimeException failure) {
    /** Copies the predictions. */
    public FitResult {
      predictions = List.copyOf(predictions);
    }

    /** A fit that succeeded. */
    public static FitResult of(List<ClassPredictions> predictions) {
      return new FitResult(predictions, null);
    }

    /** A fit that failed. */
    public static FitResult failed(RuntimeException failure) {
      return new FitResult(List.of(), java.util.Objects.requireNonNull(failure, "failure"));
    }
  }

  /**
   * Fits {@code finalSpec} on {@code rows} and returns the fitted model.
   *
   * @param seed the seed of this fit
   */
  FittedModel fit(TunableSpec finalSpec, int[] rows, long seed);

  /**
   * Called once before any fit with every final spec the run will fit, and the thread budget:
   * lets the engine do shared work first (tune4j's engine featurizes each distinct frozen backbone
   * here, once, with the whole budget). The default does nothing.
   */
  default void prepare(List<TunableSpec> finalSpecs, int threadBudget) {}

  /**
   * As {@link #prepare(List, int)}, reporting the shared work's progress (images featurized, unit {@link
   * Progress#IMAGES}) to {@code progress}. The default ignores the sink.
   */
  default void prepare(List<TunableSpec> finalSpecs, int threadBudget, java.util.function.Consumer<Progress> progress) {
    prepare(finalSpecs, threadBudget);
  }

  /**
   * Tells the engine how many fits run at once and the total thread budget, before any fit
   * starts, so the library's own threads keep within the budget. The default does nothing.
   */
  default void configureThreads(int parallelFits, int threadBudget) {}

  /**
   * Releases what the engine holds for its run (tune4j's engine: its claim on the native library's threads). The
   * tuning engine calls it when a search, a {@code fitResamples} or a last fit ends; a fitted model it returned
   * still predicts. The default does nothing.
   */
  @Override
  default void close() {}

  /** A fitted model of this engine. */
  interface FittedModel {
    /** Predicts the given rows of the engine's data, truth included. */
    ClassPredictions predict(int[] rows);

    /** The library's own model object (for tune4j's models: a {@code FittedTransferModel}). */
    Object unwrap();
  }
}
