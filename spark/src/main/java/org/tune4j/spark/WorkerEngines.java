package org.tune4j.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tune4j.tuning.execution.EngineRecipe;
import org.tune4j.tuning.execution.PortableEngine;

/**
 * The engines an executor JVM has built, by recipe id: every task of a run on this executor shares
 * one (one backbone per prefix, the store's shards mapped once). Keeps the {@value #KEEP} most
 * recently used, so a long-lived executor serving many runs does not hold them all. Thread-safe.
 */
final class WorkerEngines {
  static final int KEEP = 4;
  private static final Map<String, PortableEngine> ENGINES = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PortableEngine> eldest) {
      if (size() > KEEP) {
        eldest.getValue().close(); // its claim on the native threads ends with it
        return true;
      }
      return false;
    }
  };

  private WorkerEngines() {}

  /** The engine of {@code recipe}, built on first use in this JVM. */
  static PortableEngine get(EngineRecipe recipe) {
    synchronized (ENGINES) {
      return ENGINES.computeIfAbsent(recipe.id(), id -> recipe.build());
    }
  }
}
