package org.tune4j.models.store;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * One shard file, format version 1:
 *
 * <pre>
 * int32  magic 0x54344A53 ("T4JS")         big-endian
 * int32  version 1                          big-endian
 * int32  n, then n bytes: the store key     UTF-8
 * int32  columns, int32 rows                big-endian
 * rows × 32 bytes: the rows' content keys   (SHA-256 digests)
 * rows × columns float32: the features      little-endian, row-major
 * int64  CRC32 of every byte before it      big-endian
 * </pre>
 *
 * Written to a temporary file in the shard's folder, forced to disk and renamed to {@code
 * shard-<random UUID>.t4js}, so a reader sees a whole shard or none and two processes never pick
 * one name. Read by mapping the file once: the checksum is computed over the mapping and the
 * features are a view of it. Stateless.
 */
final class ShardFile {
  static final int MAGIC = 0x54344A53;
  static final int VERSION = 1;
  static final String PREFIX = "shard-";
  static final String SUFFIX = ".t4js";
  static final String TEMP_SUFFIX = ".tmp";
  /** The most feature bytes a shard holds: a shard is mapped as one buffer, whose positions are ints. */
  static final long MAX_BYTES = 1L << 30;
  /** Bytes written per call while streaming the features out. */
  private static final int WRITE_CHUNK = 1 << 20;
  private static final int FIXED_HEADER = 5 * Integer.BYTES;

  /** What a checked shard says: its store key, size and keys, where its features start, and its checksum. */
  record Header(String storeKey, int columns, int rows, List<String> keys, long dataOffset, long length, long crc) {}

  /** A checked shard and its features, mapped read-only. */
  record Mapped(Path file, Header header, FloatBuffer features) {}

  private ShardFile() {}

  /** Bytes of a shard of {@code rows} rows of {@code columns} with store key {@code storeKeyBytes} long. */
  static long length(int storeKeyBytes, int columns, long rows) {
    return FIXED_HEADER + storeKeyBytes + rows * ContentKeys.BYTES + rows * columns * Float.BYTES + Long.BYTES;
  }

  /**
   * Writes the first {@code keys.size()} rows of {@code values} as a new shard in {@code folder} and maps it.
   *
   * @throws IOException when the folder cannot be written
   */
  static Mapped write(Path folder, String storeKey, int columns, List<String> keys, float[] values) throws IOException {
    int rows = keys.size();
    byte[] store = storeKey.getBytes(StandardCharsets.UTF_8);
    ByteBuffer head = ByteBuffer.allocate(FIXED_HEADER + store.length + rows * ContentKeys.BYTES);
    head.putInt(MAGIC).putInt(VERSION).putInt(store.length).put(store).putInt(columns).putInt(rows);
    HexFormat hex = HexFormat.of();
    for (String key : keys) {
      head.put(hex.parseHex(key));
    }
    head.flip();
    CRC32 crc = new CRC32();
    Path tmp = Files.createTempFile(folder, PREFIX, TEMP_SUFFIX);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        crc.update(head.duplicate());
        writeFully(ch, head);
        ByteBuffer chunk = ByteBuffer.allocate(WRITE_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        int floats = rows * columns;
        for (int from = 0; from < floats; from += WRITE_CHUNK / Float.BYTES) {
          int n = Math.min(WRITE_CHUNK / Float.BYTES, floats - from);
          chunk.clear();
          chunk.asFloatBuffer().put(values, from, n);
          chunk.limit(n * Float.BYTES);
          crc.update(chunk.duplicate());
          writeFully(ch, chunk);
        }
        writeFully(ch, ByteBuffer.allocate(Long.BYTES).putLong(0, crc.getValue()));
        ch.force(true);
      }
      Path file = folder.resolve(PREFIX + UUID.randomUUID() + SUFFIX);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file);
      }
      forceDirectory(folder);
      long dataOffset = FIXED_HEADER + store.length + (long) rows * ContentKeys.BYTES;
      Header h = new Header(storeKey, columns, rows, List.copyOf(keys), dataOffset, length(store.length, columns, rows),
          crc.getValue());
      return new Mapped(file, h, map(file, h));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  /** Makes the rename durable where the platform allows a directory to be forced; elsewhere a no-op. */
  private static void forceDirectory(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory as a channel; the rename is still atomic
    }
  }

  /**
   * Maps {@code file} and checks it whole: magic, version, sizes against the file's length, and the CRC32 of every
   * byte (one sequential pass over the mapping, a page-cache read for a shard written recently).
   *
   * @throws IOException saying what is wrong: not a shard, another version, truncated, a checksum mismatch
   */
  static Mapped read(Path file) throws IOException {
    MappedByteBuffer all;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long length = ch.size();
      if (length > Integer.MAX_VALUE) {
        throw new IOException("its " + length + " bytes are more than a shard holds (at most " + MAX_BYTES
            + " of features)");
      }
      all = ch.map(FileChannel.MapMode.READ_ONLY, 0, length);
    }
    Header h;
    try {
      h = parse(all);
    } catch (BufferUnderflowException e) {
      throw new IOException("it ends inside its header or key table (truncated)");
    }
    CRC32 crc = new CRC32();
    crc.update(all.duplicate().position(0).limit((int) (h.length() - Long.BYTES)));
    long stored = all.getLong((int) (h.length() - Long.BYTES));
    if (stored != crc.getValue()) {
      throw new IOException(String.format("checksum mismatch (stored %08x, computed %08x): damaged", stored,
          crc.getValue()));
    }
    Header checked = new Header(h.storeKey(), h.columns(), h.rows(), h.keys(), h.dataOffset(), h.length(), stored);
    return new Mapped(file, checked, features(all, checked));
  }

  private static Header parse(ByteBuffer b) throws IOException {
    long length = b.capacity();
    if (length < FIXED_HEADER + Long.BYTES || b.getInt() != MAGIC) {
      throw new IOException("not a tune4j feature shard");
    }
    int version = b.getInt();
    if (version != VERSION) {
      throw new IOException("shard format version " + version + ", this tune4j reads version " + VERSION);
    }
    int keyLength = b.getInt();
    if (keyLength < 0 || keyLength > length) {
      throw new IOException("a store key of " + keyLength + " bytes cannot be right (damaged header)");
    }
    byte[] store = new byte[keyLength];
    b.get(store);
    int columns = b.getInt();
    int rows = b.getInt();
    if (columns < 1 || rows < 0) {
      throw new IOException("its header says " + rows + " rows of " + columns + " columns (damaged header)");
    }
    long expected = length(keyLength, columns, rows);
    if (expected != length) {
      throw new IOException("the file has " + length + " bytes but its header announces " + expected
          + " (truncated or damaged)");
    }
    HexFormat hex = HexFormat.of();
    List<String> keys = new ArrayList<>(rows);
    byte[] key = new byte[ContentKeys.BYTES];
    for (int r = 0; r < rows; r++) {
      b.get(key);
      keys.add(hex.formatHex(key));
    }
    return new Header(new String(store, StandardCharsets.UTF_8), columns, rows, List.copyOf(keys), b.position(),
        length, 0);
  }

  private static FloatBuffer features(MappedByteBuffer all, Header h) {
    return all.duplicate().position((int) h.dataOffset()).limit((int) (h.length() - Long.BYTES)).slice()
        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  private static FloatBuffer map(Path file, Header h) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset(), (long) h.rows() * h.columns() * Float.BYTES)
          .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }
  }
}
