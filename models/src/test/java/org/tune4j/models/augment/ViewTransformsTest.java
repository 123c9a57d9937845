package org.tune4j.models.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each transform does what its Keras namesake does, on CHW floats. */
class ViewTransformsTest {
  static final int C = 2;
  static final int H = 5;
  static final int W = 7;
  /** Bilinear sampling at the points of a half turn, whose sine is 1.2e-16 rather than 0. */
  static final float HALF_TURN_TOL = 1e-4f;
  /** A contrast change keeps each channel's mean up to float rounding. */
  static final double MEAN_TOL = 1e-3;

  static float[] image(long seed, double low, double high) {
    Random r = new Random(seed);
    float[] px = new float[C * H * W];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) (low + (high - low) * r.nextDouble());
    }
    return px;
  }

  static float at(float[] px, int c, int y, int x) {
    return px[(c * H + y) * W + x];
  }

  @Test
  void aHorizontalFlipReversesTheColumnsExactlyOrLeavesTheImage() {
    float[] px = image(1, 0, 255);
    float[] flipped = RandomFlip.flip(px, C, H, W, false, true);
    for (int c = 0; c < C; c++) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          assertEquals(at(px, c, y, W - 1 - x), at(flipped, c, y, x));
        }
      }
    }
    RandomFlip horizontal = RandomFlip.parse("horizontal");
    int flips = 0;
    for (long s = 0; s < 40; s++) {
      float[] out = horizontal.apply(px, C, H, W, new SplittableRandom(s));
      assertTrue(Arrays.equals(out, px) || Arrays.equals(out, flipped), "seed " + s + " neither kept nor flipped");
      flips += Arrays.equals(out, flipped) ? 1 : 0;
    }
    assertTrue(flips > 5 && flips < 35, "about half of 40 views flip, not " + flips);
    float[] vertical = RandomFlip.flip(px, C, H, W, true, false);
    assertEquals(at(px, 1, 0, 3), at(vertical, 1, H - 1, 3));
    assertEquals("random_flip mode \"diagonal\" is not known; choose from: horizontal, vertical,"
        + " horizontal_and_vertical",
        assertThrows(IllegalArgumentException.class, () -> RandomFlip.parse("diagonal")).getMessage());
  }

  @Test
  void aCropWithZeroShiftIsTheImageAndAShiftMovesItOverZeros() {
    float[] px = image(2, 1, 255);
    assertArrayEquals(px, RandomCrop.shift(px, C, H, W, 0, 0));
    assertArrayEquals(px, new RandomCrop(0).apply(px, C, H, W, new SplittableRandom(3)), "padding 0 never shifts");
    float[] moved = RandomCrop.shift(px, C, H, W, 1, -2);
    assertEquals(at(px, 0, 1, 0), at(moved, 0, 0, 2), "output (y, x) is input (y + 1, x - 2)");
    assertEquals(0f, at(moved, 1, H - 1, 3), "the last row reads the padding");
    assertEquals(0f, at(moved, 1, 2, 1), "the first columns read the padding");
    float[] random = new RandomCrop(2).apply(px, C, H, W, new SplittableRandom(4));
    boolean found = false;
    for (int dy = -2; dy <= 2; dy++) {
      for (int dx = -2; dx <= 2; dx++) {
        found |= Arrays.equals(random, RandomCrop.shift(px, C, H, W, dy, dx));
      }
    }
    assertTrue(found, "a random crop is one of the shifts within the padding");
    assertEquals("random_crop padding = -1 must be at least 0 (pixels)",
        assertThrows(IllegalArgumentException.class, () -> new RandomCrop(-1)).getMessage());
  }

  @Test
  void rotationByZeroAndZoomByOneAreTheImageAndAHalfTurnFlipsBothWays() {
    float[] px = image(3, 0, 255);
    for (FillMode fill : FillMode.values()) {
      assertArrayEquals(px, RandomRotation.rotate(px, C, H, W, 0, fill), fill.kerasName());
      assertArrayEquals(px, RandomZoom.zoom(px, C, H, W, 1, fill), fill.kerasName());
      assertArrayEquals(px, new RandomRotation(0, fill).apply(px, C, H, W, new SplittableRandom(5)));
    }
    assertArrayEquals(RandomFlip.flip(px, C, H, W, true, true), RandomRotation.rotate(px, C, H, W, Math.PI,
        FillMode.CONSTANT), HALF_TURN_TOL);
    float[] turned = new RandomRotation(0.1, FillMode.CONSTANT).apply(px, C, H, W, new SplittableRandom(6));
    assertFalse(Arrays.equals(px, turned));
    float[] zoomedIn = RandomZoom.zoom(px, C, H, W, 0.5, FillMode.CONSTANT);
    assertEquals(at(px, 0, 2, 3), at(zoomedIn, 0, 2, 3), "the centre pixel stays");
    float[] zoomedOut = RandomZoom.zoom(px, C, H, W, 2, FillMode.CONSTANT);
    assertEquals(0f, at(zoomedOut, 1, 0, 0), "zooming out by 2 reads outside the image at the corner");
    float[] reflected = RandomZoom.zoom(px, C, H, W, 2, FillMode.REFLECT);
    assertTrue(at(reflected, 1, 0, 0) > 0, "reflect fills the corner from the image");
    assertEquals("random_rotation factor = 1.5 must be in [0, 1] (a fraction of a full turn: 0.1 turns up to ±36°)",
        assertThrows(IllegalArgumentException.class, () -> new RandomRotation(1.5, FillMode.REFLECT)).getMessage());
    assertEquals("fill mode \"wrap\" is not known; choose from: constant, reflect",
        assertThrows(IllegalArgumentException.class, () -> FillMode.parse("wrap")).getMessage());
  }

  @Test
  void reflectionMirrorsAboutThePixelEdges() {
    assertEquals(0.0, BilinearSampler.reflect(-1, 5), "d c b a | a b c d: -1 reads 0");
    assertEquals(1.0, BilinearSampler.reflect(-2, 5));
    assertEquals(4.0, BilinearSampler.reflect(5, 5), "past the end reads the last pixel");
    assertEquals(3.0, BilinearSampler.reflect(6, 5));
    assertEquals(2.0, BilinearSampler.reflect(2, 5));
  }

  @Test
  void brightnessAndContrastStayInTheValueRange() {
    ValueRange unit = new ValueRange(0, 1);
    float[] px = image(4, 0, 1);
    for (long s = 0; s < 20; s++) {
      for (ViewTransform t : new ViewTransform[] {new RandomBrightness(0.9, unit), new RandomContrast(0.9, unit)}) {
        for (float v : t.apply(px, C, H, W, new SplittableRandom(s))) {
          assertTrue(v >= 0 && v <= 1, t.describe() + " seed " + s + " gave " + v);
        }
      }
    }
    assertArrayEquals(px, new RandomBrightness(0, unit).apply(px, C, H, W, new SplittableRandom(1)), 1e-7f);
    float[] brighter = new RandomBrightness(0.5, ValueRange.BYTES).apply(image(5, 100, 150), C, H, W,
        new SplittableRandom(2));
    float[] middle = image(5, 100, 150);
    float delta = brighter[0] - middle[0];
    assertTrue(Math.abs(delta) > 0 && Math.abs(delta) <= 0.5 * 255, "one shift of up to half the range: " + delta);
    for (int i = 0; i < middle.length; i++) {
      assertEquals(delta, brighter[i] - middle[i], 1e-3, "the same shift for every value");
    }
    float[] contrasted = new RandomContrast(0.5, ValueRange.BYTES).apply(middle, C, H, W, new SplittableRandom(3));
    assertFalse(Arrays.equals(middle, contrasted));
    for (int c = 0; c < C; c++) {
      assertEquals(mean(middle, c), mean(contrasted, c), MEAN_TOL, "channel " + c + " keeps its mean");
    }
    assertEquals("random_contrast factor = 2.0 must be in [0, 1] (0.2 scales contrast by 0.8 to 1.2)",
        assertThrows(IllegalArgumentException.class, () -> new RandomContrast(2, unit)).getMessage());
    assertEquals("value range [1.0, 1.0] must have finite ends with min < max; use [0, 255] for raw pixels or [0, 1]"
        + " for scaled ones", assertThrows(IllegalArgumentException.class, () -> new ValueRange(1, 1)).getMessage());
  }

  private static double mean(float[] px, int c) {
    double s = 0;
    for (int i = 0; i < H * W; i++) {
      s += px[c * H * W + i];
    }
    return s / (H * W);
  }
}
