package org.tune4j.spark;

import org.tune4j.tuning.execution.ExecutorProvider;
import org.tune4j.tuning.execution.TaskExecutor;

/**
 * Finds {@link SparkExecutor} for the command line's {@code --master}: Spark's master URLs
 * ({@code local}, {@code local[N]}, {@code local[*]}, {@code spark://…}, {@code yarn}, {@code k8s://…}).
 */
public final class SparkExecutorProvider implements ExecutorProvider {
  /** For {@link java.util.ServiceLoader}. */
  public SparkExecutorProvider() {}

  @Override
  public String name() {
    return "Apache Spark";
  }

  @Override
  public boolean accepts(String master) {
    return master.equals("local") || master.matches("local\\[(\\d+|\\*)(,\\d+)?]") || master.startsWith("spark://")
        || master.equals("yarn") || master.startsWith("k8s://");
  }

  @Override
  public TaskExecutor open(String master, String appName) {
    return SparkExecutor.connect(master, appName);
  }
}
