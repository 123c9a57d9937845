package org.tune4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.engine.ModelEngine.FitResult;
import org.tune4j.tuning.engine.Progress;
import org.tune4j.tuning.execution.EngineRecipe;
import org.tune4j.tuning.execution.FitTask;
import org.tune4j.tuning.execution.PortableEngine;
import org.tune4j.tuning.execution.TaskExecutor;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * Runs a tuning run's shared work and fits on an Apache Spark cluster. The driver (this JVM) decides
 * every round, keeps the journal and assembles the results; the executors featurize ranges of rows
 * into the shared feature store and run the tasks, each reading its rows from the store. Results
 * equal a local run's bit for bit: every seed comes from the run and the resample, never from a
 * partition or an executor.
 *
 * <pre>{@code
 * try (SparkExecutor spark = SparkExecutor.connect("spark://host:7077", "tune4j")) {
 *   Control control = Control.builder().executor(spark).seed(42).build();
 *   TuneResults res = Tune.tuneGrid(spec, split.vfoldCv(5, 42), grid, control);
 * }
 * }</pre>
 *
 * <p>The engine must be portable ({@link PortableEngine}): for tune4j's images, data given
 * {@code withRecipe} and {@code withFeatureCache} in a folder every node sees. One run at a time per
 * executor object; the Spark context may serve others.
 */
public final class SparkExecutor implements TaskExecutor {
  /** How many ranges of shared work per task slot, so a slow executor does not hold the others up. */
  static final int RANGES_PER_SLOT = 2;
  private final JavaSparkContext spark;
  private final boolean owned;

  private SparkExecutor(JavaSparkContext spark, boolean owned) {
    this.spark = spark;
    this.owned = owned;
  }

  /**
   * An executor on an existing Spark context, which {@link #close()} leaves running. For results equal to a local
   * run's to the last bit, create the context from {@link #matchNativeThreads(SparkConf)}; otherwise this warns once
   * when the executors' OpenMP thread count differs from this JVM's.
   */
  public static SparkExecutor of(JavaSparkContext spark) {
    Objects.requireNonNull(spark, "spark");
    String theirs = spark.getConf().get(OMP_THREADS_KEY, spark.getConf().get("spark.task.cpus", "1"));
    if (!theirs.equals(String.valueOf(localOpenMpThreads()))) {
      org.slf4j.LoggerFactory.getLogger(SparkExecutor.class).warn("executors run OpenMP with {} threads and this JVM"
          + " with {}: results may differ from a local run's in the last bits; set {}={} for equal results", theirs,
          localOpenMpThreads(), OMP_THREADS_KEY, localOpenMpThreads());
    }
    return new SparkExecutor(spark, false);
  }

  /**
   * An executor on a new Spark context for {@code master} ({@code local[2]}, {@code spark://host:7077},
   * {@code yarn}, {@code k8s://…}), stopped by {@link #close()}. Settings of {@code spark-submit} (or
   * {@code spark.*} system properties) apply too.
   */
  public static SparkExecutor connect(String master, String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    if (master != null) {
      conf.setMaster(master);
    }
    return new SparkExecutor(new JavaSparkContext(matchNativeThreads(conf)), true);
  }

  /** The executor environment variable of OpenMP's thread count. */
  static final String OMP_THREADS_KEY = "spark.executorEnv.OMP_NUM_THREADS";

  /**
   * Sets the executors' OpenMP thread count to this JVM's, unless {@code conf} already sets it. Spark gives executors
   * {@code OMP_NUM_THREADS = spark.task.cpus} by default, and the native kernels' float results depend on their thread
   * count: with the driver's count the executors compute what a local run on the driver's machine computes, to the
   * last bit. Returns {@code conf}.
   */
  public static SparkConf matchNativeThreads(SparkConf conf) {
    if (!conf.contains(OMP_THREADS_KEY)) {
      conf.set(OMP_THREADS_KEY, String.valueOf(localOpenMpThreads()));
    }
    return conf;
  }

  /** OpenMP's thread count in this JVM: {@code OMP_NUM_THREADS} when set, else the number of cores. */
  static int localOpenMpThreads() {
    String env = System.getenv("OMP_NUM_THREADS");
    if (env != null && env.trim().matches("\\d+")) {
      return Integer.parseInt(env.trim());
    }
    return Runtime.getRuntime().availableProcessors();
  }

  /** The Spark context. */
  public JavaSparkContext context() {
    return spark;
  }

  @Override
  public String name() {
    return "spark " + spark.master();
  }

  /** Threads per task: Spark's {@code spark.task.cpus}. */
  int taskThreads() {
    return Math.max(1, spark.getConf().getInt("spark.task.cpus", 1));
  }

  /** Task slots of the cluster, as Spark counts them for its default parallelism. */
  int slots() {
    return Math.max(1, spark.defaultParallelism() / taskThreads());
  }

