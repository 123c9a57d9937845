package org.tune4j.models.source;

/**
 * A row of an {@link ImageSource} could not be read: a missing, truncated or damaged file. The
 * message names the item (the file) and the reason. Thrown while reading, so what was read before
 * it is kept by the caller.
 */
public final class UnreadableRowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int row;
  private final String item;

  /** A failure to read row {@code row}, whose item is {@code item}, for {@code reason}. */
  public UnreadableRowException(int row, String item, String reason, Throwable cause) {
    super("image " + item + " (row " + row + ") cannot be read: " + reason, cause);
    this.row = row;
    this.item = item;
  }

  /** The row that could not be read. */
  public int row() {
    return row;
  }

  /** The row's item: its file, or its record. */
  public String item() {
    return item;
  }
}
