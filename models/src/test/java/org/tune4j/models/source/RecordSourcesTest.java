package org.tune4j.models.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.data.Cifar;
import org.tune4j.models.data.FashionMnist;
import org.tune4j.models.data.IdxFormat;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.TarFixture;
import org.tune4j.models.data.TrainTest;

/** CIFAR and IDX sources read, a record at a time, what the whole-file readers read. */
class RecordSourcesTest {
  @TempDir Path dir;

  static float[] readAll(ImageSource s) {
    float[] px = new float[s.size() * s.pixelsPerImage()];
    s.read(IntStream.range(0, s.size()).toArray(), px);
    return px;
  }

  static void assertSame(ImageSet expected, ImageSource source) {
    assertEquals(expected.size(), source.size());
    assertEquals(expected.height(), source.height());
    assertEquals(expected.width(), source.width());
    assertEquals(expected.channels(), source.channels());
    assertEquals(expected.levels(), source.levels());
    assertArrayEquals(expected.labels(), source.labels());
    assertArrayEquals(expected.pixels(), readAll(source));
  }

  static String sha256(byte[] bytes, int from, int length) throws Exception {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    d.update(bytes, from, length);
    return HexFormat.of().formatHex(d.digest());
  }

  private Path cifar10Archive() {
    return TarFixture.write(dir.resolve("cifar-10-binary.tar.gz"), TarFixture.tarGz(TarFixture.cifar10Members(true)));
  }

