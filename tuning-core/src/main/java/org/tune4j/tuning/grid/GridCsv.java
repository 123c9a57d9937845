package org.tune4j.tuning.grid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;

/**
 * Reads a grid CSV: a header of parameter ids, one row per candidate. Fields may be wrapped in
 * double quotes ({@code ""} for a quote inside); blank lines are skipped.
 */
final class GridCsv {

  private GridCsv() {}

  static List<Map<String, Object>> read(ParameterSet params, Path path) throws IOException {
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    int headerLine = 0;
    while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
      headerLine++;
    }
    if (headerLine == lines.size()) {
      throw new IllegalArgumentException("grid file " + path + " is empty; give a header of "
          + "parameter ids (" + String.join(", ", params.ids()) + ") and at least one row");
    }
    List<String> header = split(lines.get(headerLine));
    UserGrids.checkColumns(params, header, " in " + path);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = headerLine + 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> fields = split(lines.get(i));
      if (fields.size() != header.size()) {
        throw new IllegalArgumentException("line " + (i + 1) + " of " + path + " has "
            + fields.size() + " fields; the header has " + header.size());
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int j = 0; j < header.size(); j++) {
        Parameter p = params.get(header.get(j));
        row.put(p.id(), parse(p, fields.get(j), i + 1, path));
      }
      rows.add(row);
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

  /** Splits one CSV line, honouring double quotes. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c != '\r') {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
