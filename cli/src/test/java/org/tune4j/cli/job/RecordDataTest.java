package org.tune4j.cli.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.data.Datasets;
import org.tune4j.models.data.Downloader;
import org.tune4j.models.data.IdxFormat;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;

/**
 * The record data types of jobs ({@code idx}, {@code cifar10}) read a record at a time: the sources a job loads hold
 * the pixels, labels and levels the whole-file readers give, per-class limits included, and nothing is decoded
 * before it is asked for.
 */
class RecordDataTest {
  @TempDir
  Path dir;

  private static byte[] idxImages(int n, int rows, int cols, long seed) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000803);
    out.writeInt(n);
    out.writeInt(rows);
    out.writeInt(cols);
    byte[] pixels = new byte[n * rows * cols];
    new Random(seed).nextBytes(pixels);
    out.write(pixels);
    return bytes.toByteArray();
  }

  private static byte[] idxLabels(int n, int levels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000801);
    out.writeInt(n);
    for (int i = 0; i < n; i++) {
      out.writeByte((i * 7 + i / 3) % levels);
    }
    return bytes.toByteArray();
  }

  private static void assertSamePixels(ImageSet expected, ImageSource actual) {
    ImageSet got = ImageSources.toImageSet(actual);
    assertEquals(expected.levels(), got.levels());
    assertArrayEquals(expected.labels(), got.labels());
    assertEquals(expected.height(), got.height());
    assertEquals(expected.channels(), got.channels());
    assertArrayEquals(expected.pixels(), got.pixels());
  }

  private DataSource read(Map<String, Object> tree) {
    return DataSource.read(tree, "$.data", dir);
  }

  @Test
  void idxJobsStreamTheRecordsIdxFormatReads() throws IOException {
    Files.write(dir.resolve("tr-img"), idxImages(40, 8, 8, 1));
    Files.write(dir.resolve("tr-lab"), idxLabels(40, 4));
    Files.write(dir.resolve("te-img"), idxImages(12, 8, 8, 2));
    Files.write(dir.resolve("te-lab"), idxLabels(12, 4));
    Map<String, Object> tree = new LinkedHashMap<>(Map.of("type", "idx", "train_images", "tr-img", "train_labels",
        "tr-lab", "test_images", "te-img", "test_labels", "te-lab", "levels", List.of("a", "b", "c", "d")));
    tree.put("train_per_class", 3L);
    DataSource.Sources loaded = read(tree).load();
    List<String> levels = List.of("a", "b", "c", "d");
    ImageSet train = IdxFormat.read(dir.resolve("tr-img"), dir.resolve("tr-lab"), levels);
    ImageSet test = IdxFormat.read(dir.resolve("te-img"), dir.resolve("te-lab"), levels);
    assertSamePixels(DataSource.prepare(train.firstPerClass(3)), loaded.train());
    assertSamePixels(DataSource.prepare(test), loaded.test());
    assertEquals(12, loaded.train().size(), "3 per class of 4 classes");
    assertEquals(32, loaded.train().height(), "8x8 grey padded to 32x32 RGB");
    assertEquals(3, loaded.train().channels());
    assertTrue(loaded.train().item(0).contains("tr-img"), loaded.train().item(0));

    int[] counts = train.classCounts();
    int fewest = java.util.Arrays.stream(counts).min().orElseThrow();
    tree.put("train_per_class", (long) fewest + 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(tree).load());
    assertTrue(e.getMessage().contains("has " + fewest + " images, fewer than perClass = " + (fewest + 1)
        + "; ask for at most " + fewest), e.getMessage());
  }

  @Test
  void cifar10JobsStreamTheExtractedBatchesCifarReads() throws IOException {
    Path cache = dir.resolve("cache");
    Path batches = Files.createDirectories(cache.resolve("cifar-10-batches-bin"));
    Random random = new Random(3);
    List<String> names = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
        "data_batch_5.bin", "test_batch.bin");
    for (int b = 0; b < names.size(); b++) {
      byte[] records = new byte[4 * 3073];
      random.nextBytes(records);
      for (int r = 0; r < 4; r++) {
        records[r * 3073] = (byte) ((b * 4 + r) % 10);
      }
      Files.write(batches.resolve(names.get(b)), records);
    }
    Map<String, Object> tree = new LinkedHashMap<>(Map.of("type", "cifar10", "cache_folder", "cache"));
    tree.put("train_per_class", 2L);
    DataSource.Sources loaded = read(tree).load();
    TrainTest whole = Datasets.cifar10(cache, Downloader.offline());
    assertSamePixels(DataSource.prepare(whole.train().firstPerClass(2)), loaded.train());
    assertSamePixels(DataSource.prepare(whole.test()), loaded.test());
    assertEquals(20, loaded.train().size());
    assertTrue(loaded.train().item(0).contains("data_batch_1.bin record 0"), loaded.train().item(0));
  }
}
