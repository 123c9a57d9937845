package org.tune4j.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFormatTest {
  static final List<String> THREE = List.of("a", "b", "c");

  @TempDir Path dir;

  static byte[] images(int magic, int n, int rows, int cols, int dataBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(n);
    out.writeInt(rows);
    out.writeInt(cols);
    for (int i = 0; i < dataBytes; i++) {
      out.writeByte(i % 256);
    }
    return bytes.toByteArray();
  }

  static byte[] labels(int magic, int... values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(values.length);
    for (int v : values) {
      out.writeByte(v);
    }
    return bytes.toByteArray();
  }

  Path write(String name, byte[] content, boolean gzip) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
      out.write(content);
    }
    return p;
  }

  @Test
  void readsPlainAndGzippedFilesAlike() throws IOException {
    byte[] img = images(IdxFormat.IMAGES_MAGIC, 3, 2, 2, 12);
    byte[] lab = labels(IdxFormat.LABELS_MAGIC, 2, 0, 1);
    ImageSet plain = IdxFormat.read(write("i", img, false), write("l", lab, false), THREE);
    ImageSet gz = IdxFormat.read(write("i.gz", img, true), write("l.gz", lab, true), THREE);
    assertEquals(3, plain.size());
    assertEquals(2, plain.height());
    assertEquals(1, plain.channels());
    assertArrayEquals(new int[] {2, 0, 1}, plain.labels());
    assertArrayEquals(plain.pixels(), gz.pixels());
    assertEquals(11f, plain.pixels()[11]);
  }

  @Test
  void wrongMagicIsNamed() throws IOException {
    Path img = write("i", images(IdxFormat.LABELS_MAGIC, 1, 2, 2, 4), false);
    Path lab = write("l", labels(IdxFormat.LABELS_MAGIC, 0), false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxFormat.read(img, lab, THREE));
    assertTrue(e.getMessage().startsWith(img + ": magic number 0x00000801 is not an IDX image file"), e.getMessage());
  }

  @Test
  void truncatedFilesAreNamed() throws IOException {
    Path img = write("i.gz", images(IdxFormat.IMAGES_MAGIC, 3, 2, 2, 7), true);
    Path lab = write("l", labels(IdxFormat.LABELS_MAGIC, 0, 1, 2), false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxFormat.read(img, lab, THREE));
    assertEquals(img + " is truncated: it ends before the data its header announces; download or copy it again",
        e.getMessage());
    byte[] full = labels(IdxFormat.LABELS_MAGIC, 0, 1, 2);
    Path cutLabels = write("cut", Arrays.copyOf(full, full.length - 1), false);
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> IdxFormat.read(write("i2", images(IdxFormat.IMAGES_MAGIC, 3, 2, 2, 12), false), cutLabels, THREE));
    assertTrue(e2.getMessage().startsWith(cutLabels + " is truncated"), e2.getMessage());
  }

  @Test
  void countMismatchAndBadLabelsAreNamed() throws IOException {
    Path img = write("i", images(IdxFormat.IMAGES_MAGIC, 2, 2, 2, 8), false);
    Path lab = write("l", labels(IdxFormat.LABELS_MAGIC, 0, 1, 2), false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxFormat.read(img, lab, THREE));
    assertTrue(e.getMessage().contains("has 2 images but " + lab + " has 3 labels"), e.getMessage());
    Path bad = write("l2", labels(IdxFormat.LABELS_MAGIC, 0, 7), false);
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> IdxFormat.read(img, bad, THREE));
    assertTrue(e2.getMessage().contains("label 7 of row 1 is outside [0, 2]"), e2.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    Path absent = dir.resolve("absent");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxFormat.read(absent, absent, THREE));
    assertTrue(e.getMessage().contains("IDX file " + absent + " does not exist"), e.getMessage());
  }

  @Test
  void embeddedSampleIsStratified() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    assertEquals(2000, sample.train().size());
    assertEquals(500, sample.test().size());
    assertEquals(28, sample.train().height());
    int[] perClass = new int[10];
    Arrays.fill(perClass, 200);
    assertArrayEquals(perClass, sample.train().classCounts());
    Arrays.fill(perClass, 50);
    assertArrayEquals(perClass, sample.test().classCounts());
    assertEquals(FashionMnist.LEVELS, sample.train().levels());
  }

  @Test
  void debianFilesReadWhenInstalled() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(FashionMnist.DEBIAN_FOLDER),
        "dataset-fashion-mnist is not installed");
    ImageSet test = FashionMnist.read(FashionMnist.DEBIAN_FOLDER, "t10k");
    assertEquals(10_000, test.size());
    // The embedded sample's test images are the first 50 of each class of this file.
    ImageSet embedded = EmbeddedSample.fashionMnist().test();
    assertArrayEquals(test.firstPerClass(50).pixels(), embedded.pixels());
  }
}
