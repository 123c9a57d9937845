package org.tune4j.models.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tune4j.tuning.csv.CsvRecords;

/**
 * What a run's feature rows are and where they are read from: for every row its item (a file path
 * or record), content key, label, shard file and row in that shard; and for every shard read, its
 * CRC32 (as stored in its last 8 bytes), rows and the byte offset of its features. Written beside a
 * run's results, so the features of a run can be found, checked or read by other tools.
 *
 * <p>The file is CSV (RFC 4180, UTF-8) in three tables, each after its header record; the first
 * says how many records the other two have, so a truncated file is told from a whole one:
 *
 * <pre>
 * format,version,store_key,columns,rows,shards
 * tune4j-feature-manifest,1,resnet50 imagenet avg 32x32,2048,3,1
 * shard,crc32,rows,data_offset
 * shard-3f0c….t4js,9a1b2c3d,8192,262181
 * row,item,content_key,label,shard,shard_row
 * 0,images/cat/1.jpg,5e88…,cat,shard-3f0c….t4js,17
 * </pre>
 *
 * The features of a row are {@code columns} little-endian float32 at byte {@code data_offset + 4 ·
 * columns · shard_row} of its shard. Immutable and thread-safe; {@link #write} replaces the file
 * atomically.
 *
 * <pre>{@code
 * store.manifest(keys, row -> files.get(row).toString(), row -> labels.get(row)).write(runDir.resolve("features.csv"));
 * Manifest m = Manifest.read(runDir.resolve("features.csv"));
 * }</pre>
 */
public final class Manifest {
  /** The first field of the second record: what the file is. */
  public static final String FORMAT = "tune4j-feature-manifest";
  /** The format version written and read. */
  public static final int VERSION = 1;
  static final List<String> HEAD = List.of("format", "version", "store_key", "columns", "rows", "shards");
  static final List<String> SHARD_HEAD = List.of("shard", "crc32", "rows", "data_offset");
  static final List<String> ROW_HEAD = List.of("row", "item", "content_key", "label", "shard", "shard_row");

  /** A shard a run reads: its file name in the store's folder, CRC32, rows and byte offset of its features. */
  public record Shard(String file, long crc32, int rows, long dataOffset) {
    /** @throws IllegalArgumentException naming a blank name or a value out of range */
    public Shard {
      if (file == null || file.isBlank() || file.contains("/") || file.contains("\\")) {
        throw new IllegalArgumentException("shard file " + ContentKeys.shown(file) + " must be a file name");
      }
      if (crc32 < 0 || crc32 > 0xFFFFFFFFL || rows < 1 || dataOffset < 0) {
        throw new IllegalArgumentException("shard " + file + ": crc32 " + crc32 + " must be 32 bits, rows " + rows
            + " at least 1, data offset " + dataOffset + " at least 0");
      }
    }
  }

  /** One row of a run: its number, item, content key, label, and the shard and row in the shard it is read from. */
  public record Row(int row, String item, String contentKey, String label, String shard, int shardRow) {
    /** @throws IllegalArgumentException naming a malformed key or a negative number */
    public Row {
      Objects.requireNonNull(item, "item (use \"\" for none)");
      Objects.requireNonNull(label, "label (use \"\" for none)");
      ContentKeys.require(contentKey);
      if (row < 0 || shardRow < 0) {
        throw new IllegalArgumentException("row " + row + " and shard row " + shardRow + " must be at least 0");
      }
    }
  }

  private final String storeKey;
  private final int columns;
  private final List<Shard> shards;
  private final List<Row> rows;

  private Manifest(String storeKey, int columns, List<Shard> shards, List<Row> rows) {
    this.storeKey = storeKey;
    this.columns = columns;
    this.shards = shards;
    this.rows = rows;
  }

