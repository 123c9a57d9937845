package org.tune4j.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.spec.Tunable.tune;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.models.backbone.Pooling;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.head.HeadLayer;
import org.tune4j.models.head.Optimizer;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;

class SpecCompilerTest {
  @Test
  void aFinalSpecCompilesToBackboneHeadAndFit() {
    ModelSpec spec = ModelSpecTest.designExample()
        .block("extra", Blocks.dense(4, "tanh").repeat(2), "dropout");
    spec = ModelSpec.functional("r").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(42)), "input")
        .block("pool", Blocks.globalAveragePooling(), "base")
        .block("dense", Blocks.dense(8, "relu").repeat(2), "pool")
        .block("dropout", Blocks.dropout(0.5), "dense")
        .block("output", Blocks.softmaxOutput(), "dropout")
        .fit(Fit.epochs(3).batchSize(16).validationSplit(0.1))
        .compile(Compile.optimizer("rmsprop").learnRate(0.001));
    TransferModel m = SpecCompiler.compile(spec, 32, 32, 9);
    assertEquals(Pooling.NONE, m.backbone().pooling());
    assertEquals(32, m.backbone().height());
    assertEquals(HeadInput.GLOBAL_AVERAGE_POOLING, m.head().input());
    assertEquals(List.of(new HeadLayer.Dense(8, "relu"), new HeadLayer.Dense(8, "relu"), new HeadLayer.Dropout(0.5)),
        m.head().layers());
    assertEquals(3, m.fit().epochs());
    assertEquals(16, m.fit().batchSize());
    assertEquals(Optimizer.RMSPROP, m.fit().optimizer());
    assertEquals(0.001, m.fit().learnRate());
    assertEquals(9, m.fit().seed());
  }

  @Test
  void patienceCompilesIntoTheFitAndNeedsAValidationSplit() {
    ModelSpec spec = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1)).with("pooling", "avg"))
        .block("output", Blocks.softmaxOutput())
        .fit(Fit.epochs(20).validationSplit(0.2).patience(3));
    assertEquals(3, SpecCompiler.compile(spec, 32, 32, 1).fit().patience());
    assertEquals(0, SpecCompiler.compile(spec.fit(Fit.epochs(20)), 32, 32, 1).fit().patience(), "off by default");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpecCompiler.compile(spec.fit(Fit.epochs(20).patience(3)), 32, 32, 1));
    assertEquals("spec \"s\": patience = 3 needs a validation split above 0 to watch the validation loss;"
        + " set validationSplit or patience 0", e.getMessage());
    assertTrue(spec.fit(Fit.epochs(20).validationSplit(0.2).patience(tune())).parameters().ids().contains("fit_patience"));
  }

  @Test
  void optimizerOptionsCompileIntoTheFit() {
    ModelSpec spec = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1)).with("pooling", "avg"))
        .block("output", Blocks.softmaxOutput())
        .compile(Compile.optimizer("sgd").learnRate(0.05).momentum(0.9).weightDecay(1e-3).l2(1e-4));
    var fit = SpecCompiler.compile(spec, 32, 32, 1).fit();
    assertEquals(Optimizer.SGD, fit.optimizer());
    assertEquals(new org.tune4j.models.head.OptimizerOptions(1e-4, 0.9, 1e-3), fit.options());
    assertEquals(org.nd4j.linalg.learning.config.Nesterovs.class, fit.updater().getClass());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpecCompiler.compile(spec.compile(Compile.adam().momentum(0.9)), 32, 32, 1));
    assertEquals("spec \"s\": momentum = 0.9 needs optimizer sgd, not adam; set the optimizer to sgd first, or"
        + " momentum 0", e.getMessage());
    assertEquals(List.of("compile_momentum", "compile_weight_decay", "compile_l2"),
        spec.compile(Compile.optimizer("sgd").momentum(tune()).weightDecay(tune()).l2(tune())).parameters().ids());
  }

  @Test
  void repeatZeroRemovesTheBlock() {
    ModelSpec spec = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1)).with("pooling", "avg"))
        .block("dense", Blocks.dense(8).repeat(0))
        .block("output", Blocks.softmaxOutput());
    TransferModel m = SpecCompiler.compile(spec, 32, 32, 1);
    assertEquals(List.of(), m.head().layers());
    assertEquals(HeadInput.FLATTEN, m.head().input());
  }

  @Test
  void shapesThisPathCannotTrainAreNamed() {
    ModelSpec noReduction = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1))).block("output", Blocks.softmaxOutput());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpecCompiler.compile(noReduction, 32, 32, 1))
        .getMessage().contains("the backbone's output is 4-D (pooling \"none\")"));
    ModelSpec doublePool = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1)).with("pooling", "max"))
        .block("gap", Blocks.globalAveragePooling()).block("output", Blocks.softmaxOutput());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpecCompiler.compile(doublePool, 32, 32, 1))
        .getMessage().contains("block \"gap\" pools the backbone's output, but the backbone already pools it"));
    ModelSpec lateFlatten = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1))).block("flat", Blocks.flatten())
        .block("dense", Blocks.dense(3)).block("flat2", Blocks.flatten()).block("output", Blocks.softmaxOutput());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpecCompiler.compile(lateFlatten, 32, 32, 1))
        .getMessage().contains("block \"flat2\": flatten cannot stand here"));
    ModelSpec trainableWithoutReduction = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1)).with("frozen", false)).block("output", Blocks.softmaxOutput());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SpecCompiler.compile(trainableWithoutReduction, 32, 32, 1)).getMessage()
        .contains("the backbone's output is 4-D (pooling \"none\")"), "a trainable backbone keeps every other check");
    ModelSpec sized = ModelSpec.sequential("s").block("input", Blocks.imageInput(64, 64))
        .block("base", Blocks.resnet50(Weights.random(1))).block("flat", Blocks.flatten())
        .block("output", Blocks.softmaxOutput());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SpecCompiler.compile(sized, 32, 32, 1))
        .getMessage().contains("the image input is 64×64 but the images are 32×32"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SpecCompiler.compile(ModelSpecTest.designExample(), 32, 32, 1)).getMessage()
        .contains("still tunes [dense_units, dropout_rate, learn_rate]"));
  }

  @Test
  void preflightFindsTheImpossibleCandidatesAndNamesThem() {
    ModelSpec spec = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1)).with("pooling", tune()))
        .block("gap", Blocks.globalAveragePooling())
        .block("dense", Blocks.dense(tune()))
        .block("output", Blocks.softmaxOutput());
    Grid grid = Grids.regular(spec.parameters(), 2);  // base_pooling {none, avg} × dense_units {1, 10}
    List<Preflight.Failure> failures = Preflight.check(spec, grid, 32, 32, 10);
    List<String> failing = failures.stream().map(Preflight.Failure::configId).toList();
    List<String> expected = grid.candidates().stream().filter(c -> !c.value("base_pooling").equals("none"))
        .map(c -> c.configId()).toList();
    assertEquals(expected, failing);
    assertEquals(2, failing.size());
    assertTrue(failures.get(0).message().contains("block \"gap\" pools the backbone's output"), failures.get(0).message());
    assertTrue(Preflight.describe(failures, grid.size()).startsWith("2 of 4 candidates cannot be built:"));
  }

  @Test
  void preflightShapesMatchTheRealNetwork() {
    var backbone = SpecCompiler.compile(ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1))).block("flat", Blocks.flatten())
        .block("output", Blocks.softmaxOutput()), 64, 64, 1).backbone();
    assertEquals(List.of(2048L, 2L, 2L), java.util.Arrays.stream(Preflight.outputShape(backbone)).boxed().toList());
  }

  @Test
  void gridMustMatchTheSpec() {
    ModelSpec spec = ModelSpecTest.designExample();
    Grid unrelated = Grids.regular(org.tune4j.tuning.params.ParameterSet.of(
        org.tune4j.tuning.params.Parameters.epochs().withId("epochs")), 2);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Preflight.check(spec, unrelated, 32, 32, 10))
        .getMessage().startsWith("grid column \"epochs\" is not a tuned parameter of spec \"resnet_transfer\""));
    Grid partial = Grids.regular(org.tune4j.tuning.params.ParameterSet.of(spec.parameters().get("dense_units")), 2);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Preflight.check(spec, partial, 32, 32, 10))
        .getMessage().startsWith("tuned parameters [dropout_rate, learn_rate] of spec \"resnet_transfer\" have no grid column"));
    ModelSpec narrow = spec.update("dense_units", org.tune4j.tuning.params.Parameters.hiddenUnits(1, 4));
    Grid wide = Grids.regular(spec.parameters(), 2);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Preflight.check(narrow, wide, 32, 32, 10))
        .getMessage().contains("dense_units = 10 of "));
  }

  @Test
  void aTrainableBackboneCompilesToAModelThatCannotBeCutAndSaysWhy() {
    ModelSpec trainable = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1)).with("frozen", false)).block("flat", Blocks.flatten())
        .block("output", Blocks.softmaxOutput());
    TransferModel m = SpecCompiler.compile(trainable, 32, 32, 1);
    assertFalse(m.frozenBackbone());
    assertEquals("its backbone is trainable", m.plainPathReason().orElseThrow());
    assertEquals(HeadInput.FLATTEN, m.head().input());
    assertEquals("its backbone \"base\" is trainable", SpecCompiler.plainPathReason(trainable).orElseThrow());
    ModelSpec frozen = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1))).block("flat", Blocks.flatten())
        .block("output", Blocks.softmaxOutput());
    assertTrue(SpecCompiler.compile(frozen, 32, 32, 1).frozenBackbone());
    assertTrue(SpecCompiler.compile(frozen, 32, 32, 1).plainPathReason().isEmpty());
    assertTrue(SpecCompiler.plainPathReason(frozen).isEmpty());
  }

  @Test
  void aCompiledSpecTrainsAndPredicts() {
    ModelSpec spec = ModelSpecTest.designExample()
        .finalize(Map.of("dense_units", 10, "dropout_rate", 0.0, "learn_rate", 0.01));
    ImageSet train = ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(
        EmbeddedSample.fashionMnist().train().firstPerClass(5), 32, 32)));
    var fitted = SpecCompiler.compile(spec, 32, 32, 3).fit(train, e -> { });
    assertEquals(5, fitted.history().size());
    assertEquals(50, fitted.predict(train).size());
  }
}
