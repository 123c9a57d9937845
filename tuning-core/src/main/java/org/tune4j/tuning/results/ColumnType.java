package org.tune4j.tuning.results;

/**
 * The type of a {@link Table} column, printed the way a tibble prints it ({@code <chr>},
 * {@code <dbl>}, {@code <int>}). Cells of a {@code CHR} column are {@code String}s, of a
 * {@code DBL} column {@code Double}s and of an {@code INT} column {@code Integer}s; any cell
 * may be {@code null} (R's {@code NA}).
 */
public enum ColumnType {
  /** Text: config ids, resample ids, metric names, qualitative parameters. */
  CHR("<chr>", String.class),
  /** Doubles: means, estimates, probabilities, double parameters. */
  DBL("<dbl>", Double.class),
  /** Integers: counts, row numbers, integer parameters. */
  INT("<int>", Integer.class);

  private final String tag;
  private final Class<?> javaType;

  ColumnType(String tag, Class<?> javaType) {
    this.tag = tag;
    this.javaType = javaType;
  }

  /** The tag a tibble prints under the column name, e.g. {@code <dbl>}. */
  public String tag() {
    return tag;
  }

  /** The Java type of the column's non-null cells. */
  public Class<?> javaType() {
    return javaType;
  }

  /** Whether cells are numbers (printed right-aligned). */
  public boolean isNumeric() {
    return this != CHR;
  }
}
