package org.tune4j.cli.job;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tune4j.models.data.Preprocessing;
import org.tune4j.models.finetune.FineTune;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.metrics.EventLevel;
import org.tune4j.tuning.metrics.MetricSet;

/**
 * A checked job: everything a tuning run needs, read from a job file by {@link JobReader}.
 * Immutable and thread-safe.
 *
 * @param name the job's name (run directories and the report show it)
 * @param data where the images come from
 * @param spec the model spec with its tuned parameters and ranges
 * @param grid the candidates
 * @param search how the grid is searched (every candidate on every fold, or a race)
 * @param resampling how the training images are resampled (stratified v-fold cross-validation by default)
 * @param metrics the metrics computed on every fold
 * @param eventLevel the event of a two-class outcome for the binary metrics (tune's {@code event_level})
 * @param selectBy the metric that picks the candidate for the last fit
 * @param threads the thread budget
 * @param seed the run's seed (folds, grids, fits)
 * @param savePredictions whether held-out predictions are kept ({@code predictions.csv})
 * @param output the folder under which run directories are made when no {@code --run-dir} is given
 * @param notes things worth saying before the run (e.g. "no ImageNet weights, using random")
 * @param tree the job as a canonical tree (absolute paths): written to {@code job.json}, compared on resume
 * @param testTimeViews views of each test image the last fit averages its probabilities over ({@code last_fit:
 *     {tta: M}}), 0 for none
 * @param fineTune the fine-tune of the last fit's model ({@code fine_tune}), when asked
 * @param preprocessing the Keras preprocessing mode applied to the images ({@code backbone.preprocessing}), or
 *     empty to feed them scaled to [0, 1]
 */
public record Job(String name, DataSource data, ModelSpec spec, Grid grid, JobSearch search,
    JobResampling resampling, MetricSet metrics, EventLevel eventLevel, String selectBy, int threads, long seed,
    boolean savePredictions, String output, List<String> notes, Map<String, Object> tree, int testTimeViews,
    Optional<FineTune> fineTune, Optional<Preprocessing> preprocessing) {

  /** Validates and copies. */
  public Job {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(resampling, "resampling");
    Objects.requireNonNull(eventLevel, "eventLevel");
    if (!metrics.names().contains(selectBy)) {
      throw new IllegalArgumentException("$.select_by is \"" + selectBy + "\", which is not in $.metrics; choose from: "
          + String.join(", ", metrics.names()));
    }
    notes = List.copyOf(notes);
    tree = Collections.unmodifiableMap(new LinkedHashMap<>(tree));
    Objects.requireNonNull(fineTune, "fineTune");
  }

  /**
   * With {@code group_vfold}: each training image's group, read from the training CSV's column and
   * following {@code trainRows} (the listing rows kept, see {@link DataSource.Sources#trainRows}).
   */
  public Optional<String[]> trainGroups(int[] trainRows) {
    return resampling.group().map(g -> {
      String[] all = ((CsvData) data).trainColumn(g);   // JobReader allows group_vfold on csv data only
      return Arrays.stream(trainRows).mapToObj(r -> all[r]).toArray(String[]::new);
    });
  }

  /**
   * The job's images, loaded, and prepared as {@code backbone.preprocessing} asks: what the driver tunes on and what
   * a cluster executor opens again.
   *
   * @throws IllegalArgumentException as {@link DataSource#load} does, naming what cannot be read
   */
  public DataSource.Sources sources() {
    DataSource.Sources loaded = data.load();
    return preprocessing.map(loaded::preprocessed).orElse(loaded);
  }

  /** This job with another thread budget (which never changes the results). */
  public Job withThreads(int newThreads) {
    return new Job(name, data, spec, grid, search, resampling, metrics, eventLevel, selectBy, newThreads, seed,
        savePredictions, output, notes, tree, testTimeViews, fineTune, preprocessing);
  }

  /**
   * Whether {@code other} (a {@code job.json} tree) describes the same work: equal apart from
   * {@code threads} and {@code output}, which never change the results.
   */
  public boolean sameWorkAs(Map<String, Object> other) {
    return Json.write(work(tree)).equals(Json.write(work(other)));
  }

  private static Map<String, Object> work(Map<String, Object> t) {
    Map<String, Object> copy = new LinkedHashMap<>(t);
    copy.remove("threads");
    copy.remove("output");
    return copy;
  }

  /** The canonical JSON text of the job ({@code job.json}); equal jobs give equal text. */
  public String toJson() {
    return Json.write(tree);
  }
}
