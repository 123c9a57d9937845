package org.tune4j.tuning.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JsonReadersTest {

  private static final double EXACT = 0.0;

  private static final Map<String, Object> GRID = Json.requireObject(Json.parse(
      "{\"levels\": 3, \"size\": 2.5, \"name\": \"g\", \"ok\": true, \"list\": [1],"
      + " \"obj\": {}, \"nothing\": null, \"big\": 3000000000}"), Json.ROOT);

  @Test
  void readsTypedMembers() {
    assertEquals(3L, Json.requireLong(GRID, "levels", "$.grid"));
    assertEquals(3, Json.requireInt(GRID, "levels", "$.grid"));
    assertEquals(3.0, Json.requireDouble(GRID, "levels", "$.grid"), EXACT, "accepts integers");
    assertEquals(2.5, Json.requireDouble(GRID, "size", "$.grid"), EXACT);
    assertEquals("g", Json.requireString(GRID, "name", "$.grid"));
    assertEquals(true, Json.requireBoolean(GRID, "ok", "$.grid"));
    assertEquals(List.of(1L), Json.requireList(GRID, "list", "$.grid"));
    assertEquals(Map.of(), Json.requireObject(GRID, "obj", "$.grid"));
    assertEquals(Optional.of("g"), Json.optionalString(GRID, "name", "$.grid"));
    assertEquals(Optional.of(3L), Json.optionalLong(GRID, "levels", "$.grid"));
    assertEquals(Optional.of(2.5), Json.optionalDouble(GRID, "size", "$.grid"));
    assertEquals(Optional.of(true), Json.optionalBoolean(GRID, "ok", "$.grid"));
    assertEquals(Optional.of(List.of(1L)), Json.optionalList(GRID, "list", "$.grid"));
    assertEquals(Optional.of(Map.of()), Json.optionalObject(GRID, "obj", "$.grid"));
    assertFalse(Json.optionalString(GRID, "absent", "$.grid").isPresent());
    assertFalse(Json.optionalDouble(GRID, "nothing", "$.grid").isPresent(), "null is absent");
  }

  @Test
  void wrongTypesNameThePathWhatWasFoundAndWhatIsExpected() {
    assertMessage("$.grid.name is a string (\"g\"); expected an integer",
        () -> Json.requireLong(GRID, "name", "$.grid"));
    assertMessage("$.grid.size is a number (2.5); expected an integer",
        () -> Json.requireLong(GRID, "size", "$.grid"));
    assertMessage("$.grid.big is 3000000000; expected an integer from -2147483648 to 2147483647",
        () -> Json.requireInt(GRID, "big", "$.grid"));
    assertMessage("$.grid.ok is a boolean (true); expected a finite number",
        () -> Json.requireDouble(GRID, "ok", "$.grid"));
    assertMessage("$.grid.nothing is null; expected a string",
        () -> Json.requireString(GRID, "nothing", "$.grid"));
    assertMessage("$.grid.list is an array; expected a boolean",
        () -> Json.requireBoolean(GRID, "list", "$.grid"));
    assertMessage("$.grid.obj is an object; expected an array",
        () -> Json.requireList(GRID, "obj", "$.grid"));
    assertMessage("$.grid.levels is a number (3); expected an object",
        () -> Json.requireObject(GRID, "levels", "$.grid"));
    assertMessage("$.grid.name is a string (\"g\"); expected an integer",
        () -> Json.optionalLong(GRID, "name", "$.grid"));
    assertMessage("$ is an array; expected an object",
        () -> Json.requireObject(Json.parse("[]"), Json.ROOT));
  }

  @Test
  void missingKeysNameTheObjectAndTheExpectedType() {
    assertMessage("missing key \"lower\" at $.parameters[0]; add it (a number)",
        () -> Json.requireDouble(Map.of(), "lower", "$.parameters[0]"));
    assertMessage("missing key \"id\" at $; add it (a string)",
        () -> Json.requireString(Map.of(), "id", Json.ROOT));
  }

  @Test
  void unknownKeySuggestsTheNearestKnownKey() {
    Map<String, Object> grid = Json.requireObject(Json.parse("{\"levles\": 3}"), Json.ROOT);
    assertMessage("unknown key \"levles\" at $.grid; did you mean \"levels\"?",
        () -> Json.unknownKeys(grid, Set.of("levels", "size"), "$.grid"));
    assertMessage("unknown key \"colour\" at $; known keys: levels, size",
        () -> Json.unknownKeys(Map.of("colour", 1), Set.of("size", "levels"), Json.ROOT));
    Json.unknownKeys(grid, Set.of("levles"), "$.grid");
  }

  @Test
  void suggestionNeedsAtMostTwoEditsAndTiesAreAlphabetical() {
    assertEquals(2, KeySuggestions.levenshtein("levles", "levels"));
    assertEquals(3, KeySuggestions.levenshtein("lvlz", "levels"));
    assertEquals(Optional.empty(), KeySuggestions.nearest("lvlz", Set.of("levels")),
        "three edits is too far to suggest");
    assertEquals(Optional.of("upper"), KeySuggestions.nearest("uper", Set.of("type", "upper")));
    assertEquals(Optional.empty(), KeySuggestions.nearest("abc", Set.of("xyz")));
    Set<String> reversed = new LinkedHashSet<>(List.of("sizf", "sizd"));
    assertEquals(Optional.of("sizd"), KeySuggestions.nearest("size", reversed));
  }

  @Test
  void pathsQuoteKeysThatAreNotIdentifiers() {
    assertEquals("$.grid.levels", Json.child("$.grid", "levels"));
    assertEquals("$[\"dense.units\"]", Json.child(Json.ROOT, "dense.units"));
    assertEquals("$.candidates[3]", Json.element("$.candidates", 3));
  }

  private static void assertMessage(String expected, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertEquals(expected, e.getMessage());
  }
}
