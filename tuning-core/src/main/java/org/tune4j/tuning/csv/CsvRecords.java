package org.tune4j.tuning.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time: comma-separated fields, double quotes around fields that
 * hold commas, quotes or line breaks, {@code ""} for a quote inside them; LF or CRLF line ends.
 * Keeps the 1-based file line on which each record starts. The one CSV reader of tune4j: the
 * predictions, grid and results files all go through it. Not thread-safe.
 */
public final class CsvRecords {

  private final Reader in;
  private final String source;
  private int line = 1;
  private int recordLine;
  private int pushedBack = -2;
  private int dataRow = -1;

  /**
   * Records read from {@code in}.
   *
   * @param source the file name or description used in error messages
   */
  public CsvRecords(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The file line on which the last record returned by {@link #next()} started. */
  public int recordLine() {
    return recordLine;
  }

  /** 1-based data row of the last record (0 for the first record, the header). */
  public int dataRow() {
    return dataRow;
  }

  /** The next record, skipping blank lines, or null at the end of the input. */
  public List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    recordLine = line;
    dataRow++;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new CsvFormatException(source, recordLine, dataRow,
              "a quoted field is not closed before the end of the file; close it with \"");
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == -1) {
        if (c == '\n') {
          line++;
        }
        fields.add(field.toString());
        if (fields.size() == 1 && fields.get(0).isEmpty() && !wasQuoted) {
          dataRow--; // a blank line is not a record
          return next();
        }
        return fields;
      } else if (c == '\r') {
        int d = read();
        if (d != '\n') {
          pushedBack = d;
        }
        c = '\n';
        continue;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  /** A field quoted for writing if it needs quotes. */
  public static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /** Every record of a CSV text, blank lines skipped. */
  public static List<List<String>> readAll(String text, String source) {
    CsvRecords r = new CsvRecords(new java.io.StringReader(text), source);
    List<List<String>> out = new ArrayList<>();
    try {
      for (List<String> rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
