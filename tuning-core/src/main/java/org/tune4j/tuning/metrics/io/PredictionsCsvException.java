package org.tune4j.tuning.metrics.io;

/**
 * A predictions CSV that cannot be read: the message names the file, the line (and data row)
 * and the column, and says what would be right.
 */
public final class PredictionsCsvException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int dataRow;
  private final String column;

  PredictionsCsvException(String source, int line, int dataRow, String column, String problem) {
    super(source + ": line " + line + (dataRow > 0 ? " (data row " + dataRow + ")" : " (header)")
        + (column == null ? "" : ", column \"" + column + "\"") + ": " + problem);
    this.line = line;
    this.dataRow = dataRow;
    this.column = column;
  }

  /** 1-based data row at fault (the header not counted), or 0 for the header. */
  public int dataRow() {
    return dataRow;
  }

  /** 1-based line of the file where the problem is (1 is the header). */
  public int line() {
    return line;
  }

  /** The column at fault, or null when the problem is a whole row. */
  public String column() {
    return column;
  }
}
