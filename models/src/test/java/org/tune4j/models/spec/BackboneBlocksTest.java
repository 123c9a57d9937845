package org.tune4j.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.spec.Tunable.tune;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;

/** Backbone blocks of every family: built by name, compiled to their architecture, written to JSON and back. */
class BackboneBlocksTest {
  private static ModelSpec specWith(Block base) {
    return ModelSpec.sequential("s").block("input", Blocks.imageInput()).block("base", base)
        .block("pool", Blocks.globalAveragePooling()).block("output", Blocks.softmaxOutput());
  }

  @Test
  void aBackboneByNameCompilesToItsFamilysArchitecture() {
    for (BackboneFamily f : BackboneFamily.values()) {
      TransferModel m = SpecCompiler.compile(specWith(Blocks.backbone(f.kerasName(), Weights.random(3))), 32, 32, 1);
      assertEquals(ResNetArchitecture.of(f), m.backbone().architecture(), f.kerasName());
      assertEquals(Weights.random(3), m.backbone().weights());
    }
  }

  @Test
  void resnet50KeepsItsOwnBlockSoItsSpecsReadAsBefore() {
    assertEquals(Blocks.resnet50(Weights.random(1)), Blocks.backbone("resnet50", Weights.random(1)));
    Block deeper = Blocks.backbone(BackboneFamily.RESNET152, Weights.random(1));
    assertEquals(BlockKind.BACKBONE, deeper.kind());
    assertEquals("resnet152", deeper.arg("model"));
    assertEquals(List.of("model", "weights", "frozen", "pooling"), BlockKind.BACKBONE.argNames());
    assertTrue(BlockKind.RESNET50.isBackbone() && BlockKind.BACKBONE.isBackbone() && !BlockKind.DENSE.isBackbone());
  }

  @Test
  void aDeeperBackboneSpecRoundTripsThroughJsonAndTunesItsPooling() {
    ModelSpec spec = specWith(Blocks.backbone("resnet101", Weights.imagenet()).with("pooling", tune()));
    assertEquals(List.of("base_pooling"), spec.parameters().ids());
    String json = spec.toJson();
    assertTrue(json.contains("\"kind\": \"backbone\""), json);
    assertEquals(spec, ModelSpec.fromJson(json), json);
  }

  @Test
  void aV2BackboneIsABackboneBlockOfItsModelAndRoundTripsThroughJson() {
    Block v2 = Blocks.backbone("ResNet50V2", Weights.random(2));
    assertEquals(BlockKind.BACKBONE, v2.kind());
    assertEquals("resnet50v2", v2.arg("model"));
    ModelSpec spec = specWith(Blocks.backbone("resnet152v2", Weights.imagenet()).with("pooling", "avg"));
    assertEquals(spec, ModelSpec.fromJson(spec.toJson()));
    TransferModel m = SpecCompiler.compile(specWith(v2), 32, 32, 1);
    assertEquals(org.tune4j.models.zoo.ResNetVersion.V2, m.backbone().architecture().version());
  }

  @Test
  void anUnknownBackboneIsNamedWithTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Blocks.backbone("resnet18", Weights.random(1)));
    assertEquals("backbone \"resnet18\" is not known; choose from: resnet50, resnet101, resnet152, resnet50v2, resnet101v2, resnet152v2", e.getMessage());
    ModelSpec misspelt = specWith(Block.of(BlockKind.BACKBONE).with("model", "resnet-101").with("weights",
        Weights.random(1)));
    SpecCompileException c = assertThrows(SpecCompileException.class, () -> SpecCompiler.compile(misspelt, 32, 32, 1));
    assertEquals("spec \"s\": block \"base\": backbone \"resnet-101\" is not known; choose from: resnet50, resnet101,"
        + " resnet152, resnet50v2, resnet101v2, resnet152v2", c.getMessage());
  }

  @Test
  void theModelIsTunableAndATrainableDeepBackboneIsThePlainPath() {
    ModelSpec tuned = specWith(Block.of(BlockKind.BACKBONE).with("model", tune()).with("weights", Weights.random(1)));
    assertEquals(List.of("base_model"), tuned.parameters().ids());
    ModelSpec trainable = specWith(Blocks.backbone("resnet101", Weights.random(1)).with("frozen", false));
    assertEquals("its backbone \"base\" is trainable", SpecCompiler.plainPathReason(trainable).orElseThrow());
    assertFalse(SpecCompiler.compile(trainable, 32, 32, 1).frozenBackbone());
  }
}
