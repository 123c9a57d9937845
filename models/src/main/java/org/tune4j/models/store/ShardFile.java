package org.tune4j.models.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import java.util.zip.CRC32;

/**
 * One shard: a header (magic, version, store key, columns, rows), the rows' content keys (32 bytes
 * each), the rows' float32 features (little-endian, row-major) and a CRC32 of all before it. Written
 * to a temporary file, forced to disk and renamed into place, so a reader sees a whole shard or
 * none. Stateless.
 */
final class ShardFile {
  static final int MAGIC = 0x54344A53; // "T4JS"
  static final int VERSION = 1;
  static final String SUFFIX = ".t4js";
  static final int KEY_BYTES = 32;

  /** What a shard's header and key table say, and where its features start. */
  record Header(String storeKey, int columns, int rows, List<String> keys, long dataOffset, long length, long crc) {}

  private ShardFile() {}

  /** Writes {@code rows} rows (keys and features) into a new shard file in {@code folder}; returns its path. */
  static Path write(Path folder, String storeKey, int columns, List<String> keys, float[] values) throws IOException {
    int rows = keys.size();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(head)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      byte[] k = storeKey.getBytes(StandardCharsets.UTF_8);
      out.writeInt(k.length);
      out.write(k);
      out.writeInt(columns);
      out.writeInt(rows);
      for (String key : keys) {
        out.write(HexFormat.of().parseHex(key));
      }
    }
    ByteBuffer body = ByteBuffer.allocate(rows * columns * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    body.asFloatBuffer().put(values, 0, rows * columns);
    CRC32 crc = new CRC32();
    crc.update(head.toByteArray());
    crc.update(body.array());
    Path tmp = Files.createTempFile(folder, "shard-", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(head.toByteArray()));
        ch.write(body.rewind());
        ch.write(ByteBuffer.allocate(Long.BYTES).putLong(0, crc.getValue()));
        ch.force(true);
      }
      Path file = folder.resolve("shard-" + java.util.UUID.randomUUID() + SUFFIX);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file);
      }
      return file;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads and checks a shard's header, key table, length and checksum (one sequential read of the file).
   *
   * @throws IOException saying what is wrong: truncated, not a shard, a checksum mismatch
   */
  static Header read(Path file) throws IOException {
    long length = Files.size(file);
    CRC32 crc = new CRC32();
    String storeKey;
    int columns;
    int rows;
    List<String> keys = new ArrayList<>();
    long dataOffset;
    try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        java.util.zip.CheckedInputStream checked = new java.util.zip.CheckedInputStream(raw, crc);
        DataInputStream in = new DataInputStream(checked)) {
      if (length < 28 || in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new IOException("not a tune4j feature shard of version " + VERSION);
      }
      int keyLength = in.readInt();
      if (keyLength < 0 || keyLength > length) {
        throw new IOException("corrupt header");
      }
      storeKey = new String(in.readNBytes(keyLength), StandardCharsets.UTF_8);
      columns = in.readInt();
      rows = in.readInt();
      dataOffset = 4L * 5 + keyLength + (long) rows * KEY_BYTES;
      long expected = dataOffset + (long) rows * columns * Float.BYTES + Long.BYTES;
      if (columns < 1 || rows < 0 || expected != length) {
        throw new IOException("the file has " + length + " bytes but its header announces " + expected
            + " (truncated or damaged)");
      }
      byte[] key = new byte[KEY_BYTES];
      for (int r = 0; r < rows; r++) {
        in.readFully(key);
        keys.add(HexFormat.of().formatHex(key));
      }
      long left = (long) rows * columns * Float.BYTES;
      byte[] buf = new byte[1 << 16];
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException("truncated");
        }
        left -= n;
      }
      long computed = crc.getValue();
      long stored = in.readLong();
      if (stored != computed) {
        throw new IOException("checksum mismatch");
      }
    }
    return new Header(storeKey, columns, rows, keys, dataOffset, length, crc.getValue());
  }

  /** The features of a checked shard, mapped read-only, as little-endian floats. */
  static java.nio.FloatBuffer map(Path file, Header h) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, h.dataOffset(), (long) h.rows() * h.columns() * 4);
      return m.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }
  }
}
