package org.tune4j.models.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tune4j.tuning.csv.CsvRecords;

/**
 * Reads the three tables of a {@link Manifest}, checking each record as it comes so an error names
 * its line: the fields, their numbers, and the counts the first table announces. Not thread-safe:
 * one per read.
 */
final class ManifestReader {
  private final CsvRecords in;
  private final String source;
  private int lastLine = 1;

  private ManifestReader(CsvRecords in, String source) {
    this.in = in;
    this.source = source;
  }

  static Manifest read(CsvRecords in, String source) throws IOException {
    return new ManifestReader(in, source).read();
  }

  private Manifest read() throws IOException {
    header(Manifest.HEAD, "the manifest's first record");
    List<String> head = record(Manifest.HEAD.size(), "the manifest's counts");
    if (!head.get(0).equals(Manifest.FORMAT)) {
      throw error("\"" + head.get(0) + "\" is not " + Manifest.FORMAT + "; this is not a tune4j feature manifest");
    }
    int version = number(head.get(1), "version", 1, Integer.MAX_VALUE);
    if (version != Manifest.VERSION) {
      throw error("manifest version " + version + ", this tune4j reads version " + Manifest.VERSION);
    }
    String storeKey = head.get(2);
    int columns = number(head.get(3), "columns", 1, Integer.MAX_VALUE);
    int rows = number(head.get(4), "rows", 0, Integer.MAX_VALUE);
    int shardCount = number(head.get(5), "shards", 0, Integer.MAX_VALUE);
    header(Manifest.SHARD_HEAD, "the shard table's header");
    Map<String, Manifest.Shard> shards = new HashMap<>();
    List<Manifest.Shard> shardList = new ArrayList<>(shardCount);
    for (int s = 0; s < shardCount; s++) {
      List<String> f = record(Manifest.SHARD_HEAD.size(), "shard " + (s + 1) + " of the " + shardCount + " announced");
      long crc = crc(f.get(1));
      int shardRows = number(f.get(2), "rows", 1, Integer.MAX_VALUE);
      long dataOffset = offset(f.get(3));
      Manifest.Shard shard = checked(() -> new Manifest.Shard(f.get(0), crc, shardRows, dataOffset));
      if (shards.put(shard.file(), shard) != null) {
        throw error("shard " + shard.file() + " is listed twice");
      }
      shardList.add(shard);
    }
    header(Manifest.ROW_HEAD, "the row table's header");
    List<Manifest.Row> out = new ArrayList<>(Math.min(rows, 1 << 20));
    for (int r = 0; r < rows; r++) {
      List<String> f = record(Manifest.ROW_HEAD.size(), "row " + r + " of the " + rows + " announced");
      int row = number(f.get(0), "row", 0, Integer.MAX_VALUE);
      int shardRow = number(f.get(5), "shard_row", 0, Integer.MAX_VALUE);
      Manifest.Row parsed = checked(() -> new Manifest.Row(row, f.get(1), f.get(2), f.get(3), f.get(4), shardRow));
      int expected = r;
      checked(() -> {
        Manifest.checkRow(parsed, expected, shards);
        return parsed;
      });
      out.add(parsed);
    }
    List<String> extra = in.next();
    if (extra != null) {
      lastLine = in.recordLine();
      throw error("a record after the " + rows + " rows the manifest announces; the file was written by another"
          + " tool or edited");
    }
    return Manifest.of(storeKey, columns, shardList, out);
  }

  private void header(List<String> expected, String what) throws IOException {
    List<String> got = record(expected.size(), what);
    if (!got.equals(expected)) {
      throw error(what + " is " + String.join(",", got) + ", expected " + String.join(",", expected));
    }
  }

  private List<String> record(int fields, String what) throws IOException {
    List<String> r = in.next();
    if (r == null) {
      throw error("the file ends where " + what + " belongs (truncated); write the manifest again");
    }
    lastLine = in.recordLine();
    if (r.size() != fields) {
      throw error(what + " has " + r.size() + " fields, expected " + fields);
    }
    return r;
  }

  private int number(String text, String field, int min, int max) {
    try {
      long v = Long.parseLong(text);
      if (v >= min && v <= max) {
        return (int) v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(field + " \"" + text + "\" is not a whole number from " + min + " to " + max);
  }

  private long offset(String text) {
    try {
      long v = Long.parseLong(text);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error("data_offset \"" + text + "\" is not a whole number of bytes from 0");
  }

  private long crc(String text) {
    if (!text.matches("[0-9a-f]{8}")) {
      throw error("crc32 \"" + text + "\" is not 8 lower-case hex digits");
    }
    return Long.parseLong(text, 16);
  }

  private interface Check<T> {
    T get();
  }

  private <T> T checked(Check<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw error(e.getMessage());
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException(source + ": line " + lastLine + ": " + problem);
  }
}
