package org.tune4j.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR binary archives and folders written by the tests, whole, corrupt and truncated. */
class CifarTest {
  @TempDir Path dir;

  private Path archive(String name, Map<String, byte[]> members) {
    return TarFixture.write(dir.resolve(name), TarFixture.tarGz(members));
  }

  private IllegalArgumentException readFails(Path source) {
    return assertThrows(IllegalArgumentException.class, () -> Cifar.read10(source));
  }

  @Test
  void readsTheBatchesInOrderWithTheirLabelsAndPixels() {
    TrainTest t = Cifar.read10(archive("small.tar.gz", TarFixture.cifar10Members(true)));
    assertEquals(10, t.train().size());
    assertEquals(3, t.test().size());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, t.train().labels());
    assertArrayEquals(new int[] {9, 0, 5}, t.test().labels());
    assertEquals(List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"), t.train().levels());
    assertEquals(32, t.train().height());
    assertEquals(3, t.train().channels());
    float[] px = t.train().pixels();
    // image 3 = batch 2, record 1: byte i is (2 + 7 + i) mod 256; channel 1 (green) starts at byte 1024
    int image3 = 3 * 3072;
    assertEquals((2 + 7) % 256, px[image3], 0f);
    assertEquals((2 + 7 + 1024 + 5 * 32 + 6) % 256, px[image3 + 1024 + 5 * 32 + 6], 0f);
    assertEquals((100 + 14 + 3071) % 256, t.test().pixels()[2 * 3072 + 3071], 0f);
  }

  @Test
  void withoutTheMetaFileTheLevelsAreCifar10sClassNames() {
    TrainTest t = Cifar.read10(archive("small.tar.gz", TarFixture.cifar10Members(false)));
    assertEquals(Cifar.CIFAR10_LEVELS, t.test().levels());
    assertEquals("truck", t.test().levels().get(t.test().label(0)));
  }

  @Test
  void readsTheExtractedFolderAndItsParentLikeTheArchive() {
    Path parent = dir.resolve("extracted");
    TarFixture.cifar10Members(true).forEach((name, bytes) -> TarFixture.write(parent.resolve(name), bytes));
    TrainTest fromArchive = Cifar.read10(archive("small.tar.gz", TarFixture.cifar10Members(true)));
    for (Path source : new Path[] {parent, parent.resolve("cifar-10-batches-bin")}) {
      TrainTest t = Cifar.read10(source);
      assertArrayEquals(fromArchive.train().pixels(), t.train().pixels());
      assertArrayEquals(fromArchive.test().labels(), t.test().labels());
    }
  }

  @Test
  void aMissingExtractedFileIsNamedWithWhatToPutThere() {
    Path folder = dir.resolve("cifar-10-batches-bin");
    TarFixture.write(folder.resolve("data_batch_1.bin"), TarFixture.records(1, 0, new int[] {1}));
    IllegalArgumentException e = readFails(folder);
    assertTrue(e.getMessage().contains(folder.resolve("data_batch_2.bin") + " does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"), e.getMessage());
  }

