package org.tune4j.tuning.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.tuning.params.ParameterSet;

/**
 * The candidates to tune over: an ordered list of parameter combinations, each with a stable
 * config id.
 *
 * <p>Config ids follow tune, which names candidates with {@code recipes::names0(n, "Model")}:
 * {@code Model} plus the row number zero-padded to the width of the count ({@code Model1} ..
 * {@code Model9} for fewer than 10 rows, {@code Model01} .. {@code Model27} for 27). The same
 * grid always gets the same ids. {@link #toString()} prints like a tibble. Make grids with
 * {@link Grids}; save and load with {@link #toJson} and {@link #fromJson}. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Grid grid = Grids.regular(params, 3);
 * for (Candidate c : grid.candidates()) { ... c.configId() ... c.doubleValue("learn_rate") }
 * }</pre>
 */
public final class Grid {

  /** tibble's {@code print_max}: grids up to this many rows print in full. */
  static final int PRINT_MAX = 20;
  /** tibble's {@code print_min}: longer grids print this many rows. */
  static final int PRINT_MIN = 10;

  private final ParameterSet parameters;
  private final List<Candidate> candidates;

  private Grid(ParameterSet parameters, List<Candidate> candidates) {
    this.parameters = parameters;
    this.candidates = List.copyOf(candidates);
  }

  /**
   * A grid of rows whose values are in parameter order and already checked; assigns the ids.
   */
  static Grid fromRows(ParameterSet parameters, List<List<Object>> rows) {
    List<String> configIds = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      configIds.add(configId(i + 1, rows.size()));
    }
    return fromCandidates(parameters, configIds, rows);
  }

  /**
   * A grid of rows whose values are in parameter order and already checked, keeping the given
   * config ids (e.g. read back from JSON).
   */
  static Grid fromCandidates(ParameterSet parameters, List<String> configIds,
      List<List<Object>> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("grid has no rows; give at least one candidate");
    }
    List<Candidate> candidates = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int j = 0; j < parameters.size(); j++) {
        values.put(parameters.get(j).id(), rows.get(i).get(j));
      }
      candidates.add(new Candidate(configIds.get(i), values));
    }
    return new Grid(parameters, candidates);
  }

  /**
   * tune's config id for row {@code row} (1-based) of {@code count}: {@code recipes::names0},
   * which pads with zeros to the number of digits of {@code count}.
   */
  static String configId(int row, int count) {
    int width = Integer.toString(count).length();
    StringBuilder digits = new StringBuilder(Integer.toString(row));
    while (digits.length() < width) {
      digits.insert(0, '0');
    }
    return "Model" + digits;
  }

  /** The parameters, in column order. */
  public ParameterSet parameters() {
    return parameters;
  }

  /** The candidates, in row order. */
  public List<Candidate> candidates() {
    return candidates;
  }

  /** The number of candidates. */
  public int size() {
    return candidates.size();
  }

  /** The candidate at {@code index} (0-based). */
  public Candidate candidate(int index) {
    return candidates.get(index);
  }

  /**
   * The candidate with this config id.
   *
   * @throws IllegalArgumentException if there is none, naming the id range
   */
  public Candidate candidate(String configId) {
    for (Candidate c : candidates) {
      if (c.configId().equals(configId)) {
        return c;
      }
    }
    throw new IllegalArgumentException("config id \"" + configId + "\" is not in the grid; ids"
        + " run from " + candidates.get(0).configId() + " to "
        + candidates.get(size() - 1).configId());
  }

  /** The values of one parameter, in row order. */
  public List<Object> column(String id) {
    parameters.get(id);
    List<Object> column = new ArrayList<>(size());
    for (Candidate c : candidates) {
      column.add(c.value(id));
    }
    return List.copyOf(column);
  }

  /**
   * This grid as pretty JSON text, with its parameters and config ids; see {@link GridJson}
   * for the format. {@code Grid.fromJson(grid.toJson())} equals {@code grid}.
   */
  public String toJson() {
    return GridJson.toJson(this);
  }

  /**
   * Reads a grid written by {@link #toJson}, checking the candidates as {@link Grids#of} does
   * and keeping their config ids.
   *
   * @throws IllegalArgumentException naming the JSON path (or the line and column, for bad
   *     syntax) if the text is not a valid grid
   */
  public static Grid fromJson(String text) {
    return GridJson.fromJson(text);
  }

  /** The grid printed like a tibble, showing at most {@code maxRows} rows. */
  public String print(int maxRows) {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows is " + maxRows + "; give 0 or more");
    }
    return GridPrinter.format(this, maxRows);
  }

  /** Prints like a tibble: all rows up to 20, else the first 10. */
  @Override
  public String toString() {
    return print(size() > PRINT_MAX ? PRINT_MIN : size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Grid other && parameters.equals(other.parameters)
        && candidates.equals(other.candidates);
  }

  @Override
  public int hashCode() {
    return 31 * parameters.hashCode() + candidates.hashCode();
  }
}
