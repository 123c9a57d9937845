package org.tune4j.tuning.grid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.csv.CsvRecords;

/**
 * Reads a grid CSV: a header of parameter ids, one row per candidate. Fields may be wrapped in
 * double quotes ({@code ""} for a quote inside); blank lines are skipped.
 */
final class GridCsv {

  private GridCsv() {}

  static List<Map<String, Object>> read(ParameterSet params, Path path) throws IOException {
    List<String> header;
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      CsvRecords records = new CsvRecords(in, path.toString());
      header = records.next();
      if (header == null) {
        throw new IllegalArgumentException("grid file " + path + " is empty; give a header of "
            + "parameter ids (" + String.join(", ", params.ids()) + ") and at least one row");
      }
      UserGrids.checkColumns(params, header, " in " + path);
      for (List<String> fields = records.next(); fields != null; fields = records.next()) {
        int line = records.recordLine();
        if (fields.size() != header.size()) {
          throw new IllegalArgumentException("line " + line + " of " + path + " has "
              + fields.size() + " fields; the header has " + header.size());
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int j = 0; j < header.size(); j++) {
          Parameter p = params.get(header.get(j));
          row.put(p.id(), parse(p, fields.get(j), line, path));
        }
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("grid has no rows in " + path
          + "; give at least one candidate");
    }
    return rows;
  }

  private static Object parse(Parameter p, String field, int line, Path path) {
    if (!(p instanceof NumericParameter)) {
      return field;
    }
    try {
      return Double.parseDouble(field.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("value \"" + field + "\" in column \"" + p.id()
          + "\" (line " + line + " of " + path + ") is not a number; give a number in "
          + p.describeValues(), e);
    }
  }
}
