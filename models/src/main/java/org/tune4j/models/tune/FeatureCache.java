package org.tune4j.models.tune;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of computed features, one file per (backbone weights, frozen prefix, input images):
 * a second run on the same data reads its features instead of running the backbone.
 *
 * <p>A file holds a header (magic, version, the full key, rows, columns), the float32 features and
 * a CRC32 of everything before it. Files are written to a temporary file in the same folder,
 * forced to disk, then renamed into place atomically, so a reader sees a whole file or none; two
 * runs writing the same key each write their own temporary file and the last rename wins with an
 * identical file. A file that is truncated, corrupt or made for another key is reported, deleted
 * and rebuilt. Thread-safe and safe across processes.
 *
 * <pre>{@code
 * ImageSplit split = ImageSplit.of(sample).withFeatureCache(FeatureCache.at(Path.of("cache/features")));
 * }</pre>
 */
public final class FeatureCache {
  private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
  private static final int MAGIC = 0x54344A46; // "T4JF"
  private static final int VERSION = 1;

  private final Path folder;

  private FeatureCache(Path folder) {
    this.folder = folder;
  }

  /**
   * A cache in {@code folder}, created when missing.
   *
   * @throws UncheckedIOException naming the folder when it cannot be created
   */
  public static FeatureCache at(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("feature cache folder " + folder + " cannot be created: " + e.getMessage(), e);
    }
    return new FeatureCache(folder);
  }

  /** The folder. */
  public Path folder() {
    return folder;
  }

  /** The file that holds (or would hold) the features of {@code key}. */
  public Path fileOf(String key) {
    return folder.resolve(sha256(key) + ".features");
  }

  /** The features stored under {@code key}, or empty when absent, unreadable or made for another key. */
  public Optional<INDArray> load(String key) {
    Path file = fileOf(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(file, key));
    } catch (IOException | RuntimeException e) {
      LOG.warn("feature cache file {} is unusable ({}); deleting it and computing the features again", file,
          e.getMessage());
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // another process may have replaced it already; the next store overwrites it anyway
      }
      return Optional.empty();
    }
  }

  /**
   * Stores {@code features} ({@code [rows, columns]}) under {@code key}, atomically.
   *
   * @throws UncheckedIOException naming the folder when it cannot be written
   */
  public void store(String key, INDArray features) {
    Path file = fileOf(key);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
      byte[] header = header(key, features.rows(), features.columns());
      float[] values = features.dup('c').data().asFloat();
      ByteBuffer body = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      body.asFloatBuffer().put(values);
      CRC32 crc = new CRC32();
      crc.update(header);
      crc.update(body.array());
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(header));
        ch.write(ByteBuffer.wrap(body.array()));
        ch.write(ByteBuffer.allocate(Long.BYTES).putLong(0, crc.getValue()));
        ch.force(true);
      }
      move(tmp, file);
    } catch (IOException e) {
      throw new UncheckedIOException("feature cache folder " + folder + " cannot be written: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: a leftover .tmp file is never read
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static byte[] header(String key, long rows, long columns) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      byte[] k = key.getBytes(StandardCharsets.UTF_8);
      out.writeInt(k.length);
      out.write(k);
      out.writeLong(rows);
      out.writeLong(columns);
    }
    return bytes.toByteArray();
  }

  private static INDArray read(Path file, String key) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 32) {
      throw new IOException("file is truncated (" + all.length + " bytes)");
    }
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all));
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException("not a tune4j feature file of version " + VERSION);
    }
    int keyLength = in.readInt();
    if (keyLength < 0 || keyLength > all.length) {
      throw new IOException("corrupt header");
    }
    byte[] k = in.readNBytes(keyLength);
    if (!new String(k, StandardCharsets.UTF_8).equals(key)) {
      throw new IOException("made for another key");
    }
    long rows = in.readLong();
    long columns = in.readLong();
    int headerLength = 4 + 4 + 4 + keyLength + 8 + 8;
    long expected = headerLength + rows * columns * Float.BYTES + Long.BYTES;
    if (rows < 0 || columns < 0 || expected != all.length) {
      throw new IOException("file has " + all.length + " bytes but its header announces " + expected);
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - Long.BYTES);
    long stored = ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong();
    if (stored != crc.getValue()) {
      throw new IOException("checksum mismatch");
    }
    float[] values = new float[(int) (rows * columns)];
    ByteBuffer.wrap(all, headerLength, values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
        .get(values);
    return Nd4j.create(values, new long[] {rows, columns}, 'c').castTo(DataType.FLOAT);
  }

  static String sha256(String text) {
    return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