  @Test
  void cifar10FromTheArchiveReadsWhatCifarReadsAndExtractsOnceBesideIt() throws IOException {
    Path archive = cifar10Archive();
    TrainTest expected = Cifar.read10(archive);
    ImageSource train = ImageSources.cifar10(archive, "train");
    assertSame(expected.train(), train);
    assertSame(expected.test(), ImageSources.cifar10(archive, "test"));
    // rows read out of order and in pieces give the same pixels
    float[] two = new float[2 * train.pixelsPerImage()];
    train.read(new int[] {7, 2}, two);
    assertArrayEquals(expected.train().rows(new int[] {7, 2}).pixels(), two);

    Path extracted = dir.resolve("cifar-10-binary-extracted");
    assertTrue(Files.isRegularFile(extracted.resolve("data_batch_5.bin")), "extracted beside the archive");
    FileTime made = Files.getLastModifiedTime(extracted.resolve("data_batch_1.bin"));
    ImageSources.cifar10(archive, "train");
    assertEquals(made, Files.getLastModifiedTime(extracted.resolve("data_batch_1.bin")), "not extracted twice");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("cifar-10-binary-extracted", "cifar-10-binary.tar.gz"),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary folder is left");
    }
    assertEquals("data_batch_3.bin record 1",
        Path.of(train.item(5)).getFileName().toString(), "row 5 is batch 3's second record");
    assertTrue(train.describe().startsWith("CIFAR-10 train "), train.describe());
    assertTrue(train.describe().endsWith("(10 images, 10 classes)"), train.describe());
    assertEquals("decode=cifar-bin|mode=RGB|size=32x32", train.preparation());
  }

  @Test
  void cifar10FromTheExtractedFolderOrAGivenCacheFolder() {
    Path archive = cifar10Archive();
    TrainTest expected = Cifar.read10(archive);
    Path cache = dir.resolve("cache/cifar10");
    assertSame(expected.test(), ImageSources.cifar10(archive, "test", cache));
    assertTrue(Files.isRegularFile(cache.resolve("test_batch.bin")));
    assertSame(expected.train(), ImageSources.cifar10(cache, "train"));
    Path parent = dir.resolve("by-hand");
    TarFixture.cifar10Members(false).forEach((name, bytes) -> TarFixture.write(parent.resolve(name), bytes));
    ImageSource fromFolder = ImageSources.cifar10(parent, "test");
    assertEquals(Cifar.CIFAR10_LEVELS, fromFolder.levels(), "without the meta file, CIFAR-10's class names");
    assertArrayEquals(expected.test().pixels(), readAll(fromFolder));
  }

  @Test
  void aChangedArchiveIsNotReadFromItsOldExtraction() throws IOException {
    Path archive = cifar10Archive();
    ImageSources.cifar10(archive, "test");
    Map<String, byte[]> other = TarFixture.cifar10Members(true);
    other.put("cifar-10-batches-bin/test_batch.bin", TarFixture.records(4, 1, new int[] {1, 2, 3, 4}));
    TarFixture.write(archive, TarFixture.tarGz(other));
    Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 5000));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageSources.cifar10(archive, "test"));
    assertTrue(e.getMessage().contains("the archive changed since")
        && e.getMessage().contains("delete the folder to extract the archive again"), e.getMessage());
  }

  @Test
  void cifar100ReadsFineOrCoarseLabels() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    StringBuilder fine = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      fine.append("fine").append(i).append('\n');
    }
    StringBuilder coarse = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      coarse.append("coarse").append(i).append('\n');
    }
    m.put("cifar-100-binary/fine_label_names.txt", fine.toString().getBytes(StandardCharsets.UTF_8));
    m.put("cifar-100-binary/coarse_label_names.txt", coarse.toString().getBytes(StandardCharsets.UTF_8));
    m.put("cifar-100-binary/test.bin", TarFixture.records(2, 3, new int[] {19, 0}, new int[] {99, 42}));
    m.put("cifar-100-binary/train.bin", TarFixture.records(3, 4, new int[] {1, 2, 3}, new int[] {10, 20, 30}));
    Path archive = TarFixture.write(dir.resolve("cifar-100-binary.tar.gz"), TarFixture.tarGz(m));
    for (Cifar.Labels labels : Cifar.Labels.values()) {
      TrainTest expected = Cifar.read100(archive, labels);
      assertSame(expected.train(), ImageSources.cifar100(archive, "train", labels));
      assertSame(expected.test(), ImageSources.cifar100(archive, "test", labels));
    }
    assertArrayEquals(new int[] {10, 20, 30}, ImageSources.cifar100(archive, "train", Cifar.Labels.FINE).labels());
  }

  @Test
  void aRecordsContentKeyIsTheHashOfItsBytes() throws Exception {
    Path archive = cifar10Archive();
    ImageSource test = ImageSources.cifar10(archive, "test");
    byte[] records = TarFixture.records(3, 100, new int[] {9, 0, 5});
    for (int r = 0; r < 3; r++) {
      assertEquals(sha256(records, r * 3073, 3073), test.contentKey(r), "record " + r);
    }
    assertEquals(List.of(test.contentKey(0), test.contentKey(1), test.contentKey(2)), ContentKeys.all(test, 2));
  }

  @Test
  void badSplitsAndTruncatedFilesAreNamed() throws IOException {
    Path archive = cifar10Archive();
    ImageSources.cifar10(archive, "test");
    IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
        () -> ImageSources.cifar10(archive, "valid"));
    assertEquals("split \"valid\" is not a CIFAR-10 split; choose from: train, test", split.getMessage());
    Path folder = dir.resolve("cifar-10-binary-extracted");
    Path batch = folder.resolve("data_batch_2.bin");
    byte[] whole = Files.readAllBytes(batch);
    Files.write(batch, Arrays.copyOf(whole, whole.length - 10));
    IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
        () -> ImageSources.cifar10(folder, "train"));
    assertTrue(cut.getMessage().startsWith(batch + " has 6136 bytes, not a whole number of 3073-byte CIFAR-10"
        + " records"), cut.getMessage());
    ImageSource test = ImageSources.cifar10(folder, "test");
    Files.write(folder.resolve("test_batch.bin"), Arrays.copyOf(TarFixture.records(3, 100, new int[] {9, 0, 5}),
        3073));
    UnreadableRowException gone = assertThrows(UnreadableRowException.class,
        () -> test.read(new int[] {0, 2}, new float[2 * 3072]));
    assertEquals(2, gone.row());
    assertTrue(gone.getMessage().contains("test_batch.bin record 2") && gone.getMessage().contains("truncated"),
        gone.getMessage());
  }

  static byte[] idxImages(int n, int rows, int cols) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(IdxFormat.IMAGES_MAGIC);
    out.writeInt(n);
    out.writeInt(rows);
    out.writeInt(cols);
    for (int i = 0; i < n * rows * cols; i++) {
      out.writeByte((i * 37 + i / 5) % 256);
    }
    return bytes.toByteArray();
  }

  static byte[] idxLabels(int... values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(IdxFormat.LABELS_MAGIC);
    out.writeInt(values.length);
    for (int v : values) {
      out.writeByte(v);
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void idxSourcesReadPlainAndGzippedFilesAsIdxFormatDoes() throws Exception {
    List<String> levels = List.of("a", "b", "c");
    byte[] images = idxImages(5, 4, 3);
    Path plain = Files.write(dir.resolve("images"), images);
    Path gz = Files.write(dir.resolve("images.gz"), gzip(images));
    Path labels = Files.write(dir.resolve("labels"), idxLabels(2, 0, 1, 1, 2));
    Path labelsGz = Files.write(dir.resolve("labels.gz"), gzip(idxLabels(2, 0, 1, 1, 2)));
    ImageSet expected = IdxFormat.read(plain, labels, levels);
    ImageSource fromPlain = ImageSources.idx(plain, labels, levels);
    ImageSource fromGz = ImageSources.idx(gz, labelsGz, levels);
    assertSame(expected, fromPlain);
    assertSame(expected, fromGz);
    assertEquals("decode=idx-ubyte|mode=GREY|size=4x3", fromPlain.preparation());
    assertEquals(plain + " record 3", fromPlain.item(3));
    for (int r = 0; r < 5; r++) {
      String key = sha256(images, 16 + r * 12, 12);
      assertEquals(key, fromPlain.contentKey(r));
      assertEquals(key, fromGz.contentKey(r), "the same image has one key, gzipped or not");
    }
    assertNotEquals(fromPlain.contentKey(0), fromPlain.contentKey(1));
  }

  @Test
  void idxProblemsAreNamed() throws Exception {
    List<String> levels = List.of("a", "b", "c");
    byte[] images = idxImages(5, 4, 3);
    Path cut = Files.write(dir.resolve("cut"), Arrays.copyOf(images, images.length - 1));
    Path labels = Files.write(dir.resolve("labels"), idxLabels(2, 0, 1, 1, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageSources.idx(cut, labels, levels));
    assertEquals(cut + " is truncated: it has 75 bytes but its header announces 76; download or copy it again",
        e.getMessage());
    Path few = Files.write(dir.resolve("few"), idxLabels(2, 0, 1));
    Path plain = Files.write(dir.resolve("images"), images);
    e = assertThrows(IllegalArgumentException.class, () -> ImageSources.idx(plain, few, levels));
    assertEquals(plain + " has 5 images but " + few + " has 3 labels; pass the label file that belongs to these"
        + " images", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ImageSources.idx(plain, labels, List.of("a", "a", "c")));
    assertEquals("levels [a, a, c] must be non-empty and distinct; give one name per class", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ImageSources.idx(labels, labels, levels));
    assertTrue(e.getMessage().contains("is not an IDX image file"), e.getMessage());
  }

  @Test
  void fashionMnistReadsAFolderOfItsFiles() throws Exception {
    Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(4, 28, 28)));
    Files.write(dir.resolve("t10k-labels-idx1-ubyte"), idxLabels(9, 0, 3, 3));
    ImageSource source = ImageSources.fashionMnist(dir, "t10k");
    assertSame(FashionMnist.read(dir, "t10k"), source);
    assertEquals(FashionMnist.LEVELS, source.levels());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageSources.fashionMnist(dir, "test"));
    assertEquals("split \"test\" is not a Fashion-MNIST split; choose from: train, t10k", e.getMessage());
  }
}
