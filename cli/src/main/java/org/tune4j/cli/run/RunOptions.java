package org.tune4j.cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code tune4j tune} and {@code tune4j resume}.
 *
 * @param target the job file (tune) or run directory (resume)
 * @param runDir {@code --run-dir}, when given
 * @param threads {@code --threads}, overriding the job's
 * @param quiet {@code --quiet}
 * @param logJson {@code --log-json}
 * @param master {@code --master}: a cluster's master URL (Spark's {@code local[2]}, {@code spark://host:7077},
 *     {@code yarn}, {@code k8s://…}) to run the featurizing and the fits on, when given
 * @param featureStore {@code --feature-store}: the feature store's URI ({@code hdfs://…}, {@code s3a://…},
 *     {@code file:/…}) instead of the folder beside the run directory, when given
 */
public record RunOptions(String target, Optional<String> runDir, Optional<Integer> threads, boolean quiet,
    boolean logJson, Optional<String> master, Optional<String> featureStore) {

  /** Options without a cluster. */
  public RunOptions(String target, Optional<String> runDir, Optional<Integer> threads, boolean quiet,
      boolean logJson) {
    this(target, runDir, threads, quiet, logJson, Optional.empty(), Optional.empty());
  }

  /**
   * Parses the arguments after the command.
   *
   * @param allowRunDir whether {@code --run-dir} is an option (tune) or not (resume)
   * @throws IllegalArgumentException naming a wrong option or value
   */
  public static RunOptions parse(List<String> args, boolean allowRunDir, String usage) {
    List<String> positional = new ArrayList<>();
    String runDir = null;
    Integer threads = null;
    boolean quiet = false;
    boolean json = false;
    String master = null;
    String store = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--run-dir" -> {
          if (!allowRunDir) {
            throw new IllegalArgumentException("--run-dir is not an option here; usage: " + usage);
          }
          runDir = value(args, ++i, a, usage);
        }
        case "--threads" -> threads = threads(value(args, ++i, a, usage));
        case "--quiet", "-q" -> quiet = true;
        case "--log-json" -> json = true;
        case "--master" -> master = master(value(args, ++i, a, usage));
        case "--feature-store" -> store = value(args, ++i, a, usage);
        default -> {
          if (a.startsWith("-")) {
            throw new IllegalArgumentException("unknown option \"" + a + "\"; usage: " + usage);
          }
          positional.add(a);
        }
      }
    }
    if (positional.size() != 1) {
      throw new IllegalArgumentException((positional.isEmpty() ? "missing argument" : "too many arguments " + positional)
          + "; usage: " + usage);
    }
    return new RunOptions(positional.get(0), Optional.ofNullable(runDir), Optional.ofNullable(threads), quiet, json,
        Optional.ofNullable(master), Optional.ofNullable(store));
  }

  private static String value(List<String> args, int i, String option, String usage) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value; usage: " + usage);
    }
    return args.get(i);
  }

  private static String master(String s) {
    if (s.isBlank() || s.startsWith("-")) {
      throw new IllegalArgumentException("--master \"" + s + "\" is not a master URL; give local[2], spark://host:7077,"
          + " yarn or k8s://https://host:443");
    }
    return s;
  }

  private static int threads(String s) {
    try {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= 1024) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--threads \"" + s + "\" is not a whole number from 1 to 1024");
  }
}
