package org.tune4j.tuning.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Parameters;

class RegularGridTest {

  private static final double REL_TOL = 1e-12;

  @Test
  void learnRateThreeLevelsIsDialsSequence() {
    Grid grid = Grids.regular(ParameterSet.of(Parameters.learnRate()), 3);
    List<Object> lr = grid.column("learn_rate");
    assertClose(1e-10, (Double) lr.get(0));
    assertClose(Math.pow(10, -5.5), (Double) lr.get(1));
    assertClose(0.1, (Double) lr.get(2));
  }

  @Test
  void hiddenUnitsFourLevels() {
    Grid grid = Grids.regular(ParameterSet.of(Parameters.hiddenUnits()), 4);
    assertEquals(List.of(1, 4, 7, 10), grid.column("hidden_units"));
  }

  @Test
  void firstParameterVariesFastest() {
    ParameterSet params = ParameterSet.of(Parameters.hiddenUnits(), Parameters.activation());
    Grid grid = Grids.regular(params, new int[] {2, 3});
    assertEquals(List.of(1, 10, 1, 10, 1, 10), grid.column("hidden_units"));
    assertEquals(List.of("relu", "relu", "sigmoid", "sigmoid", "tanh", "tanh"),
        grid.column("activation"));
    assertEquals(List.of("Model1", "Model2", "Model3", "Model4", "Model5", "Model6"),
        grid.candidates().stream().map(Candidate::configId).toList());
  }

  @Test
  void integersAreDeduplicatedBeforeCrossing() {
    ParameterSet params = ParameterSet.of(Parameters.hiddenUnits(1, 3), Parameters.dropout());
    Grid grid = Grids.regular(params, 5);
    assertEquals(3 * 5, grid.size());
    assertEquals(List.of(1, 2, 3), grid.column("hidden_units").subList(0, 3));
  }

  @Test
  void sameGridSameConfigIds() {
    ParameterSet params = ParameterSet.of(Parameters.hiddenUnits(), Parameters.learnRate(),
        Parameters.optimizer());
    Grid a = Grids.regular(params, 3);
    Grid b = Grids.regular(params, 3);
    assertEquals(a, b);
    assertEquals(27, a.size());
    assertEquals("Model01", a.candidate(0).configId());
    assertEquals("Model27", a.candidate(26).configId());
    assertEquals(a.candidate(13), a.candidate("Model14"));
  }

  @Test
  void configIdsPadLikeNames0() {
    assertEquals("Model9", Grid.configId(9, 9));
    assertEquals("Model01", Grid.configId(1, 10));
    assertEquals("Model10", Grid.configId(10, 10));
    assertEquals("Model001", Grid.configId(1, 100));
  }

  @Test
  void printsLikeATibble() {
    ParameterSet params = ParameterSet.of(Parameters.hiddenUnits(), Parameters.learnRate(),
        Parameters.activation());
    Grid grid = Grids.regular(params, new int[] {3, 3, 1});
    String expected = String.join("\n",
        "# A tibble: 9 \u00d7 3",
        "  hidden_units learn_rate activation",
        "         <int>      <dbl> <chr>",
        "1            1      1e-10 relu",
        "2            5      1e-10 relu",
        "3           10      1e-10 relu",
        "4            1    3.16e-6 relu",
        "5            5    3.16e-6 relu",
        "6           10    3.16e-6 relu",
        "7            1        0.1 relu",
        "8            5        0.1 relu",
        "9           10        0.1 relu",
        "");
    assertEquals(expected, grid.toString());
  }

  @Test
  void longGridsPrintTenRowsAndAFooter() {
    Grid grid = Grids.regular(ParameterSet.of(Parameters.epochs()), 25);
    String printed = grid.toString();
    assertEquals(1 + 2 + 10 + 1, printed.split("\n").length);
    assertEquals("# \u2139 15 more rows", printed.split("\n")[13]);
  }

  @Test
  void errors() {
    ParameterSet params = ParameterSet.of(Parameters.hiddenUnits(), Parameters.dropout());
    assertMessage("levels is 0; give at least 1", () -> Grids.regular(params, 0));
    assertMessage("levels for parameter \"dropout\" is -2; give at least 1",
        () -> Grids.regular(params, new int[] {3, -2}));
    assertMessage("levelsPerParam has 1 entries; give one per parameter (2: hidden_units, "
        + "dropout)", () -> Grids.regular(params, new int[] {3}));
    assertMessage("params is null; give a ParameterSet", () -> Grids.regular(null, 3));
    assertMessage("grid has no rows; give at least one candidate",
        () -> Grid.fromRows(params, new ArrayList<>()));
    Grid grid = Grids.regular(params, 2);
    assertMessage("config id \"Model9\" is not in the grid; ids run from Model1 to Model4",
        () -> grid.candidate("Model9"));
    assertMessage("maxRows is -1; give 0 or more", () -> grid.print(-1));
  }

  private static void assertClose(double expected, double actual) {
    assertEquals(expected, actual, Math.abs(expected) * REL_TOL);
  }

  static void assertMessage(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertEquals(expected, e.getMessage());
  }
}