  @Override
  public void prepare(ModelEngine engine, List<TunableSpec> finalSpecs, int threadBudget,
      Consumer<Progress> progress) {
    PortableEngine portable = portable(engine);
    EngineRecipe recipe = portable.recipe();
    List<String> specs = finalSpecs.stream().map(portable::specText).toList();
    List<int[]> ranges = ranges(portable.sharedWorkRows(), portable.sharedWorkBlock(), slots() * RANGES_PER_SLOT);
    List<RangeJob> jobs = ranges.stream().map(r -> new RangeJob(recipe, specs, r[0], r[1], taskThreads())).toList();
    long start = System.nanoTime();
    int total = portable.sharedWorkRows();
    int[] done = {0};
    java.io.Serializable[] learned = new java.io.Serializable[jobs.size()];
    progress.accept(new Progress(0, total, 0, Progress.IMAGES));
    runAll(jobs, "featurize", RangeJob::run, (i, out) -> {
      done[0] += out.rows();
      learned[i] = out.learned();
      progress.accept(new Progress(done[0], total, System.nanoTime() - start, Progress.IMAGES));
    });
    portable.sharedWorkDone(java.util.Arrays.asList(learned));
    double seconds = (System.nanoTime() - start) / 1e9;
    org.slf4j.LoggerFactory.getLogger(SparkExecutor.class).info(String.format(Locale.ROOT, "featurizing on %s:"
        + " %,d images in %d ranges in %.1f s (%.1f images/s, cached ones skipped)", name(), total, ranges.size(),
        seconds, total / Math.max(seconds, 1e-9)));
  }

  @Override
  public void fit(ModelEngine engine, List<FitTask> tasks, int threadBudget, Consumer<String> epochLog,
      ResultSink sink) {
    if (tasks.isEmpty()) {
      return;
    }
    PortableEngine portable = portable(engine);
    org.apache.spark.broadcast.Broadcast<EngineRecipe> recipe = spark.broadcast(portable.recipe());
    try {
      fitAll(tasks, portable, recipe, epochLog, sink);
    } finally {
      recipe.unpersist(false);
    }
  }

  private void fitAll(List<FitTask> tasks, PortableEngine portable,
      org.apache.spark.broadcast.Broadcast<EngineRecipe> recipe, Consumer<String> epochLog, ResultSink sink) {
    List<FitJob> jobs = tasks.stream().map(t -> FitJob.of(t, portable, recipe, taskThreads(), epochLog != null))
        .toList();
    runAll(jobs, "fit", FitJob::run, (i, reply) -> {
      if (epochLog != null) {
        reply.log().forEach(epochLog);
      }
      List<FitResult> results = reply.specs().stream().map(FitJob.SpecReply::toResult).toList();
      sink.done(tasks.get(i), results);
    });
  }

  /** What to do with a finished job's output, on the driver. */
  private interface Finished<R> {
    void accept(int index, R output);
  }

  /**
   * Runs {@code work} on every item, one Spark job per item (Spark schedules them over its task slots), hands each
   * one's output to {@code finished} as it completes, and cancels the rest when one fails or the thread is
   * interrupted.
   */
  private <J, R> void runAll(List<J> jobs, String what, Function<J, R> work, Finished<R> finished) {
    String group = "tune4j-" + what + "-" + UUID.randomUUID();
    spark.setJobGroup(group, "tune4j " + what + " (" + jobs.size() + " tasks)", true);
    List<JavaFutureAction<List<R>>> futures = new ArrayList<>();
    try {
      jobs.forEach(j -> futures.add(spark.parallelize(List.of(j), 1).map(work).collectAsync()));
      List<Integer> pending = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        pending.add(i);
      }
      while (!pending.isEmpty()) {
        boolean any = false;
        for (int p = 0; p < pending.size(); p++) {
          int i = pending.get(p);
          if (futures.get(i).isDone()) {
            finished.accept(i, get(futures.get(i), what, i).get(0));
            pending.remove(p--);
            any = true;
          }
        }
        if (!any) {
          Thread.sleep(5);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      spark.cancelJobGroup(group);
      throw new IllegalStateException("tuning was interrupted", e);
    } catch (RuntimeException e) {
      spark.cancelJobGroup(group);
      throw e;
    } finally {
      spark.clearJobGroup();
    }
  }

  private static <R> List<R> get(JavaFutureAction<List<R>> f, String what, int index) throws InterruptedException {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("Spark " + what + " task " + index + " failed on the cluster (after Spark's"
          + " retries): " + cause.getMessage(), cause);
    }
  }

  /**
   * Ranges {@code [from, to)} covering {@code rows} units, each starting at a multiple of {@code block}, about
   * {@code wanted} of them (fewer when there are fewer blocks).
   */
  static List<int[]> ranges(int rows, int block, int wanted) {
    if (rows < 0 || block < 1 || wanted < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "ranges of %d rows in blocks of %d, %d wanted",
          rows, block, wanted));
    }
    int blocks = (rows + block - 1) / block;
    int perRange = Math.max(1, (blocks + wanted - 1) / Math.max(1, wanted));
    List<int[]> out = new ArrayList<>();
    for (int b = 0; b < blocks; b += perRange) {
      out.add(new int[] {b * block, Math.min(rows, (b + perRange) * block)});
    }
    return out;
  }

  private static PortableEngine portable(ModelEngine engine) {
    if (!(engine instanceof PortableEngine p)) {
      throw new IllegalArgumentException("the engine " + engine.getClass().getName() + " cannot run on Spark: it is"
          + " not a PortableEngine (one that can be rebuilt on an executor); run it with the local executor");
    }
    p.notPortableReason().ifPresent(r -> {
      throw new IllegalArgumentException("this run cannot go to Spark: " + r);
    });
    return p;
  }

  /** Stops the Spark context when this executor created it. */
  @Override
  public void close() {
    if (owned) {
      spark.stop();
    }
  }

  @Override
  public String toString() {
    return "SparkExecutor[" + spark.master() + "]";
  }
}
