package org.tune4j.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageTransformsTest {
  static final ImageSet TWO_BY_TWO = ImageSet.of(2, 2, 1, new float[] {1, 2, 3, 4, 255, 0, 0, 255},
      new int[] {0, 1}, List.of("x", "y"));

  @Test
  void padCentresTheImageInZeros() {
    ImageSet padded = ImageTransforms.padTo(TWO_BY_TWO, 4, 4);
    assertEquals(4, padded.height());
    float[] first = java.util.Arrays.copyOf(padded.pixels(), 16);
    assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0}, first);
    assertSame(TWO_BY_TWO, ImageTransforms.padTo(TWO_BY_TWO, 2, 1));
  }

  @Test
  void paddingPastTheLargestArrayIsRefusedWithItsSizeNotOverflowed() {
    ImageSet many = ImageSet.of(1, 1, 1, new float[1000], new int[1000], List.of("x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageTransforms.padTo(many, 2000, 2000));
    assertEquals("1,000 images of 4,000,000 values each are 4,000,000,000 values, more than one Java array holds"
        + " (2,147,483,639); stream them through an org.tune4j.models.source.ImageSource a chunk at a time, or use"
        + " fewer or smaller images", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ImageSet.arrayLength(Integer.MAX_VALUE, Long.MAX_VALUE / 2));
    assertTrue(e.getMessage().contains("9,223,372,036,854,775,807 values"), e.getMessage());
    assertEquals(12, ImageSet.arrayLength(3, 4));
  }

  @Test
  void rgbReplicatesGrey() {
    ImageSet rgb = ImageTransforms.toRgb(TWO_BY_TWO);
    assertEquals(3, rgb.channels());
    assertArrayEquals(new float[] {1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4}, java.util.Arrays.copyOf(rgb.pixels(), 12));
  }

  @Test
  void scale01DividesBy255() {
    float[] px = ImageTransforms.scale01(TWO_BY_TWO).pixels();
    assertEquals(1f, px[4]);
    assertEquals(1f / 255, px[0], 1e-7);
  }

  @Test
  void firstPerClassTakesTheFirstRowsOfEachClassInOrder() {
    ImageSet s = ImageSet.of(1, 1, 1, new float[] {10, 11, 12, 13, 14}, new int[] {1, 0, 1, 0, 1}, List.of("a", "b"));
    ImageSet sub = s.firstPerClass(2);
    assertArrayEquals(new float[] {10, 11, 12, 13}, sub.pixels());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.firstPerClass(3));
    assertTrue(e.getMessage().contains("level \"a\" has 2 images, fewer than perClass = 3"), e.getMessage());
  }

  @Test
  void badImageSetsAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageSet.of(2, 2, 1, new float[3], new int[] {0}, List.of("a")));
    assertTrue(e.getMessage().contains("pixels has 3 values but 1 images of 1×2×2 need 4"), e.getMessage());
    IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
        () -> ImageSet.of(1, 1, 1, new float[1], new int[] {2}, List.of("a", "b")));
    assertTrue(e2.getMessage().contains("label of image 0 is 2, outside [0, 1]"), e2.getMessage());
  }
}
