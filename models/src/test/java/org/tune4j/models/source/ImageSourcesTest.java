package org.tune4j.models.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.data.ColorMode;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageCsv;
import org.tune4j.models.data.ImageFolders;
import org.tune4j.models.data.ImageOptions;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.Preprocessing;

/** Sources read what the in-memory readers read, row by row, and their content keys follow the files. */
class ImageSourcesTest {
  @TempDir
  Path root;

  static final ImageOptions OPTIONS = ImageOptions.of(ColorMode.RGB).resize(12, 10);

  /** A noisy image, so JPEG and resizing have something to do. */
  static void image(Path file, int seed) throws IOException {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(9, 7, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 7; y++) {
      for (int x = 0; x < 9; x++) {
        img.setRGB(x, y, r.nextInt(1 << 24));
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(img, file.toString().endsWith("png") ? "png" : "jpg", file.toFile());
  }

  void folder(int perClass) throws IOException {
    for (int i = 0; i < perClass; i++) {
      image(root.resolve("cat/" + i + ".png"), i);
      image(root.resolve("dog/" + i + ".jpg"), 100 + i);
    }
  }

  static float[] readAll(ImageSource s) {
    float[] px = new float[s.size() * s.pixelsPerImage()];
    s.read(IntStream.range(0, s.size()).toArray(), px);
    return px;
  }

  @Test
  void aFolderSourceReadsWhatImageFoldersReads() throws IOException {
    folder(3);
    ImageSet expected = ImageFolders.read(root, OPTIONS).images();
    ImageSource source = ImageSources.folder(root, OPTIONS);
    assertEquals(expected.size(), source.size());
    assertEquals(expected.levels(), source.levels());
    assertArrayEquals(expected.labels(), source.labels());
    assertArrayEquals(expected.pixels(), readAll(source));
    assertArrayEquals(expected.pixels(), ImageSources.toImageSet(source).pixels());
    assertTrue(source.describe().contains("6 images, 2 classes"), source.describe());
    assertTrue(source.preparation().contains("size=12x10"), source.preparation());
  }

  /** An image of the given size, written as PNG. */
  static void sized(Path file, int height, int width) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xFF8040);
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
  }

  @Test
  void withoutAResizeTheSizeIsTheFirstImagesAndAnotherSizeFailsAtItsRow() throws IOException {
    sized(root.resolve("a/1.png"), 5, 7);
    sized(root.resolve("a/2.png"), 5, 7);
    ImageOptions keep = ImageOptions.of(ColorMode.GREY);
    ImageSet alike = ImageFolders.read(root, keep).images();
    sized(root.resolve("b/1.png"), 6, 7);
    ImageSource source = ImageSources.folder(root, keep);
    assertEquals(5, source.height());
    assertEquals(7, source.width());
    assertEquals(1, source.channels());
    float[] two = new float[2 * source.pixelsPerImage()];
    source.read(new int[] {0, 1}, two);
    assertArrayEquals(alike.pixels(), two);
    UnreadableRowException e = assertThrows(UnreadableRowException.class,
        () -> source.read(new int[] {2}, new float[source.pixelsPerImage()]));
    assertEquals("image " + root.resolve("b/1.png") + " (row 2) cannot be read: it is 6×7 but the other images are"
        + " 5×7; images of different sizes need a resize: pass a height and width", e.getMessage());
  }

  @Test
  void theFirstImagesSizeComesFromItsHeaderNotItsPixels() throws IOException {
    sized(root.resolve("a/1.png"), 4, 6);
    byte[] png = Files.readAllBytes(root.resolve("a/1.png"));
    Files.write(root.resolve("a/1.png"), java.util.Arrays.copyOf(png, 40));   // header, then cut
    ImageSource source = ImageSources.folder(root, ImageOptions.of(ColorMode.RGB));
    assertEquals(4, source.height());
    assertEquals(6, source.width());
    UnreadableRowException e = assertThrows(UnreadableRowException.class,
        () -> source.read(new int[] {0}, new float[source.pixelsPerImage()]));
    assertTrue(e.getMessage().contains(root.resolve("a/1.png").toString()), e.getMessage());
  }

  @Test
  void aSourceTooLargeForOneArrayIsNotMaterialised() {
    ImageSource huge = new ImageSource() {
      @Override public int size() { return 20_000; }
      @Override public int height() { return 224; }
      @Override public int width() { return 224; }
      @Override public int channels() { return 3; }
      @Override public List<String> levels() { return List.of("x"); }
      @Override public int[] labels() { return new int[20_000]; }
      @Override public String item(int row) { return "row " + row; }
      @Override public String contentKey(int row) { return "k" + row; }
      @Override public String preparation() { return "test"; }
      @Override public String describe() { return "20,000 test images"; }
      @Override public void read(int[] rows, float[] target) { throw new AssertionError("never read"); }
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageSources.toImageSet(huge));
    assertEquals("20,000 test images has 3,010,560,000 pixel values (20,000 images of 3×224×224), more than one"
        + " Java array holds (2,147,483,639); stream it (tuning reads sources a chunk at a time) or use fewer or"
        + " smaller images", e.getMessage());
  }

