package org.tune4j.tuning.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tune4j.tuning.grid.RegularGridTest.assertMessage;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.json.GoldenFiles;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Parameters;

class GridJsonTest {

  private static final ParameterSet PARAMS = ParameterSet.of(
      Parameters.hiddenUnits(16, 256).withId("dense_units"),
      Parameters.dropout().withId("dropout_rate"),
      Parameters.learnRate(),
      Parameters.batchSize(),
      Parameters.activation());

  /** The golden file {@code json/small_grid.json}: 2 x 2 x 1 levels. */
  private static final Grid SMALL = Grids.regular(ParameterSet.of(Parameters.hiddenUnits(),
      Parameters.learnRate(), Parameters.activation()), new int[] {2, 2, 1});

  @Test
  void everyKindOfGridRoundTrips() {
    List<Grid> grids = List.of(
        Grids.regular(PARAMS, 3),
        Grids.random(PARAMS, 25, 42L),
        Grids.spaceFilling(PARAMS, 12, SpaceFillingType.LATIN_HYPERCUBE, 7L),
        Grids.spaceFilling(PARAMS, 12, SpaceFillingType.MAX_MIN_DISTANCE, 7L),
        Grids.of(PARAMS, List.of(
            Map.of("dense_units", 64, "dropout_rate", 0.2, "learn_rate", 1e-3, "batch_size", 32,
                "activation", "relu"),
            Map.of("dense_units", 128, "dropout_rate", 0, "learn_rate", 0.01, "batch_size", 8,
                "activation", "tanh"))));
    for (Grid grid : grids) {
      Grid back = Grid.fromJson(grid.toJson());
      assertEquals(grid, back);
      assertEquals(grid.toJson(), back.toJson());
    }
  }

  @Test
  void typesAndConfigIdsSurvive() {
    Grid grid = Grids.regular(PARAMS, new int[] {2, 2, 2, 2, 1});
    Grid back = Grid.fromJson(grid.toJson());
    Candidate last = back.candidate("Model16");
    assertInstanceOf(Integer.class, last.value("dense_units"));
    assertInstanceOf(Integer.class, last.value("batch_size"));
    assertInstanceOf(Double.class, last.value("dropout_rate"));
    assertInstanceOf(Double.class, last.value("learn_rate"));
    assertInstanceOf(String.class, last.value("activation"));
  }

  @Test
  void exclusiveEndsAreCheckedOnLoad() {
    Grid dropout = Grids.regular(ParameterSet.of(Parameters.dropout()), 3);
    // seq(0, 1 - .Machine$double.eps, length.out = 3), as dials 1.4
    assertEquals(List.of(0.0, 0.49999999999999989, 0.99999999999999978),
        dropout.column("dropout"), "regular grids move the open end in by R's epsilon");
    assertEquals(dropout, Grid.fromJson(dropout.toJson()));
    assertMessage("$.candidates: grid value 1.0 for parameter \"dropout\" (row 1) is outside its"
        + " range [0, 1)", () -> Grid.fromJson(edit(dropout.toJson(), "\"dropout\": 0.0",
            "\"dropout\": 1.0")));
  }

  @Test
  void keepsConfigIdsFromTheFile() {
    String text = edit(edit(SMALL.toJson(), "\"Model1\"", "\"Model01\""), "\"Model4\"",
        "\"best\"");
    Grid grid = Grid.fromJson(text);
    assertEquals(List.of("Model01", "Model2", "Model3", "best"),
        grid.candidates().stream().map(Candidate::configId).toList());
    assertNotEquals(SMALL, grid);
    assertEquals(text, grid.toJson());
  }

  @Test
  void matchesGoldenFile() {
    GoldenFiles.assertMatches("small_grid.json", SMALL.toJson());
    assertEquals(SMALL, Grid.fromJson(GoldenFiles.read("small_grid.json")));
  }

