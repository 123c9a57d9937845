package org.tune4j.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.augment.Augmentation;
import org.tune4j.models.augment.FillMode;
import org.tune4j.models.augment.RandomCrop;
import org.tune4j.models.augment.RandomFlip;
import org.tune4j.models.augment.RandomRotation;
import org.tune4j.models.spec.BlockKind;
import org.tune4j.models.spec.SpecCompiler;

/** The job's augmentation section becomes the spec's augmentation block and transforms, and last_fit its TTA. */
class AugmentationSectionTest {
  @TempDir Path dir;

  static final String AUGMENTED = JobReaderTest.TINY.replace("head:\n", String.join("\n",
      "augmentation:",
      "  views: tune",
      "  seed: 5",
      "  transforms:",
      "    - {block: random_flip, mode: horizontal}",
      "    - {block: random_crop, padding: tune}",
      "    - {block: random_rotation, factor: 0.05, fill: constant}",
      "last_fit: {tta: 4}",
      "head:\n"));

  Job read(String text) {
    return JobReader.read(text, "job.yaml", dir);
  }

  String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> read(text)).getMessage();
  }

  @Test
  void theSectionPutsViewsAndTransformsBeforeTheBackbone() {
    Job job = read(AUGMENTED.replace("  learn_rate: {min: -3, max: -2}\n",
        "  learn_rate: {min: -3, max: -2}\n  augmentation_views: {min: 1, max: 3}\n"));
    assertEquals(List.of("augmentation_views", "random_crop_padding", "dense_units", "dropout_rate", "learn_rate"),
        job.spec().parameters().ids());
    assertEquals(List.of(BlockKind.IMAGE_INPUT, BlockKind.AUGMENTATION, BlockKind.RANDOM_FLIP, BlockKind.RANDOM_CROP,
        BlockKind.RANDOM_ROTATION), job.spec().blocks().values().stream().map(b -> b.kind()).toList()
        .subList(0, 5));
    assertEquals(4, job.testTimeViews());
    Augmentation aug = SpecCompiler.augmentation(job.spec().finalize(Map.of("augmentation_views", 3,
        "random_crop_padding", 2, "dense_units", 8, "dropout_rate", 0.1, "learn_rate", 0.01))).orElseThrow();
    assertEquals(Augmentation.of(3, 5, List.of(new RandomFlip(RandomFlip.Mode.HORIZONTAL), new RandomCrop(2),
        new RandomRotation(0.05, FillMode.CONSTANT))), aug);
    assertEquals(0, read(JobReaderTest.TINY).testTimeViews(), "no last_fit section: no test-time augmentation");
  }

  @Test
  void colourJitterBoundsAJobsPixelsToZeroOneUnlessTheJobSaysOtherwise() {
    Job job = read(AUGMENTED.replace("    - {block: random_flip, mode: horizontal}\n", String.join("\n",
        "    - {block: random_flip, mode: horizontal}",
        "    - {block: random_brightness, factor: 0.1}",
        "    - {block: random_contrast, factor: 0.2, value_max: 255.0}", "")));
    assertEquals(1.0, job.spec().blocks().get("random_brightness").arg("value_max"), "the job's pixels are in [0, 1]");
    assertEquals(255.0, job.spec().blocks().get("random_contrast").arg("value_max"), "a value the job gives stays");
    String keras = AUGMENTED.replace("    - {block: random_flip, mode: horizontal}\n",
        "    - {block: random_flip, mode: horizontal}\n    - {block: random_brightness, factor: 0.1}\n")
        .replace("backbone: {weights: random}", "backbone: {weights: random, preprocessing: keras}");
    assertEquals("job.yaml: $.augmentation.transforms has random_brightness (\"random_brightness\"), which bounds"
        + " pixels to [0, 1], but $.backbone.preprocessing is caffe, so the views are drawn from preprocessed pixels;"
        + " drop it, or keep preprocessing: scale01", error(keras));
    assertEquals(4, read(AUGMENTED.replace("backbone: {weights: random}", "backbone: {weights: random,"
        + " preprocessing: keras}")).testTimeViews(), "geometric views are fine on preprocessed pixels");
  }

  @Test
  void misplacedBlocksAndBadValuesNameTheirPath() {
    assertEquals("job.yaml: $.augmentation.transforms[0].block is \"dense\"; augmentation.transforms lists random_flip,"
        + " random_crop, random_rotation, random_zoom, random_contrast and random_brightness blocks",
        error(AUGMENTED.replace("{block: random_flip, mode: horizontal}", "{block: dense, units: 4}")));
    assertEquals("job.yaml: $.head[0].block is \"random_flip\"; augmentation blocks go in the augmentation section"
        + " (augmentation: {views: 4, transforms: [...]}), before the backbone",
        error(JobReaderTest.TINY.replace("  - block: global_average_pooling", "  - block: random_flip\n"
            + "  - block: global_average_pooling")));
    assertEquals("job.yaml: missing key \"views\" at $.augmentation; give the number of views per training image"
        + " (views: 4) or views: tune", error(AUGMENTED.replace("  views: tune\n", "")));
    assertEquals("job.yaml: $.last_fit.tta is 2 but the job has no augmentation section, so test images have no views;"
        + " add augmentation: {views: 4, transforms: [...]} or drop tta",
        error(JobReaderTest.TINY + "last_fit: {tta: 2}\n"));
    assertEquals("job.yaml: $.last_fit.tta is -1; give 1..64 views of each test image to average over, or 0 for none",
        error(AUGMENTED.replace("tta: 4", "tta: -1")));
    assertEquals("job.yaml: $.augmentation.views: augmentation views = x is not a whole number (or tune())",
        error(AUGMENTED.replace("views: tune", "views: x")));
  }
}
