package org.tune4j.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.spec.Tunable.tune;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.params.Parameters;

/**
 * Specs, their parameters and grids round-trip through JSON. The golden file
 * {@code design_example_spec.json} is rewritten by running the tests with
 * {@code -Dtune4j.updateGolden=true} (then review the diff).
 */
class ModelSpecJsonTest {
  static final String GOLDEN = "design_example_spec.json";

  static ModelSpec everyFeature() {
    return ModelSpec.sequential("every_feature")
        .block("input", Blocks.imageInput(32, 32))
        .block("base", Blocks.resnet50(Weights.file(Path.of("/models/notop.h5"))).with("pooling", tune()))
        .block("flat", Blocks.flatten())
        .block("dense", Blocks.dense(tune(), tune("act")).repeat(tune()))
        .block("bn", Blocks.batchNormalization())
        .block("drop", Blocks.dropout(0.25).repeat(2))
        .block("output", Blocks.softmaxOutput())
        .fit(Fit.epochs(tune()).batchSize(64).validationSplit(0.1))
        .compile(Compile.optimizer(tune()).learnRate(1e-3))
        .update("dense_units", Parameters.hiddenUnits(16, 256));
  }

  @Test
  void specsRoundTrip() {
    for (ModelSpec spec : new ModelSpec[] {ModelSpecTest.designExample(), everyFeature(),
        ModelSpecTest.designExample().finalize(java.util.Map.of("dense_units", 3, "dropout_rate", 0.5,
            "learn_rate", 0.01)),
        ModelSpecTest.designExample().fit(Fit.epochs(30).validationSplit(0.2).patience(3)),
        ModelSpecTest.designExample().fit(Fit.epochs(30).validationSplit(0.2).patience(tune()))}) {
      String json = spec.toJson();
      ModelSpec back = ModelSpec.fromJson(json);
      assertEquals(spec, back, json);
      assertEquals(json, back.toJson());
      assertEquals(spec.parameters(), back.parameters());
    }
  }

  @Test
  void imagenetWeightsRoundTripAsTheirType() {
    ModelSpec spec = ModelSpec.functional("imagenet")
        .block("input", Blocks.imageInput(32, 32))
        .block("base", Blocks.resnet50(Weights.imagenet()), "input")
        .block("flat", Blocks.flatten(), "base")
        .block("output", Blocks.softmaxOutput(), "flat");
    String json = spec.toJson();
    assertTrue(json.replaceAll("\\s", "").contains("\"weights\":{\"type\":\"imagenet\"}"), json);
    ModelSpec back = ModelSpec.fromJson(json);
    assertEquals(spec, back);
    assertEquals(Weights.imagenet(), back.nodes().get("base").block().args().get("weights"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelSpec.fromJson(json.replace("\"imagenet\"", "\"imagenet\", \"seed\": 1")));
    assertTrue(e.getMessage().contains("seed"), e.getMessage());
  }

  @Test
  void theSpecsParametersAndAGridRoundTripToo() {
    ModelSpec spec = everyFeature();
    assertEquals(spec.parameters(), org.tune4j.tuning.params.ParameterSet.fromJson(spec.parameters().toJson()));
    Grid grid = Grids.regular(spec.parameters(), 2);
    assertEquals(grid, Grid.fromJson(grid.toJson()));
  }

  @Test
  void patienceIsWrittenOnlyWhenSetSoOlderSpecsKeepTheirText() {
    assertFalse(ModelSpecTest.designExample().toJson().contains("patience"));
    String json = ModelSpecTest.designExample().fit(Fit.epochs(30).validationSplit(0.2).patience(3)).toJson();
    assertTrue(json.contains("\"patience\": 3"), json);
  }

  @Test
  void matchesTheGoldenFile() throws IOException {
    String json = ModelSpecTest.designExample().toJson();
    Path golden = Path.of("src/test/resources/org/tune4j/models/spec", GOLDEN);
    if (Boolean.getBoolean("tune4j.updateGolden")) {
      Files.writeString(golden, json, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), json);
    assertEquals(ModelSpecTest.designExample(), ModelSpec.fromJson(json));
  }

  @Test
  void badJsonIsNamedByPath() {
    String json = ModelSpecTest.designExample().toJson();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelSpec.fromJson(json.replace("\"blocks\"", "\"blokcs\"")));
    assertTrue(e.getMessage().contains("did you mean \"blocks\""), e.getMessage());
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
        () -> ModelSpec.fromJson(json.replace("\"dense\",\n", "\"densely\",\n")));
    assertTrue(kind.getMessage().contains("block kind \"densely\" is not known"), kind.getMessage());
    IllegalArgumentException arg = assertThrows(IllegalArgumentException.class,
        () -> ModelSpec.fromJson(json.replace("\"activation\": \"relu\"", "\"activation\": 3")));
    assertTrue(arg.getMessage().startsWith("$.blocks[3].args.activation: dense activation = 3 is not a name"),
        arg.getMessage());
    IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
        () -> ModelSpec.fromJson(json.replace("\"random\"", "\"pretrained\"")));
    assertTrue(weights.getMessage().contains("is \"pretrained\"; choose random, file or imagenet"), weights.getMessage());
  }
}
