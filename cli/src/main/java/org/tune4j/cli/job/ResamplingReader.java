package org.tune4j.cli.job;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tune4j.tuning.json.Json;

/**
 * Reads a job's optional {@code resampling} section into a {@link JobResampling}, every key and
 * value checked with rsample's names and defaults ({@code vfold_cv(v = 5 here, repeats = 1)},
 * {@code bootstraps(times = 25)}, {@code mc_cv(prop = 3/4, times = 25)},
 * {@code validation_split(prop = 3/4)}, {@code group_vfold_cv(group, v)}). Stateless.
 */
final class ResamplingReader {
  private static final String PATH = Json.child(Json.ROOT, "resampling");

  private ResamplingReader() {}

  static JobResampling read(Map<String, Object> r) {
    String type = Json.optionalString(r, "type", PATH).orElse("vfold");
    return switch (type) {
      case "vfold" -> {
        Json.unknownKeys(r, Set.of("type", "folds", "repeats", "strata"), PATH);
        yield new JobResampling(type, count(r, "folds", 5, 2, 100), count(r, "repeats", 1, 1, 100), 0, 0, strata(r),
            Optional.empty());
      }
      case "bootstraps" -> {
        Json.unknownKeys(r, Set.of("type", "times", "strata"), PATH);
        yield new JobResampling(type, 0, 1, count(r, "times", 25, 1, 1000), 0, strata(r), Optional.empty());
      }
      case "mc_cv" -> {
        Json.unknownKeys(r, Set.of("type", "prop", "times", "strata"), PATH);
        yield new JobResampling(type, 0, 1, count(r, "times", 25, 1, 1000), prop(r), strata(r), Optional.empty());
      }
      case "validation" -> {
        Json.unknownKeys(r, Set.of("type", "prop", "strata"), PATH);
        yield new JobResampling(type, 0, 1, 1, prop(r), strata(r), Optional.empty());
      }
      case "group_vfold" -> {
        Json.unknownKeys(r, Set.of("type", "folds", "group"), PATH);
        String group = Json.optionalString(r, "group", PATH).orElseThrow(() -> new IllegalArgumentException(
            "missing key \"group\" at " + PATH + "; name the CSV column whose values group the images (e.g. group:"
                + " patient)"));
        yield new JobResampling(type, count(r, "folds", 5, 2, 100), 1, 0, 0, false, Optional.of(group));
      }
      default -> throw new IllegalArgumentException(Json.child(PATH, "type") + " is \"" + type + "\"; choose from: "
          + String.join(", ", JobResampling.TYPES));
    };
  }

  private static int count(Map<String, Object> r, String key, int dflt, int min, int max) {
    long v = Json.optionalLong(r, key, PATH).orElse((long) dflt);
    if (v < min || v > max) {
      throw new IllegalArgumentException(Json.child(PATH, key) + " is " + v + "; give " + min + ".." + max);
    }
    return (int) v;
  }

  private static double prop(Map<String, Object> r) {
    double p = Json.optionalDouble(r, "prop", PATH).orElse(0.75);
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException(Json.child(PATH, "prop") + " is " + p + "; give the analysis share,"
          + " between 0 and 1 (rsample's default is 0.75)");
    }
    return p;
  }

  private static boolean strata(Map<String, Object> r) {
    return Json.optionalBoolean(r, "strata", PATH).orElse(true);
  }
}
