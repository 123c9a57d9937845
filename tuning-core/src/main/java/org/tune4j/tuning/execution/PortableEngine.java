package org.tune4j.tuning.execution;

import java.util.List;
import java.util.Optional;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * An engine that can be rebuilt on another JVM from a small serialisable {@link EngineRecipe}, and
 * whose shared work splits into row ranges: what a cluster executor needs. The recipe names the
 * data (how to open it, where the shared feature store is), never the data itself, so what travels
 * is the recipe, final specs as text, row ranges, row indices and seeds.
 *
 * <p>On a worker, {@link EngineRecipe#build()} gives an engine over the same rows; {@link #prepareRows}
 * does the shared work of some rows there (featurizing them into the shared store); then a fit's
 * {@code prepare} finds that work done and the fit reads what it wrote.
 */
public interface PortableEngine extends ModelEngine {

  /** Why this engine cannot be rebuilt elsewhere (and what would make it so), or empty when it can. */
  Optional<String> notPortableReason();

  /**
   * The recipe that rebuilds this engine.
   *
   * @throws IllegalStateException with {@link #notPortableReason()} when it cannot be rebuilt
   */
  EngineRecipe recipe();

  /** {@code finalSpec} as text that {@link EngineRecipe#spec} reads back unchanged. */
  String specText(TunableSpec finalSpec);

  /** The number of units of shared work (images of the source, for tune4j's engine), split into ranges by {@link #prepareRows}. */
  int sharedWorkRows();

  /**
   * Ranges given to {@link #prepareRows} should start at multiples of this (a featurizer's chunk), so each unit is
   * computed exactly as a local run computes it.
   */
  int sharedWorkBlock();

  /**
   * Does the shared work of units {@code [from, to)} for every final spec, with {@code threads} threads: after
   * every range has been done somewhere, {@link ModelEngine#prepare} finds nothing left to compute.
   *
   * @return what the range learned that saves work elsewhere, handed to {@link #sharedWorkDone} on the driver (tune4j's
   *     engine: the rows' content keys, so nothing hashes the images again), or null
   */
  java.io.Serializable prepareRows(List<TunableSpec> finalSpecs, int from, int to, int threads);

  /**
   * Every range's result of {@link #prepareRows}, in range order, once all are done: the engine keeps what saves it
   * work, and {@link #recipe()} passes it on. The default ignores them.
   */
  default void sharedWorkDone(List<java.io.Serializable> parts) {}
}
