package org.tune4j.models.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small ustar archives, gzipped, and CIFAR records for the tests (of this and other packages). */
public final class TarFixture {
  private TarFixture() {}

  /** The members, in order, as a gzipped ustar archive. */
  public static byte[] tarGz(Map<String, byte[]> members) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(tar(members));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static byte[] tar(Map<String, byte[]> members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> m : members.entrySet()) {
      out.writeBytes(header(m.getKey(), m.getValue().length));
      out.writeBytes(m.getValue());
      out.writeBytes(new byte[(512 - m.getValue().length % 512) % 512]);
    }
    out.writeBytes(new byte[1024]);
    return out.toByteArray();
  }

  private static byte[] header(String name, long size) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, "00000000000");
    h[156] = '0';
    put(h, 257, "ustar");
    put(h, 263, "00");
    Arrays.fill(h, 148, 156, (byte) ' ');
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xFF;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int offset, String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, offset, b.length);
  }

  /**
   * {@code n} CIFAR records with the given label bytes per record; pixel {@code i} of record
   * {@code r} is {@code (seed + 7r + i) mod 256}.
   */
  public static byte[] records(int n, int seed, int[]... labelBytes) {
    int labels = labelBytes.length;
    byte[] out = new byte[n * (labels + 3072)];
    for (int r = 0; r < n; r++) {
      int at = r * (labels + 3072);
      for (int k = 0; k < labels; k++) {
        out[at + k] = (byte) labelBytes[k][r];
      }
      for (int i = 0; i < 3072; i++) {
        out[at + labels + i] = (byte) (seed + 7 * r + i);
      }
    }
    return out;
  }

  /** A CIFAR-10 archive: 2 records in each training batch, 3 in the test batch, labels 0–9. */
  public static Map<String, byte[]> cifar10Members(boolean withMeta) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    if (withMeta) {
      m.put("cifar-10-batches-bin/batches.meta.txt",
          "a0\na1\na2\na3\na4\na5\na6\na7\na8\na9\n\n".getBytes(StandardCharsets.UTF_8));
    }
    for (int b = 1; b <= 5; b++) {
      m.put("cifar-10-batches-bin/data_batch_" + b + ".bin", records(2, b, new int[] {2 * b - 2, 2 * b - 1}));
    }
    m.put("cifar-10-batches-bin/test_batch.bin", records(3, 100, new int[] {9, 0, 5}));
    return m;
  }

  public static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
