package org.tune4j.models.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;

/** A view is a pure function of (seed, image content, view id): the same pixels on any call, chunk or thread. */
class AugmentationTest {
  static final int C = 3;
  static final int H = 8;
  static final int W = 10;
  static final int N = 6;

  static ImageSource images() {
    Random r = new Random(11);
    float[] px = new float[N * C * H * W];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextInt(256);
    }
    return ImageSources.of(ImageSet.of(H, W, C, px, new int[] {0, 1, 0, 1, 0, 1}, List.of("a", "b")));
  }

  static Augmentation everything(long seed, int views) {
    return Augmentation.of(views, seed, List.of(RandomFlip.parse("horizontal_and_vertical"), new RandomCrop(2),
        new RandomRotation(0.1, FillMode.REFLECT), new RandomZoom(0.2, FillMode.CONSTANT),
        new RandomContrast(0.3, ValueRange.BYTES), new RandomBrightness(0.2, ValueRange.BYTES)));
  }

  static float[] read(ImageSource s, int... rows) {
    float[] out = new float[rows.length * s.pixelsPerImage()];
    s.read(rows, out);
    return out;
  }

  @Test
  void aViewIsTheSameInOneChunkRowByRowAndOnAnotherThread() throws Exception {
    ImageSource view = everything(5, 3).view(images(), 2);
    float[] chunk = read(view, 0, 1, 2, 3, 4, 5);
    int per = view.pixelsPerImage();
    for (int row = 0; row < N; row++) {
      assertArrayEquals(Arrays.copyOfRange(chunk, row * per, (row + 1) * per), read(view, row), "row " + row);
    }
    float[] reversed = read(view, 5, 4, 3, 2, 1, 0);
    assertArrayEquals(Arrays.copyOfRange(chunk, 0, per), Arrays.copyOfRange(reversed, 5 * per, 6 * per),
        "row 0 at another position in another chunk");
    float[] elsewhere = CompletableFuture.supplyAsync(() -> read(everything(5, 3).view(images(), 2), 0, 1, 2, 3, 4, 5))
        .get();
    assertArrayEquals(chunk, elsewhere, "another thread, another Augmentation of the same arguments");
  }

  @Test
  void otherViewIdsAndSeedsGiveOtherPixelsAndOtherPreparations() {
    ImageSource plain = images();
    float[] view1 = read(everything(5, 3).view(plain, 1), 0, 1, 2);
    float[] view2 = read(everything(5, 3).view(plain, 2), 0, 1, 2);
    float[] seed6 = read(everything(6, 3).view(plain, 1), 0, 1, 2);
    assertFalse(Arrays.equals(view1, view2), "view 1 against view 2");
    assertFalse(Arrays.equals(view1, seed6), "seed 5 against seed 6");
    assertFalse(Arrays.equals(view1, read(plain, 0, 1, 2)), "a view against the plain image");
    String p1 = everything(5, 3).view(plain, 1).preparation();
    assertTrue(p1.startsWith(plain.preparation() + "|augment(seed=5,view=1,transforms=[flip(horizontal_and_vertical),"
        + "crop(padding=2),rotation(factor=0.1,fill=reflect)"), p1);
    assertFalse(p1.equals(everything(5, 3).view(plain, 2).preparation()));
    assertEquals(p1, everything(5, 8).view(plain, 1).preparation(), "view 1 is view 1 whatever the number of views");
  }

  @Test
  void noTransformsGiveThePlainImage() {
    ImageSource plain = images();
    assertArrayEquals(read(plain, 0, 3, 5), read(Augmentation.of(1, 9, List.of()).view(plain, 1), 0, 3, 5));
  }

  @Test
  void badViewsAndShapesAreNamed() {
    assertEquals("augmentation views = 0 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> Augmentation.of(0, 1, List.of())).getMessage());
    assertEquals("view id 0 must be at least 1; view 0 is the plain image",
        assertThrows(IllegalArgumentException.class, () -> everything(1, 2).view(images(), 0)).getMessage());
    assertEquals("an image of 3×8×10 has 240 values, not 7", assertThrows(IllegalArgumentException.class,
        () -> everything(1, 2).apply(new float[7], C, H, W, "k", 1)).getMessage());
  }
}
