package org.tune4j.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image folders and CSV lists of PNG and JPEG files written by the tests with ImageIO. */
class ImageFoldersTest {
  static final float EXACT = 0f;
  /** JPEG is lossy: a solid colour comes back within a few levels. */
  static final float JPEG_TOLERANCE = 4f;

  @TempDir Path root;

  /** Writes a solid-colour image of the given size and format ("png" or "jpg"). */
  static Path image(Path file, int height, int width, int rgb, String format) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return write(file, img, format);
  }

  static Path write(Path file, BufferedImage img, String format) {
    try {
      Files.createDirectories(file.getParent());
      if (!ImageIO.write(img, format, file.toFile())) {
        throw new IllegalStateException("no writer for " + format);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void threeImages() {
    image(root.resolve("dog/b.png"), 8, 6, 0x0A141E, "png");       // R 10, G 20, B 30
    image(root.resolve("cat/a.jpg"), 16, 16, 0xC86432, "jpg");     // R 200, G 100, B 50
    image(root.resolve("cat/c.PNG"), 4, 4, 0xFFFFFF, "png");
  }

  @Test
  void classesAreSortedFolderNamesAndImagesAreResized() {
    threeImages();
    LoadedImages got = ImageFolders.read(root, 5, 7, ColorMode.RGB, false);
    ImageSet images = got.images();
    assertEquals(List.of("cat", "dog"), images.levels());
    assertArrayEquals(new int[] {0, 0, 1}, images.labels());
    assertEquals(List.of(root.resolve("cat/a.jpg"), root.resolve("cat/c.PNG"), root.resolve("dog/b.png")), got.files());
    assertEquals(5, images.height());
    assertEquals(7, images.width());
    assertEquals(3, images.channels());
    float[] px = images.pixels();
    int plane = 35;
    assertEquals(200, px[0], JPEG_TOLERANCE);
    assertEquals(50, px[2 * plane + 34], JPEG_TOLERANCE);
    assertEquals(255, px[3 * plane + 17], EXACT);
    assertEquals(10, px[6 * plane], EXACT);                    // dog: R plane
    assertEquals(30, px[8 * plane + 34], EXACT);               // dog: B plane
    assertTrue(got.skipped().isEmpty());
  }

  @Test
  void greyModeGivesLuminanceAndGreyFilesKeepTheirValues() {
    image(root.resolve("a/rgb.png"), 2, 2, 0x0A141E, "png");
    BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setPixels(0, 0, 2, 2, new int[] {0, 64, 128, 255});
    write(root.resolve("b/grey.png"), grey, "png");
    ImageSet g = ImageFolders.read(root, ImageOptions.of(ColorMode.GREY)).images();
    assertEquals(1, g.channels());
    assertEquals(0.299f * 10 + 0.587f * 20 + 0.114f * 30, g.pixels()[0], 1e-4f);
    assertArrayEquals(new float[] {0, 64, 128, 255}, Arrays.copyOfRange(g.pixels(), 4, 8));
    ImageSet rgb = ImageFolders.read(root, ImageOptions.of(ColorMode.RGB)).images();
    assertArrayEquals(new float[] {0, 64, 128, 255, 0, 64, 128, 255, 0, 64, 128, 255},
        Arrays.copyOfRange(rgb.pixels(), 12, 24));
  }

  @Test
  void bilinearResizeSamplesPixelCentres() {
    float[] row = {0, 10};
    assertArrayEquals(new float[] {0, 2.5f, 7.5f, 10}, ImageDecoder.resize(row, 1, 1, 2, 1, 4), 1e-6f);
    float[] square = {0, 10, 20, 30};
    assertArrayEquals(new float[] {15}, ImageDecoder.resize(square, 1, 2, 2, 1, 1), 1e-6f);
  }

  @Test
  void mixedSizesWithoutAResizeNameTheFile() {
    threeImages();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageFolders.read(root, ImageOptions.of(ColorMode.RGB)));
    assertTrue(e.getMessage().contains("image " + root.resolve("cat/c.PNG") + " is 4×4 but "
        + root.resolve("cat/a.jpg") + " is 16×16"), e.getMessage());
    assertTrue(e.getMessage().contains("pass a height and width"), e.getMessage());
  }

  @Test
  void anUnreadableImageFailsNamingItOrIsSkippedWithANote() throws IOException {
    threeImages();
    Path junk = Files.writeString(root.resolve("dog/junk.png"), "not an image", StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageFolders.read(root, 4, 4, ColorMode.RGB, false));
    assertTrue(e.getMessage().contains("image " + junk + " cannot be read"), e.getMessage());
    assertTrue(e.getMessage().contains("skipUnreadable"), e.getMessage());
    LoadedImages got = ImageFolders.read(root, 4, 4, ColorMode.RGB, true);
    assertEquals(3, got.images().size());
    assertEquals(1, got.skipped().size());
    assertEquals(junk, got.skipped().get(0).file());
    assertTrue(got.skipped().get(0).reason().startsWith("not an image"), got.skipped().get(0).reason());
  }

  @Test
  void truncatedPngAndJpegFilesAreUnreadable() throws IOException {
    for (String format : new String[] {"png", "jpg"}) {
      Path folder = root.resolve(format);
      BufferedImage noisy = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
      java.util.Random r = new java.util.Random(1);
      for (int y = 0; y < 64; y++) {
        for (int x = 0; x < 64; x++) {
          noisy.setRGB(x, y, r.nextInt(1 << 24));
        }
      }
      Path file = write(folder.resolve("k/img." + format), noisy, format);
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ImageFolders.read(folder, 8, 8, ColorMode.RGB, false), format);
      assertTrue(e.getMessage().contains("image " + file + " cannot be read: truncated or damaged"), e.getMessage());
    }
  }

  @Test
  void aFolderWithoutClassFoldersOrImagesIsExplained() throws IOException {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> ImageFolders.read(root, 4, 4, ColorMode.RGB, false));
    assertTrue(none.getMessage().contains("has no class sub-folders"), none.getMessage());
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(root.resolve("empty/notes.txt"), "x");
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> ImageFolders.read(root, 4, 4, ColorMode.RGB, false));
    assertTrue(empty.getMessage().contains("image folder " + root + " has no readable images"), empty.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ImageFolders.read(root.resolve("nope"), 4, 4, ColorMode.RGB, false));
    assertTrue(missing.getMessage().contains(root.resolve("nope") + " does not exist"), missing.getMessage());
  }

  @Test
  void aCsvListsFilesRelativeToItsFolderWithNumericLabelsInNumericOrder() throws IOException {
    image(root.resolve("img/a.png"), 3, 3, 0x102030, "png");
    image(root.resolve("img/b.jpg"), 5, 5, 0x808080, "jpg");
    Path csv = Files.writeString(root.resolve("list.csv"),
        "id,path,label\n1,img/a.png,10\n2,\"img/b.jpg\",2\n\n3," + root.resolve("img/a.png") + ",2\n");
    LoadedImages got = ImageCsv.read(csv, 4, 4, ColorMode.RGB, false);
    assertEquals(List.of("2", "10"), got.images().levels());
    assertArrayEquals(new int[] {1, 0, 0}, got.images().labels());
    assertEquals(root.resolve("img/b.jpg"), got.files().get(1));
    assertEquals(0x10, got.images().pixels()[0], EXACT);
  }

  @Test
  void aCsvWithAMissingFileFailsNamingItOrSkipsIt() throws IOException {
    image(root.resolve("a.png"), 3, 3, 0x102030, "png");
    Path csv = Files.writeString(root.resolve("list.csv"), "path,label\na.png,cat\ngone.png,dog\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageCsv.read(csv, 3, 3, ColorMode.GREY, false));
    assertTrue(e.getMessage().contains("image " + root.resolve("gone.png") + " cannot be read: the file does not exist"),
        e.getMessage());
    LoadedImages got = ImageCsv.read(csv, 3, 3, ColorMode.GREY, true);
    assertEquals(1, got.images().size());
    assertEquals(List.of(new SkippedImage(root.resolve("gone.png"), "the file does not exist")), got.skipped());
    assertEquals(List.of("cat", "dog"), got.images().levels());
  }

  @Test
  void aCsvWithoutTheColumnsOrWithAShortRowIsExplained() throws IOException {
    Path noLabel = Files.writeString(root.resolve("a.csv"), "file,class\nx.png,1\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageCsv.read(noLabel, ImageOptions.of(ColorMode.RGB)));
    assertTrue(e.getMessage().contains(noLabel + " has no column \"path\""), e.getMessage());
    Path shortRow = Files.writeString(root.resolve("b.csv"), "path,label\nx.png\n");
    IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
        () -> ImageCsv.read(shortRow, ImageOptions.of(ColorMode.RGB)));
    assertTrue(s.getMessage().contains(shortRow + " line 2 has 1 fields"), s.getMessage());
  }

  @Test
  void optionsRejectHalfASize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageOptions.of(ColorMode.RGB).resize(0, 5));
    assertTrue(e.getMessage().contains("resize to 0×5"), e.getMessage());
  }
}
