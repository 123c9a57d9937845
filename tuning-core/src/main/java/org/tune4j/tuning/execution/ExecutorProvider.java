package org.tune4j.tuning.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens a {@link TaskExecutor} for a master URL ({@code local[2]}, {@code spark://host:7077},
 * {@code yarn}, …): how the command line's {@code --master} finds a cluster executor without linking
 * to it. A module that brings an executor lists its provider in
 * {@code META-INF/services/org.tune4j.tuning.execution.ExecutorProvider}; {@code tune4j-spark} does.
 */
public interface ExecutorProvider {

  /** What this provider runs on, for messages ({@code "Apache Spark"}). */
  String name();

  /** Whether {@code master} is one of this provider's. */
  boolean accepts(String master);

  /**
   * An executor connected to {@code master}; close it when the run ends.
   *
   * @param appName the application's name on the cluster
   */
  TaskExecutor open(String master, String appName);

  /**
   * The executor for {@code master} from the first provider on the class path that accepts it.
   *
   * @throws IllegalArgumentException naming the master and the providers found, with the fix, when none accepts it
   */
  static TaskExecutor forMaster(String master, String appName) {
    List<String> names = new ArrayList<>();
    for (ExecutorProvider p : ServiceLoader.load(ExecutorProvider.class)) {
      if (p.accepts(master)) {
        return p.open(master, appName);
      }
      names.add(p.name());
    }
    throw new IllegalArgumentException("master \"" + master + "\": " + (names.isEmpty()
        ? "no cluster executor is on the class path; ./tune4j adds tune4j-spark when --master is given, spark-submit"
            + " takes tune4j-spark-app.jar (mvn -B package -P spark-app -pl spark -am)"
        : "none of the executors on the class path (" + String.join(", ", names) + ") accepts it; give local[N],"
            + " spark://host:port, yarn or k8s://…"));
  }
}
