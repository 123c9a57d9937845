package org.tune4j.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tune4j.tuning.spec.Tunable.tune;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.params.NumericParameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.params.Transform;

class ModelSpecTest {
  static ModelSpec designExample() {
    return ModelSpec.functional("resnet_transfer")
        .block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(42)), "input")
        .block("pool", Blocks.globalAveragePooling(), "base")
        .block("dense", Blocks.dense(tune(), "relu"), "pool")
        .block("dropout", Blocks.dropout(tune()), "dense")
        .block("output", Blocks.softmaxOutput(), "dropout")
        .fit(Fit.epochs(5).batchSize(32).validationSplit(0.2))
        .compile(Compile.adam().learnRate(tune()))
        .classification();
  }

  @Test
  void tunedArgumentsGetKerasnipNamesAndDialsRanges() {
    ParameterSet p = designExample().parameters();
    assertEquals(List.of("dense_units", "dropout_rate", "learn_rate"), p.ids());
    assertEquals(Parameters.hiddenUnits().withId("dense_units"), p.get("dense_units"));
    assertEquals(Parameters.dropout().withId("dropout_rate"), p.get("dropout_rate"));
    assertEquals(Parameters.learnRate().withId("learn_rate"), p.get("learn_rate"));
  }

  @Test
  void repetitionFitCompileAndOwnIdsAreParametersToo() {
    ModelSpec spec = ModelSpec.sequential("seq")
        .block("input", Blocks.imageInput(32, 32))
        .block("base", Blocks.resnet50(Weights.random(1)).with("pooling", tune()))
        .block("dense", Blocks.dense(64, tune()).repeat(tune()))
        .block("drop", Blocks.dropout(tune("my_drop")))
        .block("output", Blocks.softmaxOutput())
        .fit(Fit.epochs(tune()).batchSize(tune()))
        .compile(Compile.optimizer(tune()));
    // kerasnip's order: num_*, block arguments, learn_rate, fit_* in keras' fit order, compile_*
    assertEquals(List.of("num_dense", "base_pooling", "dense_activation", "my_drop", "fit_batch_size", "fit_epochs",
        "compile_optimizer"), spec.parameters().ids());
    assertEquals(Parameters.epochs().withId("fit_epochs"), spec.parameters().get("fit_epochs"));
    assertEquals(Parameters.optimizer().withId("compile_optimizer"), spec.parameters().get("compile_optimizer"));
    assertTrue(spec.toString().contains("tuned: num_dense, base_pooling, dense_activation, my_drop"), spec.toString());
  }

  /**
   * kerasnip's {@code collect_spec_args} order, so R's {@code grid_regular(levels = c(3, 2, 2, 2, 2))} over
   * {@code extract_parameter_set_dials(spec)} is this grid: the first parameter varies fastest (expand.grid).
   */
  @Test
  void parametersFollowKerasnipsOrderSoPerParameterLevelsGiveRsGrid() {
    ModelSpec spec = ModelSpec.sequential("seq")
        .block("input", Blocks.imageInput(32, 32))
        .block("base", Blocks.resnet50(Weights.random(1)))
        .block("dense", Blocks.dense(tune(), "relu").repeat(tune()))
        .block("output", Blocks.softmaxOutput())
        .fit(Fit.epochs(tune()).batchSize(tune()).patience(tune()).validationSplit(0.2))
        .compile(Compile.optimizer(tune()).learnRate(tune()))
        .update("dense_units", Parameters.hiddenUnits(8, 16))
        .update("fit_patience", NumericParameter.ofInteger("fit_patience", "Patience", 2, 4, Transform.IDENTITY));
    assertEquals(List.of("num_dense", "dense_units", "learn_rate", "fit_batch_size", "fit_epochs", "fit_patience",
        "compile_optimizer"), spec.parameters().ids());
    Grid grid = Grids.regular(spec.parameters(), new int[] {3, 2, 2, 2, 2, 1, 1});
    assertEquals(48, grid.size());
    // row: num_dense, dense_units, learn_rate, fit_batch_size, fit_epochs
    Object[][] expected = {
        {0, 1, 8, 1e-10, 4, 10}, {1, 2, 8, 1e-10, 4, 10}, {2, 3, 8, 1e-10, 4, 10}, {3, 1, 16, 1e-10, 4, 10},
        {6, 1, 8, 0.1, 4, 10}, {12, 1, 8, 1e-10, 128, 10}, {24, 1, 8, 1e-10, 4, 1000}, {47, 3, 16, 0.1, 128, 1000}};
    for (Object[] row : expected) {
      Candidate c = grid.candidate((int) row[0]);
      assertEquals(row[1], c.intValue("num_dense"), "row " + row[0]);
      assertEquals(row[2], c.intValue("dense_units"), "row " + row[0]);
      assertEquals((double) row[3], c.doubleValue("learn_rate"), 1e-12 * (double) row[3], "row " + row[0]);
      assertEquals(row[4], c.intValue("fit_batch_size"), "row " + row[0]);
      assertEquals(row[5], c.intValue("fit_epochs"), "row " + row[0]);
      assertEquals(2, c.intValue("fit_patience"), "row " + row[0]);
      assertEquals("adam", c.stringValue("compile_optimizer"), "row " + row[0]);
    }
  }

  @Test
  void updateReplacesARange() {
    ModelSpec spec = designExample().update("dense_units", Parameters.hiddenUnits(16, 256));
    assertEquals(NumericParameter.ofInteger("dense_units", "# Hidden Units", 16, 256, Transform.IDENTITY).lowerValue(),
        ((NumericParameter) spec.parameters().get("dense_units")).lowerValue());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> designExample().update("units", Parameters.hiddenUnits()));
    assertEquals("parameter \"units\" is not tuned in spec \"resnet_transfer\"; tuned parameters: [dense_units,"
        + " dropout_rate, learn_rate]", e.getMessage());
  }

  @Test
  void finalizeFillsEveryPlaceholder() {
    ModelSpec spec = designExample();
    assertFalse(spec.isFinal());
    ModelSpec done = spec.finalize(Map.of("dense_units", 8, "dropout_rate", 0.25, "learn_rate", 0.001));
    assertTrue(done.isFinal());
    assertEquals(8, done.blocks().get("dense").arg("units"));
    assertEquals(0.25, done.blocks().get("dropout").arg("rate"));
    assertEquals(List.of(), done.parameters().ids());  // a final spec has no parameters
  }

  @Test
  void finalizeNamesMissingExtraAndOutOfRangeValues() {
    ModelSpec spec = designExample();
    assertEquals("no value for tuned parameter \"learn_rate\" of spec \"resnet_transfer\"; give one value for each"
        + " of [dense_units, dropout_rate, learn_rate]", assertThrows(IllegalArgumentException.class,
            () -> spec.finalize(Map.of("dense_units", 8, "dropout_rate", 0.25))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> spec.finalize(Map.of("dense_units", 8,
        "dropout_rate", 0.25, "learn_rate", 0.001, "epochs", 3))).getMessage()
        .startsWith("value for \"epochs\" does not match a tuned parameter"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> spec.finalize(Map.of("dense_units", 80,
        "dropout_rate", 0.25, "learn_rate", 0.001))).getMessage()
        .startsWith("value dense_units = 80 is outside its range [1, 10]"));
  }

  @Test
  void structureErrorsNameTheBlock() {
    ModelSpec noOutput = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1))).block("flat", Blocks.flatten());
    assertTrue(assertThrows(IllegalArgumentException.class, noOutput::parameters).getMessage()
        .contains("has no block named \"output\""));
    ModelSpec wrongName = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("probs", Blocks.softmaxOutput());
    assertTrue(assertThrows(IllegalArgumentException.class, wrongName::parameters).getMessage()
        .contains("the softmax output block is named \"probs\"; name it \"output\""));
    ModelSpec dangling = ModelSpec.functional("f").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1)), "input")
        .block("side", Blocks.flatten(), "base")
        .block("flat", Blocks.flatten(), "base")
        .block("output", Blocks.softmaxOutput(), "flat");
    assertTrue(assertThrows(IllegalArgumentException.class, dangling::parameters).getMessage()
        .contains("block \"side\" does not lead to the output"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.functional("f")
        .block("input", Blocks.imageInput()).block("d", Blocks.dense(3), "nowhere")).getMessage()
        .contains("reads from \"nowhere\", which is not declared before it"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.functional("f")
        .block("input", Blocks.imageInput()).block("input", Blocks.imageInput())).getMessage()
        .contains("block \"input\" is already in spec"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.functional("f")
        .block("Dense Layer", Blocks.dense(3))).getMessage().contains("block name \"Dense Layer\" must start"));
  }

  @Test
  void argumentErrorsNameTheArgument() {
    assertEquals("dense units = many is not a whole number (or tune())",
        assertThrows(IllegalArgumentException.class, () -> Blocks.dense("many")).getMessage());
    assertEquals("block kind dense has no argument \"unit\"; it takes [units, activation]",
        assertThrows(IllegalArgumentException.class, () -> Blocks.dense(3).with("unit", 4)).getMessage());
    assertEquals("resnet50 weights cannot be tuned; give a value",
        assertThrows(IllegalArgumentException.class, () -> Blocks.resnet50(Weights.random(1)).with("weights", tune()))
            .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Blocks.flatten().repeat(2)).getMessage()
        .startsWith("flatten blocks cannot repeat"));
    assertEquals("fit has no argument \"epoch\"; it takes [epochs, batch_size, validation_split, patience]",
        assertThrows(IllegalArgumentException.class, () -> Fit.defaults().with("epoch", 3)).getMessage());
    ModelSpec clash = ModelSpec.sequential("s").block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(1))).block("flat", Blocks.flatten())
        .block("dense", Blocks.dense(tune())).block("drop", Blocks.dropout(tune("dense_units")))
        .block("output", Blocks.softmaxOutput());
    assertEquals("spec \"s\": two tuned arguments share the id \"dense_units\"; give one of them its own id with"
        + " tune(\"other_id\")", assertThrows(IllegalArgumentException.class, clash::parameters).getMessage());
  }

  @Test
  void equalSpecsAreEqual() {
    assertEquals(designExample(), designExample());
    assertEquals(designExample().hashCode(), designExample().hashCode());
    assertFalse(designExample().equals(designExample().fit(Fit.epochs(6))));
  }
}
