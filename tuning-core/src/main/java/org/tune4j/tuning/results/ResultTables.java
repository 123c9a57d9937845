package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.List;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.NumericType;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;

/** Builds the {@link Table}s of {@link TuneResults} with tune's column names. Stateless. */
final class ResultTables {

  private ResultTables() {}

  /** {@code config, <params...>, metric, estimator, mean, n, std_err}. */
  static Table summaries(ParameterSet parameters, List<MetricSummary> rows) {
    List<String> names = new ArrayList<>(List.of("config"));
    List<ColumnType> types = new ArrayList<>(List.of(ColumnType.CHR));
    addParameterColumns(parameters, names, types);
    names.addAll(List.of("metric", "estimator", "mean", "n", "std_err"));
    types.addAll(List.of(ColumnType.CHR, ColumnType.CHR, ColumnType.DBL, ColumnType.INT,
        ColumnType.DBL));
    List<List<Object>> cells = new ArrayList<>(rows.size());
    for (MetricSummary s : rows) {
      List<Object> row = Table.cells(s.configId());
      row.addAll(s.params().values());
      row.addAll(Table.cells(s.metric(), s.estimator(), s.mean(), s.n(), s.stdErr()));
      cells.add(row);
    }
    return Table.of(names, types, cells);
  }

  /** {@code config, <params...>, id, [id2,] metric, estimator, estimate}. */
  static Table perResample(ParameterSet parameters, List<MetricRow> rows) {
    boolean hasId2 = rows.stream().anyMatch(r -> r.id2().isPresent());
    List<String> names = new ArrayList<>(List.of("config"));
    List<ColumnType> types = new ArrayList<>(List.of(ColumnType.CHR));
    addParameterColumns(parameters, names, types);
    names.add("id");
    types.add(ColumnType.CHR);
    if (hasId2) {
      names.add("id2");
      types.add(ColumnType.CHR);
    }
    names.addAll(List.of("metric", "estimator", "estimate"));
    types.addAll(List.of(ColumnType.CHR, ColumnType.CHR, ColumnType.DBL));
    List<List<Object>> cells = new ArrayList<>(rows.size());
    for (MetricRow r : rows) {
      List<Object> row = Table.cells(r.configId());
      row.addAll(r.params().values());
      row.add(r.id());
      if (hasId2) {
        row.add(r.id2().orElse(null));
      }
      row.addAll(Table.cells(r.metric(), r.estimator(), r.estimate()));
      cells.add(row);
    }
    return Table.of(names, types, cells);
  }

  /** {@code config, id, stage, type, message}. */
  static Table notes(List<Note> notes) {
    List<List<Object>> cells = new ArrayList<>(notes.size());
    for (Note n : notes) {
      cells.add(Table.cells(n.configId(), n.id(), n.stage(), n.type(), n.message()));
    }
    return Table.of(List.of("config", "id", "stage", "type", "message"),
        List.of(ColumnType.CHR, ColumnType.CHR, ColumnType.CHR, ColumnType.CHR, ColumnType.CHR),
        cells);
  }

  /** {@code row, id, config, truth, pred_class, pred_<level>...}. */
  static Table predictions(List<String> levels, List<PredictionRow> rows) {
    List<String> names = new ArrayList<>(List.of("row", "id", "config", "truth", "pred_class"));
    List<ColumnType> types = new ArrayList<>(List.of(ColumnType.INT, ColumnType.CHR,
        ColumnType.CHR, ColumnType.CHR, ColumnType.CHR));
    for (String level : levels) {
      names.add("pred_" + level);
      types.add(ColumnType.DBL);
    }
    List<List<Object>> cells = new ArrayList<>(rows.size());
    for (PredictionRow p : rows) {
      List<Object> row = Table.cells(p.row(), p.id(), p.configId(), p.truth(), p.predClass());
      row.addAll(p.probabilities());
      cells.add(row);
    }
    return Table.of(names, types, cells);
  }

  /** The column type of a parameter's values. */
  static ColumnType typeOf(Parameter p) {
    if (p instanceof NumericParameter n) {
      return n.type() == NumericType.INTEGER ? ColumnType.INT : ColumnType.DBL;
    }
    return ColumnType.CHR;
  }

  private static void addParameterColumns(ParameterSet parameters, List<String> names,
      List<ColumnType> types) {
    for (Parameter p : parameters) {
      names.add(p.id());
      types.add(typeOf(p));
    }
  }
}