  @Test
  void aCsvSourceReadsWhatImageCsvReads() throws IOException {
    folder(2);
    Path csv = root.resolve("list.csv");
    Files.writeString(csv, "path,label\ndog/1.jpg,dog\ncat/0.png,cat\ncat/1.png,cat\n", StandardCharsets.UTF_8);
    ImageSet expected = ImageCsv.read(csv, OPTIONS).images();
    ImageSource source = ImageSources.csv(csv, OPTIONS);
    assertArrayEquals(expected.labels(), source.labels());
    assertArrayEquals(expected.pixels(), readAll(source));
    assertEquals(root.resolve("dog/1.jpg").toString(), source.item(0));
  }

  @Test
  void preparedSourcesEqualTheImageSetTransforms() {
    ImageSet grey = EmbeddedSample.fashionMnist().train().firstPerClass(2);
    ImageSet expected = Preprocessing.CAFFE.apply(ImageTransforms.toRgb(ImageTransforms.padTo(grey, 32, 32)));
    ImageSource prepared = PreparedSource.of(ImageSources.of(grey)).padTo(32, 32).toRgb().preprocess(Preprocessing.CAFFE);
    assertEquals(3, prepared.channels());
    assertEquals(32, prepared.height());
    assertArrayEquals(expected.pixels(), readAll(prepared));
    assertTrue(prepared.preparation().endsWith("|pad=32x32|rgb|preprocess=caffe"), prepared.preparation());
    ImageSet scaled = ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(grey, 32, 32)));
    assertArrayEquals(scaled.pixels(), readAll(PreparedSource.of(ImageSources.of(grey)).padTo(32, 32).toRgb().scale01()));
  }

  @Test
  void contentKeysFollowTheFilesNotTheirPlaceInTheFolder() throws IOException {
    folder(2);
    ImageSource before = ImageSources.folder(root, OPTIONS);
    List<String> keys = IntStream.range(0, before.size()).mapToObj(before::contentKey).toList();
    assertEquals(keys.size(), keys.stream().distinct().count(), "different images, different keys");
    image(root.resolve("cat/00-new.png"), 77);       // sorts first: every row after it moves
    ImageSource after = ImageSources.folder(root, OPTIONS);
    List<String> later = IntStream.range(0, after.size()).mapToObj(after::contentKey).toList();
    assertTrue(later.containsAll(keys), "the old images keep their keys");
    assertEquals(1, later.stream().filter(k -> !keys.contains(k)).count());
    image(root.resolve("dog/0.jpg"), 5);              // changed bytes, same name
    ImageSource changed = ImageSources.folder(root, OPTIONS);
    int row = IntStream.range(0, changed.size()).filter(r -> changed.item(r).endsWith("dog/0.jpg")).findFirst()
        .orElseThrow();
    assertNotEquals(after.contentKey(row), changed.contentKey(row));
  }

  @Test
  void anUnreadableFileIsNamedWhenItsRowIsRead() throws IOException {
    folder(2);
    Files.write(root.resolve("cat/1.png"), new byte[] {1, 2, 3});
    ImageSource source = ImageSources.folder(root, OPTIONS);
    UnreadableRowException e = assertThrows(UnreadableRowException.class,
        () -> source.read(new int[] {1}, new float[source.pixelsPerImage()]));
    assertTrue(e.getMessage().contains(root.resolve("cat/1.png").toString()), e.getMessage());
    assertEquals(1, e.row());
    ImageSources.Readable readable = ImageSources.skippingUnreadable(source, 2);
    assertEquals(3, readable.source().size());
    assertEquals(1, readable.skipped().size());
    assertTrue(readable.skipped().get(0).contains("cat/1.png"), readable.skipped().get(0));
  }

  @Test
  void theprefetcherDeliversChunksInOrderAndAFailureAtItsChunk() {
    ImageSet images = EmbeddedSample.fashionMnist().train().firstPerClass(5);
    ImageSource source = ImageSources.of(images);
    int[] rows = IntStream.range(0, 50).map(i -> 49 - i).toArray();
    List<Integer> seen = new ArrayList<>();
    float[] expected = new float[source.pixelsPerImage()];
    try (ChunkPrefetcher chunks = ChunkPrefetcher.start(source, rows, 7, 2, 2)) {
      while (chunks.hasNext()) {
        try (ChunkPrefetcher.Chunk c = chunks.next()) {
          for (int k = 0; k < c.count(); k++) {
            int row = c.rows()[k];
            seen.add(row);
            images.copyPixels(row, 1, expected);
            float[] got = java.util.Arrays.copyOfRange(c.pixels(), k * expected.length, (k + 1) * expected.length);
            assertArrayEquals(expected, got, "row " + row);
          }
        }
      }
    }
    assertEquals(IntStream.of(rows).boxed().toList(), seen);

    ImageSource failing = new ForwardingSource(source) {
      @Override
      public String item(int row) {
        return "row " + row;
      }

      @Override
      public void read(int[] r, float[] target) {
        if (IntStream.of(r).anyMatch(x -> x == 30)) {
          throw new UnreadableRowException(30, "row 30", "damaged", null);
        }
        super.read(r, target);
      }
    };
    int delivered = 0;
    try (ChunkPrefetcher chunks = ChunkPrefetcher.start(failing, IntStream.range(0, 50).toArray(), 10, 2, 3)) {
      UnreadableRowException e = null;
      while (chunks.hasNext() && e == null) {
        try (ChunkPrefetcher.Chunk c = chunks.next()) {
          delivered += c.count();
        } catch (UnreadableRowException ex) {
          e = ex;
        }
      }
      assertEquals(30, delivered, "the three chunks before the failing one came first");
      assertEquals(30, e.row());
    }
  }
}
