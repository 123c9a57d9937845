package org.tune4j.tuning.engine;

import java.util.List;
import java.util.Objects;
import org.tune4j.tuning.results.MetricRow;
import org.tune4j.tuning.results.Note;
import org.tune4j.tuning.results.PredictionRow;

/**
 * Everything one finished task produced: the fit of one candidate group on one resample. A run
 * hands each outcome to {@link Control#onTaskDone()} as it finishes (a journal appends it), and
 * takes outcomes of an earlier run through {@link Control#completed()} to skip those tasks (resume).
 *
 * @param key the task's stable key, {@code <first config id>@<resample id>} (e.g.
 *     {@code Model04@Repeat1/Fold2}): the same for the same grid and resamples in every run
 * @param configIds the candidates the task scored
 * @param metrics their metric rows
 * @param notes their notes (an error note when the fit failed)
 * @param predictions their held-out predictions when {@link Control#savePred()}
 */
public record TaskOutcome(String key, List<String> configIds, List<MetricRow> metrics, List<Note> notes,
    List<PredictionRow> predictions) {

  /** Validates and copies. */
  public TaskOutcome {
    Objects.requireNonNull(key, "key");
    configIds = List.copyOf(configIds);
    metrics = List.copyOf(metrics);
    notes = List.copyOf(notes);
    predictions = List.copyOf(predictions);
  }

  /** The key of the task fitting the group led by {@code firstConfigId} on resample {@code resampleId}. */
  public static String key(String firstConfigId, String resampleId) {
    return firstConfigId + "@" + resampleId;
  }
}
