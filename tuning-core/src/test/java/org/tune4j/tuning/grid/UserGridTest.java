package org.tune4j.tuning.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tune4j.tuning.grid.RegularGridTest.assertMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Parameters;

class UserGridTest {

  private static final ParameterSet PARAMS = ParameterSet.of(
      Parameters.hiddenUnits(16, 256).withId("dense_units"),
      Parameters.dropout().withId("dropout_rate"),
      Parameters.activation());

  @TempDir
  Path dir;

  @Test
  void rowsBecomeCandidatesInOrder() {
    Grid grid = Grids.of(PARAMS, List.of(
        Map.of("dense_units", 64, "dropout_rate", 0.2, "activation", "relu"),
        Map.of("dense_units", 128.0, "dropout_rate", 0, "activation", "tanh")));
    assertEquals(2, grid.size());
    assertEquals("Model1", grid.candidate(0).configId());
    assertEquals(128, grid.candidate(1).intValue("dense_units"));
    assertEquals(0.0, grid.candidate(1).doubleValue("dropout_rate"), 0.0);
    assertEquals("tanh", grid.candidate("Model2").stringValue("activation"));
  }

  @Test
  void csvColumnsInAnyOrder() throws IOException {
    Path csv = write("activation,dense_units,dropout_rate\n"
        + "relu,64,0.2\n\"tanh\",128,0.5\n");
    Grid grid = Grids.readCsv(PARAMS, csv);
    assertEquals(List.of(64, 128), grid.column("dense_units"));
    assertEquals(List.of(0.2, 0.5), grid.column("dropout_rate"));
    assertEquals(List.of("relu", "tanh"), grid.column("activation"));
    assertEquals(List.of("dense_units", "dropout_rate", "activation"), grid.parameters().ids());
  }

  @Test
  void rowErrors() {
    assertMessage("grid has no rows; give at least one candidate",
        () -> Grids.of(PARAMS, List.of()));
    assertMessage("grid value 1.0 for parameter \"dropout_rate\" (row 1) is outside its range "
        + "[0, 1)", () -> Grids.of(PARAMS, List.of(row(64, 1.0, "relu"))));
    assertMessage("grid value 8 for parameter \"dense_units\" (row 2) is outside its range "
        + "[16, 256]", () -> Grids.of(PARAMS, List.of(row(64, 0.1, "relu"),
            row(8, 0.1, "relu"))));
    assertMessage("grid value 20.5 for integer parameter \"dense_units\" (row 1) is not a "
        + "whole number; give an integer in [16, 256]",
        () -> Grids.of(PARAMS, List.of(row(20.5, 0.1, "relu"))));
    assertMessage("grid value \"swish\" for parameter \"activation\" (row 1) is not one of its "
        + "values: relu, sigmoid, tanh, elu, gelu, linear",
        () -> Grids.of(PARAMS, List.of(row(20, 0.1, "swish"))));
    assertMessage("grid value \"0.1\" for parameter \"dropout_rate\" (row 1) is outside its "
        + "range [0, 1)", () -> Grids.of(PARAMS, List.of(row(20, "0.1", "relu"))));
    assertMessage("grid column \"units\" (row 1) is not a parameter; parameters are: "
        + "dense_units, dropout_rate, activation", () -> Grids.of(PARAMS, List.of(
            Map.of("units", 20, "dense_units", 20, "dropout_rate", 0.1, "activation", "relu"))));
    assertMessage("parameter \"activation\" has no grid column (row 1); add a column "
        + "\"activation\" (columns are: dense_units, dropout_rate)", () -> Grids.of(PARAMS,
            List.of(orderedRow(List.of("dense_units", "dropout_rate"), List.of(20, 0.1)))));
    assertMessage("grid row 2 repeats row 1 {dense_units=20, dropout_rate=0.1, activation=relu};"
        + " remove duplicate rows",
        () -> Grids.of(PARAMS, List.of(row(20, 0.1, "relu"), row(20, 0.1, "relu"))));
  }

  @Test
  void csvErrors() {
    assertCsvMessage("grid column \"units\" in FILE is not a parameter; parameters are: "
        + "dense_units, dropout_rate, activation", "units,dropout_rate,activation\n1,0,relu\n");
    assertCsvMessage("parameter \"activation\" has no grid column in FILE; add a column "
        + "\"activation\" (columns are: dense_units, dropout_rate)",
        "dense_units,dropout_rate\n20,0.1\n");
    assertCsvMessage("grid has no rows in FILE; give at least one candidate",
        "dense_units,dropout_rate,activation\n\n");
    assertCsvMessage("grid file FILE is empty; give a header of parameter ids (dense_units, "
        + "dropout_rate, activation) and at least one row", "");
    assertCsvMessage("value \"abc\" in column \"dropout_rate\" (line 2 of FILE) is not a number;"
        + " give a number in [0, 1)", "dense_units,dropout_rate,activation\n20,abc,relu\n");
    assertCsvMessage("line 2 of FILE has 2 fields; the header has 3",
        "dense_units,dropout_rate,activation\n20,0.1\n");
    assertCsvMessage("grid value 300.0 for parameter \"dense_units\" (row 1) is outside its "
        + "range [16, 256]", "dense_units,dropout_rate,activation\n300,0.1,relu\n");
  }

  private void assertCsvMessage(String expected, String content) {
    Path file = write(content);
    assertMessage(expected.replace("FILE", file.toString()), () -> {
      try {
        Grids.readCsv(PARAMS, file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private Path write(String content) {
    try {
      Path file = Files.createTempFile(dir, "grid", ".csv");
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> row(Object units, Object dropout, Object activation) {
    return orderedRow(List.of("dense_units", "dropout_rate", "activation"),
        List.of(units, dropout, activation));
  }

  private static Map<String, Object> orderedRow(List<String> keys, List<Object> values) {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      row.put(keys.get(i), values.get(i));
    }
    return row;
  }
}
