package org.tune4j.tuning.json;

/**
 * JSON text that is not valid JSON (RFC 8259), or that {@link Json#parse} does not accept
 * (duplicate keys, a number outside the double range, nesting deeper than
 * {@link Json#MAX_DEPTH}).
 *
 * <p>The message starts with the 1-based position:
 * {@code line 3, column 14: expected ',' or '}' after object member, found 'x'}. Columns count
 * UTF-16 chars from the start of the line. Immutable and thread-safe.
 */
public final class JsonException extends IllegalArgumentException {

  private final int line;
  private final int column;
  private final String reason;

  /**
   * An error at {@code line} and {@code column} (both 1-based).
   *
   * @param line the 1-based line
   * @param column the 1-based column
   * @param reason what was wrong, without the position
   */
  public JsonException(int line, int column, String reason) {
    super("line " + line + ", column " + column + ": " + reason);
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line " + line + " and column " + column
          + " must both be at least 1 (they are 1-based)");
    }
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** The 1-based line of the error. */
  public int line() {
    return line;
  }

  /** The 1-based column of the error, in UTF-16 chars. */
  public int column() {
    return column;
  }

  /** The message without the {@code line L, column C: } prefix. */
  public String reason() {
    return reason;
  }
}