  /**
   * A manifest of {@code rows} (numbered 0, 1, … in order) read from {@code shards}.
   *
   * @throws IllegalArgumentException naming a row out of order, a row whose shard is not listed or whose shard row
   *     is past the shard's rows, a shard listed twice, or a blank store key
   */
  public static Manifest of(String storeKey, int columns, List<Shard> shards, List<Row> rows) {
    if (storeKey == null || storeKey.isBlank() || columns < 1) {
      throw new IllegalArgumentException("store key " + ContentKeys.shown(storeKey) + " must not be blank and columns "
          + columns + " must be at least 1");
    }
    List<Shard> s = List.copyOf(shards);
    List<Row> r = List.copyOf(rows);
    Map<String, Shard> byName = new HashMap<>();
    for (Shard shard : s) {
      if (byName.put(shard.file(), shard) != null) {
        throw new IllegalArgumentException("shard " + shard.file() + " is listed twice; list each shard once");
      }
    }
    for (int i = 0; i < r.size(); i++) {
      checkRow(r.get(i), i, byName);
    }
    return new Manifest(storeKey, columns, s, r);
  }

  static void checkRow(Row row, int expected, Map<String, Shard> shards) {
    if (row.row() != expected) {
      throw new IllegalArgumentException("row " + row.row() + " is where row " + expected + " belongs; rows are"
          + " numbered 0, 1, ... in order");
    }
    Shard shard = shards.get(row.shard());
    if (shard == null) {
      throw new IllegalArgumentException("row " + row.row() + " is read from shard " + row.shard()
          + ", which the manifest does not list; list it among the shards");
    }
    if (row.shardRow() >= shard.rows()) {
      throw new IllegalArgumentException("row " + row.row() + " is row " + row.shardRow() + " of shard " + row.shard()
          + ", which has " + shard.rows() + " rows");
    }
  }

  /** The store key of the features. */
  public String storeKey() {
    return storeKey;
  }

  /** The length of a feature row. */
  public int columns() {
    return columns;
  }

  /** The shards the rows are read from, in the store's order. */
  public List<Shard> shards() {
    return shards;
  }

  /** The rows, in the run's order. */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Writes the manifest to {@code file}: a temporary file beside it, forced to disk, renamed over it.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public void write(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, file.getFileName() + "-", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          Writer out = new java.io.BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 1 << 16)) {
        line(out, HEAD);
        line(out, List.of(FORMAT, Integer.toString(VERSION), storeKey, Integer.toString(columns),
            Integer.toString(rows.size()), Integer.toString(shards.size())));
        line(out, SHARD_HEAD);
        for (Shard s : shards) {
          line(out, List.of(s.file(), String.format("%08x", s.crc32()), Integer.toString(s.rows()),
              Long.toString(s.dataOffset())));
        }
        line(out, ROW_HEAD);
        for (Row r : rows) {
          line(out, List.of(Integer.toString(r.row()), r.item(), r.contentKey(), r.label(), r.shard(),
              Integer.toString(r.shardRow())));
        }
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("feature manifest " + file + " cannot be written: " + e
          + "; check the folder and its free space", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the rename failed as well; the temporary file is harmless
        }
      }
    }
  }

  private static void line(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(CsvRecords.quote(fields.get(i)));
    }
    out.write('\n');
  }

  /**
   * Reads a manifest written by {@link #write}.
   *
   * @throws IllegalArgumentException naming the file and line of the first record that is malformed, missing or
   *     extra
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public static Manifest read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ManifestReader.read(new CsvRecords(in, "feature manifest " + file), "feature manifest " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("feature manifest " + file + " cannot be read: " + e, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest m && m.storeKey.equals(storeKey) && m.columns == columns && m.shards.equals(shards)
        && m.rows.equals(rows);
  }

  @Override
  public int hashCode() {
    return Objects.hash(storeKey, columns, shards, rows);
  }

  @Override
  public String toString() {
    return "Manifest[" + rows.size() + " rows of " + columns + " from " + shards.size() + " shards, store key "
        + ContentKeys.shown(storeKey) + "]";
  }
}
