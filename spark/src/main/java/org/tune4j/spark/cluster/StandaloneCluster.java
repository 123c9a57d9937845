package org.tune4j.spark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and {@code workers} workers of one core each,
 * each its own JVM started from spark-core's classes (no Spark installation needed), and executors
 * that run with the given class path. {@link #context} connects a driver to it and waits until every
 * worker's executor has registered. Closing stops the workers and the master.
 *
 * <pre>{@code
 * try (StandaloneCluster cluster = StandaloneCluster.start(2, classPath, jvmOptions, dir);
 *      JavaSparkContext sc = cluster.context("tune4j", "2g")) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private final List<Process> processes = new ArrayList<>();
  private final String classPath;
  private final List<String> jvmOptions;
  private final Path dir;
  private final int workers;
  private String masterUrl;

  private StandaloneCluster(int workers, String classPath, List<String> jvmOptions, Path dir) {
    this.workers = workers;
    this.classPath = classPath;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.dir = dir;
  }

  /**
   * Starts a master and {@code workers} one-core workers.
   *
   * @param classPath the class path of the master, the workers and their executors (spark-core and tune4j)
   * @param jvmOptions options of every JVM (Spark's {@code --add-opens} list on Java 17)
   * @param dir where the processes' logs and the workers' work folders go
   * @throws IllegalArgumentException when {@code workers} is below 1
   * @throws IllegalStateException when the master does not come up within two minutes (its log is named)
   */
  public static StandaloneCluster start(int workers, String classPath, List<String> jvmOptions, Path dir) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers = " + workers + " must be at least 1");
    }
    StandaloneCluster cluster = new StandaloneCluster(workers, classPath, jvmOptions, dir);
    try {
      Files.createDirectories(dir);
      cluster.startAll();
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException("cannot start a standalone cluster in " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void startAll() throws IOException {
    int port = freePort();
    masterUrl = "spark://127.0.0.1:" + port;
    Path masterLog = dir.resolve("master.log");
    processes.add(launch("org.apache.spark.deploy.master.Master", masterLog, "--host", "127.0.0.1", "--port",
        String.valueOf(port), "--webui-port", String.valueOf(freePort())));
    waitForPort(port, masterLog, "master");
    for (int w = 1; w <= workers; w++) {
      Path work = Files.createDirectories(dir.resolve("worker-" + w));
      Path log = dir.resolve("worker-" + w + ".log");
      processes.add(launch("org.apache.spark.deploy.worker.Worker", log, "--host", "127.0.0.1", "--cores", "1",
          "--memory", "6g", "--webui-port", String.valueOf(freePort()), "--work-dir", work.toString(), masterUrl));
      // a worker is ready once its executor registers: context() waits for that
    }
  }

  /** The master's URL ({@code spark://127.0.0.1:port}). */
  public String masterUrl() {
    return masterUrl;
  }

  /** The number of workers. */
  public int workers() {
    return workers;
  }

  /**
   * A driver on this JVM connected to the cluster, one executor of one core per worker with {@code executorMemory}
   * each, returned once every executor has registered.
   *
   * @throws IllegalStateException when the executors do not register within two minutes
   */
  public JavaSparkContext context(String appName, String executorMemory) {
    return context(appName, executorMemory, java.util.Map.of());
  }

  /**
   * As {@link #context(String, String)}, with Spark settings of the caller's on top ({@code
   * spark.executorEnv.OMP_NUM_THREADS=1}, say, so each one-core executor computes on one core).
   */
  public JavaSparkContext context(String appName, String executorMemory, java.util.Map<String, String> settings) {
    String options = String.join(" ", jvmOptions);
    SparkConf conf = new SparkConf().setMaster(masterUrl).setAppName(appName)
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.executor.cores", "1")
        .set("spark.cores.max", String.valueOf(workers))
        .set("spark.executor.memory", executorMemory)
        .set("spark.executor.extraClassPath", classPath)
        .set("spark.executor.extraJavaOptions", options)
        .set("spark.ui.enabled", "false");
    settings.forEach(conf::set);
    org.tune4j.spark.SparkExecutor.matchNativeThreads(conf);
    JavaSparkContext sc = new JavaSparkContext(conf);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (sc.sc().getExecutorMemoryStatus().size() < workers + 1) {
      if (System.nanoTime() > deadline) {
        sc.stop();
        throw new IllegalStateException(workers + " executors did not register within " + START_TIMEOUT.toSeconds()
            + " s; see the worker logs in " + dir);
      }
      sleep(100);
    }
    return sc;
  }

  private Process launch(String mainClass, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // Workers build executor commands with Spark's launcher: in testing mode it takes the class path given
    // (spark.executor.extraClassPath) instead of a Spark installation's jars folder.
    pb.environment().put("SPARK_HOME", dir.toAbsolutePath().toString());
    pb.environment().put("SPARK_TESTING", "1");
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOG_DIR", dir.toAbsolutePath().toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private void waitForPort(int port, Path log, String what) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        for (Process p : processes) {
          if (!p.isAlive()) {
            throw new IllegalStateException("the " + what + " exited with code " + p.exitValue() + "; see " + log);
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(String.format(Locale.ROOT, "the %s did not listen on port %d within %d s;"
              + " see %s", what, port, START_TIMEOUT.toSeconds(), log));
        }
        sleep(100);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the cluster starts", e);
    }
  }

  /** Stops the workers, then the master. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
