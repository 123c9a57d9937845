package org.tune4j.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuning.search.GridSearch;
import org.tune4j.tuning.search.race.RacingOptions;
import org.tune4j.tuning.search.race.RacingSearch;

/** A job's {@code search} section: the default grid, the two races with finetune's options, every value checked. */
class SearchSectionTest {
  @TempDir
  Path dir;

  private Job read(String search) {
    String text = JobReaderTest.TINY.replace("resampling: {type: vfold, folds: 3}", "resampling: {type: vfold, folds:"
        + " 4}").replace("data: {type: embedded, train_per_class: 4,", "data: {type: embedded, train_per_class: 8,")
        + (search.isEmpty() ? "" : "search: " + search + "\n");
    return JobReader.read(text, "job.yaml", dir);
  }

  private String error(String search) {
    return assertThrows(IllegalArgumentException.class, () -> read(search)).getMessage();
  }

  @Test
  void withoutASectionTheGridIsSearchedAndJobJsonIsAsBefore() {
    Job job = read("");
    assertTrue(job.search().isGrid());
    assertTrue(job.search().strategy(job.grid()) instanceof GridSearch);
    assertFalse(job.tree().containsKey("search"), "job.json of grid jobs is unchanged, so their runs resume");
    assertFalse(read("{type: grid}").tree().containsKey("search"));
  }

  @Test
  void racesTakeFinetunesOptionsWithItsDefaults() {
    Job job = read("{type: race_anova}");
    assertEquals(RacingOptions.defaults(), job.search().racing().orElseThrow());
    assertEquals("race_anova", job.search().strategy(job.grid()).name());
    Job custom = read("{type: race_win_loss, burn_in: 2, alpha: 0.1, num_ties: 4, randomize: false}");
    assertEquals(new RacingOptions(2, 0.1, 4, false), custom.search().racing().orElseThrow());
    assertTrue(custom.search().strategy(custom.grid()) instanceof RacingSearch);
    assertEquals("race_win_loss", custom.search().strategy(custom.grid()).name());
    assertEquals("race_win_loss", ((java.util.Map<?, ?>) custom.tree().get("search")).get("type"));
  }

  @Test
  void aBayesianSearchStartsFromTheGridOrFromASpaceFillingDesign() {
    Job withGrid = read("{type: bayes, iter: 4, objective: conf_bound, trade_off: 0.2, batch: 2}");
    assertEquals(8, withGrid.grid().size(), "the regular grid's 2 x 2 x 2 candidates are the initial design");
    assertEquals("bayes", withGrid.search().strategy(withGrid.grid()).name());
    assertEquals(4, withGrid.search().bayes().orElseThrow().iter());
    assertEquals(2, withGrid.search().bayes().orElseThrow().batch());
    Map<?, ?> written = (Map<?, ?>) withGrid.tree().get("search");
    assertEquals("conf_bound", written.get("objective"));
    assertEquals(0.2, written.get("trade_off"));
    String noGrid = JobReaderTest.TINY.replace("grid: {type: regular, levels: 2}\n", "")
        + "search: {type: bayes, initial: 4}\n";
    Job job = JobReader.read(noGrid, "job.yaml", dir);
    assertEquals(4, job.grid().size(), "a space-filling design of initial candidates");
    assertEquals(job.grid(), JobReader.read(noGrid, "job.yaml", dir).grid(), "seeded");
    String missing = assertThrows(IllegalArgumentException.class, () -> JobReader.read(JobReaderTest.TINY
        .replace("grid: {type: regular, levels: 2}\n", ""), "job.yaml", dir)).getMessage();
    assertTrue(missing.contains("missing key \"grid\" at $; give the candidates"), missing);
  }

  @Test
  void badSearchValuesAreNamed() {
    assertTrue(error("{type: bayesian}").contains("$.search.type is \"bayesian\"; choose from: grid, race_anova,"
        + " race_win_loss, bayes"), error("{type: bayesian}"));
    assertTrue(error("{type: bayes, initial: 1}").contains("$.search.initial is 1; give 2 or more"));
    assertTrue(error("{type: bayes, objective: ei}").contains("$.search.objective is \"ei\"; choose from:"
        + " exp_improve, prob_improve, conf_bound"));
    assertTrue(error("{type: bayes, trade_off: -1}").contains("$.search.trade_off is -1.0; give 0 or more"));
    assertTrue(error("{type: bayes, batch: 100}").contains("$.search.batch is 100; give 1..64"));
    assertTrue(error("{type: race_anova, burn_in: 1}").contains("$.search.burn_in is 1; give 2 or more"));
    assertTrue(error("{type: race_anova, alpha: 0}").contains("$.search.alpha is 0.0; give a significance level"));
    assertTrue(error("{type: race_anova, num_ties: 0}").contains("$.search.num_ties is 0; give 1 or more"));
    assertTrue(error("{type: race_anova, burn_in: 4}").contains("$.search.burn_in is 4 but there are 4 resamples"
        + " (4 folds)"));
    assertTrue(error("{type: race_anova, burnin: 3}").contains("unknown key \"burnin\" at $.search; did you mean"
        + " \"burn_in\"?"), error("{type: race_anova, burnin: 3}"));
    assertTrue(error("{type: grid, alpha: 0.1}").contains("unknown key \"alpha\" at $.search"));
  }
}