  @Test
  void cifar100ReadsFineOrCoarseLabelsAndItsNameFiles() {
    StringBuilder fine = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      fine.append("fine").append(i).append('\n');
    }
    StringBuilder coarse = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      coarse.append("coarse").append(i).append('\n');
    }
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("cifar-100-binary/coarse_label_names.txt", coarse.toString().getBytes(StandardCharsets.UTF_8));
    m.put("cifar-100-binary/fine_label_names.txt", fine.toString().getBytes(StandardCharsets.UTF_8));
    m.put("cifar-100-binary/test.bin", TarFixture.records(2, 3, new int[] {19, 0}, new int[] {99, 42}));
    m.put("cifar-100-binary/train.bin", TarFixture.records(3, 4, new int[] {1, 2, 3}, new int[] {10, 20, 30}));
    Path a = archive("c100.tar.gz", m);
    TrainTest f = Cifar.read100(a, Cifar.Labels.FINE);
    assertArrayEquals(new int[] {10, 20, 30}, f.train().labels());
    assertArrayEquals(new int[] {99, 42}, f.test().labels());
    assertEquals(100, f.train().levels().size());
    assertEquals("fine42", f.test().levels().get(42));
    TrainTest c = Cifar.read100(a, Cifar.Labels.COARSE);
    assertArrayEquals(new int[] {19, 0}, c.test().labels());
    assertEquals(20, c.test().levels().size());
    assertEquals((4 + 7 * 2 + 10) % 256, c.train().pixels()[2 * 3072 + 10], 0f);   // 2 label bytes skipped
  }

  @Test
  void aFileThatIsNotGzipIsNamed() {
    Path bad = TarFixture.write(dir.resolve("cifar.tar.gz"), "<html>not found</html>".getBytes(StandardCharsets.UTF_8));
    IllegalArgumentException e = readFails(bad);
    assertTrue(e.getMessage().contains(bad + " is not a gzip file"), e.getMessage());
    assertTrue(e.getMessage().contains("0x3C68"), e.getMessage());
  }

  @Test
  void aCorruptGzipBodyIsNamed() {
    byte[] good = TarFixture.tarGz(TarFixture.cifar10Members(true));
    byte[] bad = good.clone();
    for (int i = 20; i < 60; i++) {
      bad[i] = (byte) 0xFF;
    }
    Path file = TarFixture.write(dir.resolve("corrupt.tar.gz"), bad);
    IllegalArgumentException e = readFails(file);
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void gzipOfSomethingThatIsNotTarIsNamed() {
    Map<String, byte[]> members = TarFixture.cifar10Members(true);
    byte[] tar = TarFixture.tar(members);
    tar[10] ^= 0x55;                                  // one byte of the first header's name
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(tar);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    Path file = TarFixture.write(dir.resolve("nottar.tar.gz"), out.toByteArray());
    IllegalArgumentException e = readFails(file);
    assertTrue(e.getMessage().contains(file + " is not a tar archive or is corrupt"), e.getMessage());
  }

  @Test
  void aTruncatedArchiveIsNamed() {
    byte[] good = TarFixture.tarGz(TarFixture.cifar10Members(true));
    Path file = TarFixture.write(dir.resolve("cut.tar.gz"), Arrays.copyOf(good, good.length / 2));
    IllegalArgumentException e = readFails(file);
    assertTrue(e.getMessage().contains(file + " is truncated"), e.getMessage());
  }

  @Test
  void aRecordCutShortIsNamedWithTheMember() {
    Map<String, byte[]> m = TarFixture.cifar10Members(true);
    byte[] batch = m.get("cifar-10-batches-bin/data_batch_4.bin");
    m.put("cifar-10-batches-bin/data_batch_4.bin", Arrays.copyOf(batch, batch.length - 100));
    Path file = archive("cutrecord.tar.gz", m);
    IllegalArgumentException e = readFails(file);
    assertTrue(e.getMessage().contains(file + "!cifar-10-batches-bin/data_batch_4.bin has 6046 bytes"), e.getMessage());
    assertTrue(e.getMessage().contains("cut after 2973 bytes"), e.getMessage());
  }

  @Test
  void aLabelOutOfRangeIsNamedWithTheRecord() {
    Map<String, byte[]> m = TarFixture.cifar10Members(true);
    m.put("cifar-10-batches-bin/test_batch.bin", TarFixture.records(3, 0, new int[] {1, 2, 12}));
    Path file = archive("labels.tar.gz", m);
    IllegalArgumentException e = readFails(file);
    assertTrue(e.getMessage().contains("test_batch.bin: label 12 of record 2 is outside [0, 9]"), e.getMessage());
  }

  @Test
  void anArchiveWithoutAMemberIsNotTheBinaryVersion() {
    Map<String, byte[]> m = TarFixture.cifar10Members(true);
    m.remove("cifar-10-batches-bin/data_batch_5.bin");
    Path file = archive("python.tar.gz", m);
    IllegalArgumentException e = readFails(file);
    assertTrue(e.getMessage().contains("has no member cifar-10-batches-bin/data_batch_5.bin"), e.getMessage());
  }

  @Test
  void aMetaFileWithTheWrongNumberOfNamesIsRejected() {
    Map<String, byte[]> m = TarFixture.cifar10Members(false);
    m.put("cifar-10-batches-bin/batches.meta.txt", "a\nb\n".getBytes(StandardCharsets.UTF_8));
    IllegalArgumentException e = readFails(archive("meta.tar.gz", m));
    assertTrue(e.getMessage().contains("batches.meta.txt names 2 classes but CIFAR-10 has 10"), e.getMessage());
  }

  @Test
  void cifar100WithoutItsNameFileFails() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("cifar-100-binary/test.bin", TarFixture.records(1, 3, new int[] {1}, new int[] {2}));
    m.put("cifar-100-binary/train.bin", TarFixture.records(1, 3, new int[] {1}, new int[] {2}));
    Path a = archive("c100.tar.gz", m);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cifar.read100(a, Cifar.Labels.FINE));
    assertTrue(e.getMessage().contains(a + " has no fine_label_names.txt"), e.getMessage());
  }
}
