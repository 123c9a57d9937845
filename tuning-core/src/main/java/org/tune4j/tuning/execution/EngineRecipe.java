package org.tune4j.tuning.execution;

import java.io.Serializable;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * How to build a {@link PortableEngine} again on another JVM: a few strings and row indices, no
 * images and no features. A worker builds the engine once per recipe {@link #id()} and reuses it for
 * every task of the run.
 */
public interface EngineRecipe extends Serializable {

  /** Equal for recipes that build the same engine (the data, its rows and its store). */
  String id();

  /** The engine, over the same rows as the one this recipe came from. */
  PortableEngine build();

  /** A final spec from the text {@link PortableEngine#specText} wrote. */
  TunableSpec spec(String text);
}
