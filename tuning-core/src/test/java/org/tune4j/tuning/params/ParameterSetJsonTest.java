package org.tune4j.tuning.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tune4j.tuning.json.GoldenFiles;
import org.tune4j.tuning.json.JsonException;

class ParameterSetJsonTest {

  /** Every default in {@link Parameters}; the golden file {@code json/parameter_set.json}. */
  static final ParameterSet ALL_DEFAULTS = ParameterSet.of(Parameters.hiddenUnits(),
      Parameters.dropout(), Parameters.epochs(), Parameters.batchSize(), Parameters.learnRate(),
      Parameters.penalty(), Parameters.activation(), Parameters.optimizer());

  @Test
  void everyDefaultRoundTrips() {
    assertEquals(ALL_DEFAULTS, ParameterSet.fromJson(ALL_DEFAULTS.toJson()));
    for (Parameter p : ALL_DEFAULTS) {
      ParameterSet one = ParameterSet.of(p);
      assertEquals(one, ParameterSet.fromJson(one.toJson()), p.id());
    }
  }

  @Test
  void everyFieldRoundTrips() {
    ParameterSet odd = ParameterSet.of(
        new NumericParameter("lr.x", "Ünïcode \"label\"", NumericType.DOUBLE, -5.5, -0.0, false,
            true, Transform.LOG10),
        new NumericParameter("units", "Units", NumericType.INTEGER, 0.1, 7.9, true, false,
            Transform.LOG2),
        Parameters.dropout().withRange(0.125, 0.7).withInclusive(false, false),
        Parameters.activation().withValues(List.of("tanh", "relu")).withId("dense_act"));
    ParameterSet back = ParameterSet.fromJson(odd.toJson());
    assertEquals(odd, back);
    assertEquals(odd.toJson(), back.toJson());
  }

  @Test
  void matchesGoldenFile() {
    GoldenFiles.assertMatches("parameter_set.json", ALL_DEFAULTS.toJson());
    assertEquals(ALL_DEFAULTS, ParameterSet.fromJson(GoldenFiles.read("parameter_set.json")));
  }

  @Test
  void acceptsIntegerEndsWrittenByHand() {
    String text = "{\"version\": 1, \"parameters\": [{\"id\": \"epochs\", \"label\": \"# Epochs\","
        + " \"type\": \"integer\", \"lower\": 10, \"upper\": 1000, \"lower_inclusive\": true,"
        + " \"upper_inclusive\": true, \"transform\": \"identity\"}]}";
    assertEquals(ParameterSet.of(Parameters.epochs()), ParameterSet.fromJson(text));
  }

  @Test
  void unknownKeysSuggestTheNearest() {
    assertMessage("unknown key \"uper\" at $.parameters[0]; did you mean \"upper\"?",
        edit("\"upper\"", "\"uper\""));
    assertMessage("unknown key \"parameter\" at $; did you mean \"parameters\"?",
        "{\"version\": 1, \"parameter\": []}");
    assertMessage("unknown key \"lower\" at $.parameters[6]; known keys: id, label, type,"
        + " values", edit("\"values\": [\"relu\"", "\"lower\": 0, \"values\": [\"relu\""));
  }

  @Test
  void wrongTypesAndValuesNameThePath() {
    assertMessage("$.parameters[0].lower is a string (\"1\"); expected a finite number",
        edit("\"lower\": 1.0", "\"lower\": \"1\""));
    assertMessage("$.parameters[1].upper_inclusive is a string (\"no\"); expected a boolean",
        edit("\"upper_inclusive\": false", "\"upper_inclusive\": \"no\""));
    assertMessage("$.parameters[0].type is \"float\"; choose from: double, integer, qualitative",
        edit("\"integer\"", "\"float\""));
    assertMessage("$.parameters[3].transform is \"log-2\"; choose from: identity, log10, log2",
        edit("\"log2\"", "\"log-2\""));
    assertMessage("$.parameters[6].values[1] is a number (2); expected a string",
        edit("\"sigmoid\"", "2"));
    assertMessage("missing key \"label\" at $.parameters[0]; add it (a string)",
        edit("\"label\": \"# Hidden Units\",", ""));
    assertMessage("$.version is 2; this tune4j reads version 1", edit("\"version\": 1",
        "\"version\": 2"));
    assertMessage("$ is an array; expected an object", "[]");
  }

  @Test
  void invalidParametersNameThePath() {
    assertMessage("$.parameters[0]: range of parameter \"hidden_units\" is [10, 1]; give finite"
        + " ends with lower < upper (or equal ends, both inclusive)",
        edit("\"lower\": 1.0", "\"lower\": 10.0").replace("\"upper\": 10.0", "\"upper\": 1.0"));
    assertMessage("$.parameters[1]: parameter id \"hidden units\" is not valid; use letters,"
        + " digits, '_' and '.', starting with a letter",
        edit("\"id\": \"dropout\"", "\"id\": \"hidden units\""));
    assertMessage("$.parameters: parameter id \"hidden_units\" appears twice; ids must be unique"
        + " (rename one with withId)", edit("\"id\": \"dropout\"", "\"id\": \"hidden_units\""));
  }

  @Test
  void syntaxErrorsGiveLineAndColumn() {
    JsonException e = assertThrows(JsonException.class,
        () -> ParameterSet.fromJson(ALL_DEFAULTS.toJson().replaceFirst(",", "")));
    assertEquals(3, e.line());
  }

  /** The golden text with the first {@code from} replaced by {@code to}, checked to change. */
  private static String edit(String from, String to) {
    String golden = ALL_DEFAULTS.toJson();
    String edited = golden.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to));
    assertEquals(true, !edited.equals(golden), "edit " + from + " did not apply");
    return edited;
  }

  private static void assertMessage(String expected, String json) {
    assertMessage(expected, () -> ParameterSet.fromJson(json));
  }

  private static void assertMessage(String expected, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(expected, e.getMessage());
  }
}
