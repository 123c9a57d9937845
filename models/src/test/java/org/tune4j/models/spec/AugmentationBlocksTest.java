package org.tune4j.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.spec.Tunable.tune;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.models.augment.Augmentation;
import org.tune4j.models.augment.FillMode;
import org.tune4j.models.augment.RandomBrightness;
import org.tune4j.models.augment.RandomContrast;
import org.tune4j.models.augment.RandomCrop;
import org.tune4j.models.augment.RandomFlip;
import org.tune4j.models.augment.RandomRotation;
import org.tune4j.models.augment.RandomZoom;
import org.tune4j.models.augment.ValueRange;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.params.NumericParameter;

/** Augmentation blocks stand between the image input and the backbone, tune like other blocks and round-trip. */
class AugmentationBlocksTest {
  static ModelSpec augmented(Block... between) {
    ModelSpec spec = ModelSpec.sequential("augmented").block("input", Blocks.imageInput());
    for (int i = 0; i < between.length; i++) {
      spec = spec.block("aug" + i, between[i]);
    }
    return spec.block("base", Blocks.resnet50(Weights.random(1)).with("pooling", "avg"))
        .block("dense", Blocks.dense(8))
        .block("output", Blocks.softmaxOutput())
        .fit(Fit.epochs(1).batchSize(8));
  }

  static ModelSpec everyTransform() {
    return augmented(Blocks.augmentation(tune(), 7), Blocks.randomFlip(tune()), Blocks.randomCrop(tune()),
        Blocks.randomRotation(tune()).with("fill", "constant"), Blocks.randomZoom(0.1),
        Blocks.randomContrast(0.2).with("value_max", 1.0), Blocks.randomBrightness(tune()).with("value_max", 1.0));
  }

  @Test
  void everyBlockIsTunableAndCompilesToItsTransforms() {
    ModelSpec spec = everyTransform();
    assertEquals(List.of("aug0_views", "aug1_mode", "aug2_padding", "aug3_factor", "aug6_factor"),
        spec.parameters().ids());
    NumericParameter views = (NumericParameter) spec.parameters().get("aug0_views");
    assertEquals(1.0, views.lower());
    assertEquals(8.0, views.upper());
    ModelSpec fin = spec.finalize(Map.of("aug0_views", 3, "aug1_mode", "vertical", "aug2_padding", 4,
        "aug3_factor", 0.05, "aug6_factor", 0.1));
    Augmentation aug = SpecCompiler.augmentation(fin).orElseThrow();
    ValueRange unit = new ValueRange(0, 1);
    assertEquals(Augmentation.of(3, 7, List.of(new RandomFlip(RandomFlip.Mode.VERTICAL), new RandomCrop(4),
        new RandomRotation(0.05, FillMode.CONSTANT), new RandomZoom(0.1, FillMode.REFLECT),
        new RandomContrast(0.2, unit), new RandomBrightness(0.1, unit))), aug);
    assertTrue(SpecCompiler.compile(fin, 32, 32, 1).frozenBackbone(), "the backbone after the views is still cut");
    assertTrue(SpecCompiler.augmentation(augmented()).isEmpty());
  }

  @Test
  void augmentationSpecsRoundTripThroughJson() {
    ModelSpec spec = everyTransform();
    String json = spec.toJson();
    ModelSpec back = ModelSpec.fromJson(json);
    assertEquals(spec, back, json);
    assertEquals(spec.parameters(), back.parameters());
    assertTrue(json.contains("\"kind\": \"random_rotation\"") || json.contains("\"kind\":\"random_rotation\""), json);
  }

  @Test
  void misplacedBlocksAndBadValuesAreNamed() {
    String noAug = assertThrows(SpecCompileException.class, () -> SpecCompiler.compile(
        augmented(Blocks.randomFlip("horizontal")), 32, 32, 1)).getMessage();
    assertEquals("spec \"augmented\": block \"aug0\" (random_flip) needs an augmentation block before it, saying how"
        + " many views to cache: add Blocks.augmentation(views) right after the image_input", noAug);
    String second = assertThrows(SpecCompileException.class, () -> SpecCompiler.compile(
        augmented(Blocks.augmentation(2), Blocks.randomCrop(2), Blocks.augmentation(3)), 32, 32, 1)).getMessage();
    assertEquals("spec \"augmented\": block \"aug2\" is an augmentation block in position 3; a spec has one, right"
        + " after the image_input, before its random_* blocks", second);
    ModelSpec afterBase = ModelSpec.sequential("late").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1)).with("pooling", "avg"))
        .block("flip", Blocks.randomFlip("horizontal")).block("output", Blocks.softmaxOutput());
    assertEquals("spec \"late\": block \"flip\" (random_flip) stands after resnet50; augmentation blocks go between"
        + " the image_input and the backbone", assertThrows(SpecCompileException.class,
            () -> SpecCompiler.compile(afterBase, 32, 32, 1)).getMessage());
    assertEquals("spec \"augmented\": block \"aug1\": random_rotation factor = 2.0 must be in [0, 1] (a fraction of a"
        + " full turn: 0.1 turns up to ±36°)", assertThrows(SpecCompileException.class, () -> SpecCompiler.compile(
            augmented(Blocks.augmentation(2), Blocks.randomRotation(2.0)), 32, 32, 1)).getMessage());
    assertEquals("spec \"augmented\": block \"aug0\": augmentation views = 0 must be at least 1",
        assertThrows(SpecCompileException.class, () -> SpecCompiler.compile(augmented(Blocks.augmentation(0)), 32, 32,
            1)).getMessage());
    assertEquals("spec \"augmented\": block \"aug1\": random_flip mode \"sideways\" is not known; choose from:"
        + " horizontal, vertical, horizontal_and_vertical", assertThrows(SpecCompileException.class,
            () -> SpecCompiler.compile(augmented(Blocks.augmentation(1), Blocks.randomFlip("sideways")), 32, 32, 1))
            .getMessage());
    ModelSpec trainable = ModelSpec.sequential("trainable").block("input", Blocks.imageInput())
        .block("aug", Blocks.augmentation(2))
        .block("base", Blocks.resnet50(Weights.random(1)).with("pooling", "avg").with("frozen", false))
        .block("output", Blocks.softmaxOutput());
    assertEquals("spec \"trainable\": augmentation views are featurized through a frozen backbone once each, but"
        + " backbone \"base\" is trainable; freeze it (frozen = true) or remove the augmentation blocks",
        assertThrows(SpecCompileException.class, () -> SpecCompiler.compile(trainable, 32, 32, 1)).getMessage());
  }
}
