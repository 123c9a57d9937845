package org.tune4j.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.resampling.Resamples;
import org.tune4j.resampling.Resampling;
import org.tune4j.resampling.Strata;

/** A job's {@code resampling} section: every rsample verb the API has, its defaults, every value checked. */
class ResamplingSectionTest {
  @TempDir
  Path dir;

  private Job read(String resampling) {
    String text = JobReaderTest.TINY.replace("resampling: {type: vfold, folds: 3}", "resampling: " + resampling)
        .replace("train_per_class: 4,", "train_per_class: 8,");
    return JobReader.read(text, "job.yaml", dir);
  }

  private String error(String resampling) {
    return assertThrows(IllegalArgumentException.class, () -> read(resampling)).getMessage();
  }

  private static final int[] LABELS = IntStream.range(0, 80).map(i -> i % 10).toArray();

  @Test
  void eachVerbMakesTheResamplesTheApiMakesWithRsamplesDefaults() {
    JobResampling vfold = read("{type: vfold, folds: 4, repeats: 2}").resampling();
    assertEquals(8, vfold.count());
    assertEquals("2 × 4 folds", vfold.describe());
    assertEquals(Resampling.vfoldCv(Strata.of(LABELS), 4).repeats(2).seed(9).build().fingerprint(),
        vfold.make(LABELS, Optional.empty(), 9).fingerprint());

    JobResampling boot = read("{type: bootstraps}").resampling();
    assertEquals(25, boot.count(), "rsample's times = 25");
    assertEquals(Resampling.bootstraps(Strata.of(LABELS), 25, 9).fingerprint(),
        boot.make(LABELS, Optional.empty(), 9).fingerprint());
    assertEquals(Resampling.bootstraps(80, 3, 9).fingerprint(), read("{type: bootstraps, times: 3, strata: false}")
        .resampling().make(LABELS, Optional.empty(), 9).fingerprint());

    JobResampling mc = read("{type: mc_cv, prop: 0.8, times: 5}").resampling();
    assertEquals(5, mc.count());
    assertEquals(Resampling.mcCv(Strata.of(LABELS), 0.8, 5, 9).fingerprint(),
        mc.make(LABELS, Optional.empty(), 9).fingerprint());

    JobResampling validation = read("{type: validation}").resampling();
    assertEquals(1, validation.count());
    Resamples one = validation.make(LABELS, Optional.empty(), 9);
    assertEquals(1, one.size());
    assertEquals(60, one.get(0).analysis().length, "rsample's prop = 3/4 of each class");

    JobResampling unstratified = read("{type: vfold, folds: 3, strata: false}").resampling();
    assertEquals(Resampling.vfoldCv(80, 3).seed(9).build().fingerprint(),
        unstratified.make(LABELS, Optional.empty(), 9).fingerprint());
  }

  @Test
  void jobJsonWritesEveryDefaultOut() {
    assertEquals(Map.of("type", "bootstraps", "times", 25L, "strata", true), read("{type: bootstraps}").resampling()
        .toTree());
    assertEquals(Map.of("type", "vfold", "folds", 5L, "repeats", 1L, "strata", true), read("{}").resampling().toTree());
  }

  @Test
  void badVerbsAndValuesAreNamed() {
    assertTrue(error("{type: loo}").contains("$.resampling.type is \"loo\"; choose from: vfold, bootstraps, mc_cv,"
        + " validation, group_vfold"), error("{type: loo}"));
    assertTrue(error("{type: bootstraps, times: 0}").contains("$.resampling.times is 0; give 1..1000"));
    assertTrue(error("{type: mc_cv, prop: 1.5}").contains("$.resampling.prop is 1.5; give the analysis share"));
    assertTrue(error("{type: vfold, repeats: 0}").contains("$.resampling.repeats is 0; give 1..100"));
    assertTrue(error("{type: bootstraps, folds: 3}").contains("unknown key \"folds\" at $.resampling"));
    assertTrue(error("{type: group_vfold, folds: 3}").contains("missing key \"group\" at $.resampling"));
    assertTrue(error("{type: group_vfold, folds: 3, group: site}").contains("but $.data.type is embedded"),
        error("{type: group_vfold, folds: 3, group: site}"));
    String race = assertThrows(IllegalArgumentException.class, () -> JobReader.read(JobReaderTest.TINY.replace(
        "resampling: {type: vfold, folds: 3}", "resampling: {type: validation}") + "search: {type: race_anova}\n",
        "job.yaml", dir)).getMessage();
    assertTrue(race.contains("there are 1 resamples (a validation split of 0.75)"), race);
  }
}
