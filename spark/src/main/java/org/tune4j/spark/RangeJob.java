package org.tune4j.spark;

import java.io.Serializable;
import java.util.List;
import org.tune4j.tuning.execution.EngineRecipe;
import org.tune4j.tuning.execution.PortableEngine;

/**
 * A range of the shared work as it travels to an executor: featurize rows {@code [from, to)} of the
 * source for every final spec into the shared store.
 */
record RangeJob(EngineRecipe recipe, List<String> specs, int from, int to, int threads) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Runs on an executor; returns the number of rows of the range. */
  Integer run() {
    PortableEngine engine = WorkerEngines.get(recipe);
    engine.prepareRows(specs.stream().map(recipe::spec).toList(), from, to, threads);
    return to - from;
  }
}
