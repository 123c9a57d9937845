package org.tune4j.models.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Test rows: content keys and feature rows of distinct bit patterns, written and checked bit for bit. */
final class Rows {
  static final int COLUMNS = 5;

  private Rows() {}

  /** The content key of test image {@code i}. */
  static String key(int i) {
    return ContentKeys.sha256("image " + i);
  }

  /** The keys of images {@code from..to-1}. */
  static List<String> keys(int from, int to) {
    return IntStream.range(from, to).mapToObj(Rows::key).toList();
  }

  /** Value {@code c} of row {@code i}: scrambled bits, so NaN payloads, subnormals, infinities and -0 all occur. */
  static float value(int i, int c) {
    int h = i * 0x9E3779B9 + c * 0x85EBCA6B;
    h ^= h >>> 15;
    h *= 0x2C1B3C6D;
    h ^= h >>> 13;
    return Float.intBitsToFloat(h);
  }

  /** Row {@code i} of {@code columns} values. */
  static float[] row(int i, int columns) {
    float[] r = new float[columns];
    for (int c = 0; c < columns; c++) {
      r[c] = value(i, c);
    }
    return r;
  }

  static float[] row(int i) {
    return row(i, COLUMNS);
  }

  /** Writes images {@code from..to-1} in shards of {@code shardRows} rows of {@link #COLUMNS}. */
  static void write(ShardStore store, int from, int to, int shardRows) {
    try (ShardWriter w = store.writer(COLUMNS, (long) shardRows * COLUMNS * Float.BYTES)) {
      for (int i = from; i < to; i++) {
        w.append(key(i), row(i), 0);
      }
    }
  }

  /** Asserts that row {@code k} of {@code got} is image {@code images[k]}'s row, bit for bit (NaN payloads too). */
  static void assertRows(int[] images, float[] got, int columns) {
    for (int k = 0; k < images.length; k++) {
      for (int c = 0; c < columns; c++) {
        int expected = Float.floatToRawIntBits(value(images[k], c));
        int actual = Float.floatToRawIntBits(got[k * columns + c]);
        if (expected != actual) {
          assertEquals(Integer.toHexString(expected), Integer.toHexString(actual), "row " + k + " (image " + images[k]
              + "), column " + c);
        }
      }
    }
  }

  /** Every row of {@code m}. */
  static float[] all(FeatureMatrix m) {
    float[] out = new float[m.rows() * m.columns()];
    m.gather(IntStream.range(0, m.rows()).toArray(), out);
    return out;
  }

  /** The shard files of a store's folder, by name. */
  static List<Path> shardFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(ShardFile.SUFFIX)).sorted().toList();
    }
  }
}
