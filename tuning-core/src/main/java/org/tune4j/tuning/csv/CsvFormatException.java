package org.tune4j.tuning.csv;

/**
 * A CSV text that is not well-formed (a quoted field left open): the message names the source,
 * the line and the data row.
 */
public final class CsvFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int dataRow;
  private final String problem;

  CsvFormatException(String source, int line, int dataRow, String problem) {
    super(source + ": line " + line + (dataRow > 0 ? " (data row " + dataRow + ")" : " (header)") + ": " + problem);
    this.line = line;
    this.dataRow = dataRow;
    this.problem = problem;
  }

  /** 1-based line where the faulty record starts. */
  public int line() {
    return line;
  }

  /** 1-based data row (0 for the header). */
  public int dataRow() {
    return dataRow;
  }

  /** What is wrong and how to fix it. */
  public String problem() {
    return problem;
  }
}
