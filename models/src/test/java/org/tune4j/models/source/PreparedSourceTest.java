package org.tune4j.models.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.data.ColorMode;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageFolders;
import org.tune4j.models.data.ImageOptions;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.Preprocessing;

/** Each preparation step gives exactly (==) what the ImageSet transform gives, and names itself. */
class PreparedSourceTest {
  @TempDir Path root;

  static final ImageSet GREY = EmbeddedSample.fashionMnist().train().firstPerClass(2);

  static void assertPrepared(ImageSet base, UnaryOperator<ImageSet> whole, ImageSource prepared) {
    ImageSet expected = whole.apply(base);
    assertEquals(expected.channels(), prepared.channels());
    assertEquals(expected.height(), prepared.height());
    assertEquals(expected.width(), prepared.width());
    assertEquals(expected.pixelsPerImage(), prepared.pixelsPerImage());
    assertArrayEquals(expected.pixels(), ImageSourcesTest.readAll(prepared));
    assertArrayEquals(expected.labels(), prepared.labels());
  }

  @Test
  void greyStepsEqualTheTransforms() {
    PreparedSource base = PreparedSource.of(ImageSources.of(GREY));
    assertPrepared(GREY, s -> ImageTransforms.padTo(s, 31, 36), base.padTo(31, 36));
    assertPrepared(GREY, s -> ImageTransforms.padTo(s, 20, 20), base.padTo(20, 20));
    assertPrepared(GREY, ImageTransforms::toRgb, base.toRgb());
    assertPrepared(GREY, ImageTransforms::scale01, base.scale01());
    assertPrepared(GREY, Preprocessing.SCALE01::apply, base.preprocess(Preprocessing.SCALE01));
    assertPrepared(GREY, s -> Preprocessing.TORCH.apply(ImageTransforms.toRgb(ImageTransforms.padTo(s, 32, 32))),
        base.padTo(32, 32).toRgb().preprocess(Preprocessing.TORCH));
  }

  @Test
  void rgbFilesPreparedAsTheyAreReadEqualTheWholeSetPrepared() throws IOException {
    for (int i = 0; i < 3; i++) {
      ImageSourcesTest.image(root.resolve("cat/" + i + ".png"), i);
      ImageSourcesTest.image(root.resolve("dog/" + i + ".jpg"), 10 + i);
    }
    ImageOptions options = ImageOptions.of(ColorMode.RGB).resize(9, 11);
    ImageSet whole = ImageFolders.read(root, options).images();
    PreparedSource files = PreparedSource.of(ImageSources.folder(root, options));
    for (Preprocessing mode : Preprocessing.values()) {
      assertPrepared(whole, mode::apply, files.preprocess(mode));
    }
    assertPrepared(whole, s -> Preprocessing.CAFFE.apply(ImageTransforms.padTo(s, 12, 12)),
        files.toRgb().padTo(12, 12).preprocess(Preprocessing.CAFFE));
  }

  @Test
  void everyStepChangesThePreparationTextAndNothingElse() {
    ImageSource base = ImageSources.of(GREY);
    PreparedSource prepared = PreparedSource.of(base).padTo(32, 32).toRgb().preprocess(Preprocessing.TORCH);
    assertEquals("in-memory-pixels|pad=32x32|rgb|preprocess=torch", prepared.preparation());
    assertNotEquals(PreparedSource.of(base).padTo(32, 32).preparation(),
        PreparedSource.of(base).padTo(32, 33).preparation());
    assertEquals(base.contentKey(3), prepared.contentKey(3), "the key is the bytes', the preparation apart");
    assertEquals(base.item(3), prepared.item(3));
    assertEquals(base.describe(), prepared.describe());
  }

  @Test
  void caffeOnGreyImagesIsRefusedWithTheFix() {
    PreparedSource grey = PreparedSource.of(ImageSources.of(GREY));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> grey.preprocess(Preprocessing.CAFFE));
    assertTrue(e.getMessage().contains("replicate grey to RGB with ImageTransforms.toRgb first"), e.getMessage());
  }
}
