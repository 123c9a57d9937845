package org.tune4j.tuning.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small, immutable, typed table: column names, a {@link ColumnType} per column and rows of
 * cells. The tables of {@link TuneResults} ({@code collectMetrics}, {@code showBest},
 * {@code notes}, {@code collectPredictions}) are {@code Table}s, and {@link #toString()} prints
 * them like a tibble:
 *
 * <pre>
 * # A tibble: 2 × 3
 *   config  metric    mean
 *   &lt;chr&gt;   &lt;chr&gt;    &lt;dbl&gt;
 * 1 Model1  accuracy 0.812
 * 2 Model2  accuracy 0.75
 * </pre>
 *
 * <p>Values are exact: {@link #getDouble} returns the stored double, not the printed one.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Table best = results.showBest("accuracy", 3);
 * double top = best.getDouble(0, "mean");
 * String config = best.getString(0, "config");
 * }</pre>
 */
public final class Table {

  /** The number of rows {@link #toString()} shows, as a tibble does for long tables. */
  public static final int DEFAULT_MAX_ROWS = 10;

  private final List<String> names;
  private final List<ColumnType> types;
  private final List<List<Object>> rows;
  private final Map<String, Integer> index;

  private Table(List<String> names, List<ColumnType> types, List<List<Object>> rows,
      Map<String, Integer> index) {
    this.names = names;
    this.types = types;
    this.rows = rows;
    this.index = index;
  }

  /**
   * A table with these columns and rows.
   *
   * @param names distinct column names
   * @param types one type per column
   * @param rows rows of one cell per column; a cell is {@code null} or of its column's
   *     {@link ColumnType#javaType()}
   * @throws IllegalArgumentException naming the column, row and value that do not fit
   */
  public static Table of(List<String> names, List<ColumnType> types, List<List<Object>> rows) {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(types, "types");
    Objects.requireNonNull(rows, "rows");
    if (names.size() != types.size()) {
      throw new IllegalArgumentException("table has " + names.size() + " column names and "
          + types.size() + " column types; give one type per column");
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      if (index.put(Objects.requireNonNull(names.get(j), "column name"), j) != null) {
        throw new IllegalArgumentException("column \"" + names.get(j)
            + "\" appears twice; column names must be distinct");
      }
      Objects.requireNonNull(types.get(j), "column type");
    }
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      if (row.size() != names.size()) {
        throw new IllegalArgumentException("row " + i + " has " + row.size() + " cells; the"
            + " table has " + names.size() + " columns (" + String.join(", ", names) + ")");
      }
      for (int j = 0; j < row.size(); j++) {
        Object cell = row.get(j);
        if (cell != null && !types.get(j).javaType().isInstance(cell)) {
          throw new IllegalArgumentException("cell " + cell + " in row " + i + ", column \""
              + names.get(j) + "\" is a " + cell.getClass().getSimpleName() + "; column type "
              + types.get(j).tag() + " holds " + types.get(j).javaType().getSimpleName());
        }
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    return new Table(List.copyOf(names), List.copyOf(types),
        Collections.unmodifiableList(copy), Collections.unmodifiableMap(index));
  }

  /** The number of rows. */
  public int nrow() {
    return rows.size();
  }

  /** The number of columns. */
  public int ncol() {
    return names.size();
  }

  /** The column names, in order. */
  public List<String> names() {
    return names;
  }

  /** The column types, in order. */
  public List<ColumnType> types() {
    return types;
  }

  /** The type of the named column. */
  public ColumnType type(String column) {
    return types.get(columnIndex(column));
  }

  /** The rows, each a list of cells in column order. */
  public List<List<Object>> rows() {
    return rows;
  }

  /** The cells of the named column, top to bottom. */
  public List<Object> column(String column) {
    int j = columnIndex(column);
    List<Object> cells = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      cells.add(row.get(j));
    }
    return Collections.unmodifiableList(cells);
  }

  /** Row {@code i} as column name to cell, in column order. */
  public Map<String, Object> row(int i) {
    List<Object> row = rows.get(checkRow(i));
    Map<String, Object> map = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      map.put(names.get(j), row.get(j));
    }
    return Collections.unmodifiableMap(map);
  }

  /** The cell in row {@code i} of the named column (may be {@code null}). */
  public Object get(int i, String column) {
    int j = columnIndex(column);
    return rows.get(checkRow(i)).get(j);
  }

  /** A {@code <dbl>} cell; {@code NaN} for {@code NA}. */
  public double getDouble(int i, String column) {
    Double d = typed(i, column, ColumnType.DBL, Double.class);
    return d == null ? Double.NaN : d;
  }

  /**
   * An {@code <int>} cell.
   *
   * @throws IllegalStateException if the cell is {@code NA}
   */
  public int getInt(int i, String column) {
    Integer v = typed(i, column, ColumnType.INT, Integer.class);
    if (v == null) {
      throw new IllegalStateException("cell in row " + i + ", column \"" + column
          + "\" is NA; read it with get(row, column)");
    }
    return v;
  }

  /** A {@code <chr>} cell ({@code null} for {@code NA}). */
  public String getString(int i, String column) {
    return typed(i, column, ColumnType.CHR, String.class);
  }

  /**
   * The table printed like a tibble, showing at most {@code maxRows} rows and then
   * {@code # ℹ N more rows}.
   *
   * @throws IllegalArgumentException if {@code maxRows < 0}
   */
  public String print(int maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows is " + maxRows + "; give 0 or more");
    }
    return TablePrinter.format(this, maxRows);
  }

  /** The table printed like a tibble with at most {@value #DEFAULT_MAX_ROWS} rows. */
  @Override
  public String toString() {
    return print(DEFAULT_MAX_ROWS);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Table t && names.equals(t.names) && types.equals(t.types)
        && rows.equals(t.rows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, types, rows);
  }

  private <T> T typed(int i, String column, ColumnType expected, Class<T> type) {
    int j = columnIndex(column);
    if (types.get(j) != expected) {
      throw new IllegalArgumentException("column \"" + column + "\" is " + types.get(j).tag()
          + ", not " + expected.tag() + "; use the getter for " + types.get(j).tag());
    }
    return type.cast(rows.get(checkRow(i)).get(j));
  }

  private int columnIndex(String column) {
    Integer j = index.get(column);
    if (j == null) {
      throw new IllegalArgumentException("column \"" + column + "\" is not in the table;"
          + " choose from: " + String.join(", ", names));
    }
    return j;
  }

  private int checkRow(int i) {
    if (i < 0 || i >= rows.size()) {
      throw new IndexOutOfBoundsException("row " + i + " is outside the table's "
          + rows.size() + " rows (0 to " + (rows.size() - 1) + ")");
    }
    return i;
  }

  /** For building tables: a row from cells. */
  static List<Object> cells(Object... cells) {
    return new ArrayList<>(Arrays.asList(cells));
  }
}
