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

  /** What a range sends back: its row count and what it learned ({@link PortableEngine#prepareRows}). */
  record Done(int rows, java.io.Serializable learned) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Runs on an executor. */
  Done run() {
    long t0 = System.nanoTime();
    PortableEngine engine = WorkerEngines.get(recipe);
    long t1 = System.nanoTime();
    java.io.Serializable learned = engine.prepareRows(specs.stream().map(recipe::spec).toList(), from, to, threads);
    org.slf4j.LoggerFactory.getLogger(RangeJob.class).info(String.format(java.util.Locale.ROOT,
        "featurized rows [%d, %d) in %.1f s (engine ready in %.1f s)", from, to, (System.nanoTime() - t1) / 1e9,
        (t1 - t0) / 1e9));
    return new Done(to - from, learned);
  }
}
