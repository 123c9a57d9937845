package org.tune4j.tuning.engine;

import java.util.List;
import org.tune4j.tuning.results.Note;

/** Builds an {@link AllModelsFailedException} (its constructor is the engine's) for the cli's tests. */
public final class AllModelsFailedFixture {
  private AllModelsFailedFixture() {}

  /** The exception the engine throws when every fit failed with {@code notes}. */
  public static AllModelsFailedException of(List<Note> notes) {
    return new AllModelsFailedException(notes);
  }
}
