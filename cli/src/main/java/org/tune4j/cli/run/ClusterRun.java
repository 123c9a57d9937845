package org.tune4j.cli.run;

import java.util.Optional;
import org.tune4j.cli.job.Job;
import org.tune4j.models.tune.FeatureCache;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.models.tune.StoreMirror;
import org.tune4j.models.tune.StoreMirrors;
import org.tune4j.tuning.input.Inputs;
import org.tune4j.tuning.execution.ExecutorProvider;
import org.tune4j.tuning.execution.LocalExecutor;
import org.tune4j.tuning.execution.TaskExecutor;

/**
 * A run's executor, from {@code --master}: this JVM's threads without one, else the cluster executor
 * on the class path that accepts the master URL (tune4j-spark's). On a cluster, the executors open
 * the job's images again from the run directory's job ({@link RunJobSource}) and share the feature
 * cache beside the run directory, so both must be on a path every node sees.
 */
final class ClusterRun {
  private ClusterRun() {}

  /**
   * Where a run's work goes: {@code --master} and {@code --feature-store}.
   *
   * @param master the cluster's master URL, or empty to run here
   * @param featureStore the feature store's URI ({@code hdfs://…}, {@code s3a://…}), or empty for the folder beside the
   *     run directory
   */
  record Options(Optional<String> master, Optional<String> featureStore) {
    static final Options LOCAL = new Options(Optional.empty(), Optional.empty());
  }

  /**
   * The run's feature cache: {@code folder}, or the mirror of {@code --feature-store} worked on in a local copy.
   *
   * @throws java.io.IOException as {@link Inputs#check} for a URI no store on the class path takes (exit 2)
   */
  static FeatureCache cache(Options options, java.nio.file.Path folder, RunLog log) throws java.io.IOException {
    if (options.featureStore().isEmpty()) {
      log.line("feature cache: " + folder + " (backbone features are reused by later runs on the same images)");
      return FeatureCache.at(folder);
    }
    StoreMirror mirror = Inputs.check(() -> StoreMirrors.forUri(options.featureStore().get()));
    log.line("feature store: " + mirror.describe() + ", worked on in " + mirror.localFolder());
    return FeatureCache.mirrored(mirror);
  }

  /**
   * The executor for {@code master}, or the local one.
   *
   * @throws IllegalArgumentException naming the master when no executor on the class path takes it
   */
  static TaskExecutor executor(Optional<String> master, Job job, RunLog log, Console console)
      throws java.io.IOException {
    if (master.isEmpty()) {
      return LocalExecutor.instance();
    }
    TaskExecutor executor = Inputs.check(() -> ExecutorProvider.forMaster(master.get(), "tune4j " + job.name()));
    log.line("executor: " + executor.name() + " (featurizing and fits on the cluster; the journal stays here)");
    console.message("Executor: " + executor.name());
    return executor;
  }

  /** {@code split}, given the recipe a cluster's executors open its images with, when the run is on a cluster. */
  static ImageSplit portable(ImageSplit split, RunDirectory run, TaskExecutor executor) {
    if (executor instanceof LocalExecutor) {
      return split;
    }
    return split.withRecipe(new RunJobSource(run.dir().toAbsolutePath().toString()));
  }
}
