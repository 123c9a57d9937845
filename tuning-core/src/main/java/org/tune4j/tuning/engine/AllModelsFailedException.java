package org.tune4j.tuning.engine;

import java.util.List;
import org.tune4j.tuning.results.Note;

/**
 * Every fit of a run failed: the one fatal outcome of tuning (as tune's "All models failed").
 * The notes say why each fit failed; nothing computed is lost.
 */
public final class AllModelsFailedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final transient List<Note> notes;

  AllModelsFailedException(List<Note> notes) {
    super("all " + notes.stream().filter(Note::isError).count() + " fits failed; see notes(): the first says: "
        + notes.stream().filter(Note::isError).findFirst().map(n -> n.configId() + " on " + n.id() + " (" + n.stage()
            + "): " + n.message()).orElse("(no note)"));
    this.notes = List.copyOf(notes);
  }

  /** Every note of the run. */
  public List<Note> notes() {
    return notes;
  }
}
