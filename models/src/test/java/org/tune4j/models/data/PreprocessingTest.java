package org.tune4j.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The four modes on a 1×1 image, by hand. */
class PreprocessingTest {
  static final float TOLERANCE = 1e-5f;
  /** One pixel R 10, G 20, B 30. */
  static final ImageSet PIXEL = ImageSet.of(1, 1, 3, new float[] {10, 20, 30}, new int[] {0}, List.of("x"));

  @Test
  void caffeSwapsToBgrAndSubtractsTheBgrMeans() {
    assertArrayEquals(new float[] {30 - 103.939f, 20 - 116.779f, 10 - 123.68f},
        Preprocessing.CAFFE.apply(PIXEL).pixels(), TOLERANCE);
  }

  @Test
  void torchScalesThenNormalisesPerRgbChannel() {
    assertArrayEquals(new float[] {(10 / 255f - 0.485f) / 0.229f, (20 / 255f - 0.456f) / 0.224f,
        (30 / 255f - 0.406f) / 0.225f}, Preprocessing.TORCH.apply(PIXEL).pixels(), TOLERANCE);
  }

  @Test
  void tfMapsZeroToMinusOneAnd255ToOne() {
    ImageSet ends = ImageSet.of(1, 1, 3, new float[] {0, 127.5f, 255}, new int[] {0}, List.of("x"));
    assertArrayEquals(new float[] {-1f, 0f, 1f}, Preprocessing.TF.apply(ends).pixels(), TOLERANCE);
    assertArrayEquals(new float[] {10 / 127.5f - 1, 20 / 127.5f - 1, 30 / 127.5f - 1},
        Preprocessing.TF.apply(PIXEL).pixels(), TOLERANCE);
  }

  @Test
  void tfKeepsChannelOrderLabelsAndGreyImages() {
    ImageSet grey = ImageSet.of(1, 2, 1, new float[] {0, 51}, new int[] {1}, List.of("a", "b"));
    ImageSet out = Preprocessing.TF.apply(grey);
    assertArrayEquals(new float[] {-1f, 51 / 127.5f - 1}, out.pixels(), TOLERANCE);
    assertEquals(1, out.channels());
    assertArrayEquals(new int[] {1}, out.labels());
  }

  @Test
  void scale01IsImageTransformsScale01() {
    assertArrayEquals(new float[] {10 / 255f, 20 / 255f, 30 / 255f}, Preprocessing.SCALE01.apply(PIXEL).pixels(), TOLERANCE);
    assertArrayEquals(ImageTransforms.scale01(PIXEL).pixels(), Preprocessing.SCALE01.apply(PIXEL).pixels(), 0f);
  }

  @Test
  void twoImagesAreEachTransformedAndLabelsKept() {
    ImageSet two = ImageSet.of(1, 1, 3, new float[] {10, 20, 30, 1, 2, 3}, new int[] {1, 0}, List.of("a", "b"));
    ImageSet out = Preprocessing.CAFFE.apply(two);
    assertEquals(3 - 103.939f, out.pixels()[3], TOLERANCE);
    assertArrayEquals(new int[] {1, 0}, out.labels());
  }

  @Test
  void greyImagesNeedRgbForImageNetModes() {
    ImageSet grey = ImageSet.of(1, 1, 1, new float[] {10}, new int[] {0}, List.of("x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.TORCH.apply(grey));
    assertTrue(e.getMessage().contains("ImageTransforms.toRgb"), e.getMessage());
    assertEquals(10 / 255f, Preprocessing.SCALE01.apply(grey).pixels()[0], TOLERANCE);
  }

  @Test
  void modesParseByKerasName() {
    assertEquals(Preprocessing.CAFFE, Preprocessing.parse("caffe"));
    assertEquals("scale01", Preprocessing.SCALE01.modeName());
    assertEquals(Preprocessing.TF, Preprocessing.parse(" TF "));
    assertEquals("tf", Preprocessing.TF.modeName());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preprocessing.parse("inception"));
    assertEquals("preprocessing \"inception\" is not a mode; choose from: scale01, caffe, tf, torch", e.getMessage());
  }

  @Test
  void onTheUnitScaleEachModeIsItsModeOfThePixelsTimes255() {
    ImageSet unit = ImageSet.of(1, 2, 3, new float[] {0f, 0.5f, 1f, 0.25f, 0.75f, 0.1f}, new int[1], List.of("a"));
    float[] raw = unit.pixels().clone();
    for (int i = 0; i < raw.length; i++) {
      raw[i] *= 255f;
    }
    ImageSet bytes = ImageSet.of(1, 2, 3, raw, new int[1], List.of("a"));
    for (Preprocessing mode : List.of(Preprocessing.CAFFE, Preprocessing.TF, Preprocessing.TORCH)) {
      assertArrayEquals(mode.apply(bytes).pixels(), mode.applyToUnitScale(unit).pixels(),
          1e-4f, mode.modeName());
    }
    assertEquals(-1f, Preprocessing.TF.applyToUnitScale(unit).pixels()[0], 1e-6f);
    assertEquals(1f, Preprocessing.TF.applyToUnitScale(unit).pixels()[2], 1e-6f);
  }
}
