package org.tune4j.tuning.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tune4j.tuning.params.ParametersTest.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterSetTest {

  private final ParameterSet params = ParameterSet.of(
      Parameters.hiddenUnits().withId("dense_units"),
      Parameters.dropout().withId("dropout_rate"),
      Parameters.learnRate());

  @Test
  void keepsOrderAndLooksUpById() {
    assertEquals(List.of("dense_units", "dropout_rate", "learn_rate"), params.ids());
    assertEquals(3, params.size());
    assertEquals("Dropout Rate", params.get("dropout_rate").label());
    assertEquals("learn_rate", params.get(2).id());
  }

  @Test
  void updateReturnsChangedCopyKeepingIdAndPosition() {
    ParameterSet updated = params.update("dense_units", Parameters.hiddenUnits(16, 256));
    assertEquals(params.ids(), updated.ids());
    assertEquals(256.0, ((NumericParameter) updated.get("dense_units")).upperValue(), 0.0);
    assertEquals(10.0, ((NumericParameter) params.get("dense_units")).upperValue(), 0.0);
    assertNotEquals(params, updated);
  }

  @Test
  void errorsNameTheKnownIds() {
    assertMessage("parameter id \"units\" is not in the parameter set; choose from: "
        + "dense_units, dropout_rate, learn_rate",
        () -> params.update("units", Parameters.hiddenUnits()));
    assertMessage("parameter id \"units\" is not in the parameter set; choose from: "
        + "dense_units, dropout_rate, learn_rate", () -> params.get("units"));
    assertMessage("parameter id \"dropout\" appears twice; ids must be unique (rename one with"
        + " withId)", () -> ParameterSet.of(Parameters.dropout(), Parameters.dropout()));
    assertEquals(0, ParameterSet.of(List.of()).size(), "a final spec's parameters are empty");
    assertMessage("parameters are []; a grid needs at least one parameter (a spec with nothing to tune is"
        + " fitted with fitResamples)", () -> org.tune4j.tuning.grid.Grids.regular(ParameterSet.of(List.of()), 3));
    assertMessage("new parameter for \"learn_rate\" is null; give a parameter object",
        () -> params.update("learn_rate", null));
  }
}