  @Test
  void unknownKeysSuggestTheNearest() {
    assertMessage("unknown key \"candidate\" at $; did you mean \"candidates\"?",
        () -> Grid.fromJson(edit(SMALL.toJson(), "\"candidates\"", "\"candidate\"")));
    assertMessage("unknown key \"confg\" at $.candidates[0]; did you mean \"config\"?",
        () -> Grid.fromJson(edit(SMALL.toJson(), "\"config\"", "\"confg\"")));
  }

  @Test
  void candidatesAreCheckedAsInGridsOf() {
    String text = SMALL.toJson();
    assertMessage("$.candidates: grid value 11 for parameter \"hidden_units\" (row 2) is outside"
        + " its range [1, 10]", () -> Grid.fromJson(edit(text, "\"hidden_units\": 10",
            "\"hidden_units\": 11")));
    assertMessage("$.candidates: grid value 2.5 for integer parameter \"hidden_units\" (row 1)"
        + " is not a whole number; give an integer in [1, 10]",
        () -> Grid.fromJson(edit(text, "\"hidden_units\": 1,", "\"hidden_units\": 2.5,")));
    assertMessage("$.candidates: grid value \"swish\" for parameter \"activation\" (row 1) is"
        + " not one of its values: relu, sigmoid, tanh, elu, gelu, linear",
        () -> Grid.fromJson(edit(text, "\"activation\": \"relu\"", "\"activation\": \"swish\"")));
    assertMessage("$.candidates: grid value 1.0 for parameter \"learn_rate\" (row 1) is outside"
        + " its range [1e-10, 0.1] (log-10 scale [-10, -1])",
        () -> Grid.fromJson(edit(text, "\"learn_rate\": 1e-10", "\"learn_rate\": 1.0")));
    assertMessage("$.candidates: grid row 2 repeats row 1 {hidden_units=1, learn_rate=1.0E-10,"
        + " activation=relu}; remove duplicate rows",
        () -> Grid.fromJson(edit(text, "\"hidden_units\": 10", "\"hidden_units\": 1")));
    assertMessage("$.candidates: parameter \"activation\" has no grid column (row 1); add a"
        + " column \"activation\" (columns are: hidden_units, learn_rate)",
        () -> Grid.fromJson(edit(text, ",\n        \"activation\": \"relu\"", "")));
    assertMessage("$.candidates: grid has no rows; give at least one candidate",
        () -> Grid.fromJson(text.substring(0, text.indexOf("\"candidates\"")) + "\"candidates\""
            + ": []\n}"));
  }

  @Test
  void wrongTypesAndRepeatedIdsNameThePath() {
    String text = SMALL.toJson();
    assertMessage("$.candidates[0].values.activation is a boolean (true); expected a number or"
        + " a string", () -> Grid.fromJson(edit(text, "\"activation\": \"relu\"",
            "\"activation\": true")));
    assertMessage("$.candidates[0].config is a number (1); expected a string",
        () -> Grid.fromJson(edit(text, "\"Model1\"", "1")));
    assertMessage("$.candidates[1].config is \"Model1\", the same as $.candidates[0]; config ids"
        + " must be unique", () -> Grid.fromJson(edit(text, "\"Model2\"", "\"Model1\"")));
    assertMessage("$.candidates: configId is \" \"; give a non-blank id such as Model1",
        () -> Grid.fromJson(edit(text, "\"Model2\"", "\" \"")));
    Map<String, Object> tree = Json.requireObject(Json.parse(text), Json.ROOT);
    Json.requireObject(Json.requireList(tree, "candidates", Json.ROOT).get(0), "$.candidates[0]")
        .remove("values");
    assertMessage("missing key \"values\" at $.candidates[0]; add it (an object)",
        () -> Grid.fromJson(Json.write(tree)));
  }

  /** {@code text} with the first {@code from} replaced by {@code to}, checked to change. */
  private static String edit(String text, String from, String to) {
    String edited = text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    assertNotEquals(text, edited, "edit " + from + " did not apply");
    return edited;
  }
}
