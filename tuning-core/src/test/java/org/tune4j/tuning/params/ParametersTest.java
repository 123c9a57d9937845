package org.tune4j.tuning.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTest {

  private static final double TOL = 1e-12;

  @Test
  void defaultsMatchDials() {
    assertEquals(NumericParameter.ofInteger("hidden_units", "# Hidden Units", 1, 10,
        Transform.IDENTITY), Parameters.hiddenUnits());
    NumericParameter dropout = Parameters.dropout();
    assertEquals(0.0, dropout.lower(), TOL);
    assertEquals(1.0, dropout.upper(), TOL);
    assertTrue(dropout.lowerInclusive());
    assertFalse(dropout.upperInclusive());
    assertEquals("[0, 1)", dropout.describeValues());
    assertEquals(10, Parameters.epochs().lowerValue(), TOL);
    assertEquals(1000, Parameters.epochs().upperValue(), TOL);
    assertEquals(4, Parameters.batchSize().lowerValue(), TOL);
    assertEquals(128, Parameters.batchSize().upperValue(), TOL);
    assertEquals(NumericType.INTEGER, Parameters.batchSize().type());
    assertEquals(1e-10, Parameters.learnRate().lowerValue(), 1e-22);
    assertEquals(0.1, Parameters.learnRate().upperValue(), TOL);
    assertEquals("[1e-10, 0.1] (log-10 scale [-10, -1])",
        Parameters.learnRate().describeValues());
    assertEquals(1.0, Parameters.penalty().upperValue(), TOL);
    assertEquals(List.of("relu", "sigmoid", "tanh", "elu", "gelu", "linear"),
        Parameters.activation().values());
    assertEquals(List.of("adam", "sgd", "rmsprop"), Parameters.optimizer().values());
  }

  @Test
  void allowsRespectsEndsTransformAndType() {
    assertTrue(Parameters.dropout().allows(0.0));
    assertFalse(Parameters.dropout().allows(1.0));
    assertTrue(Parameters.learnRate().allows(0.01));
    assertFalse(Parameters.learnRate().allows(0.5));
    assertFalse(Parameters.learnRate().allows(-1.0));
    assertTrue(Parameters.hiddenUnits().allows(10));
    assertFalse(Parameters.hiddenUnits().allows(2.5));
    assertFalse(Parameters.hiddenUnits().allows("2"));
    assertTrue(Parameters.activation().allows("gelu"));
    assertFalse(Parameters.activation().allows("swish"));
  }

  @Test
  void valueSeqFollowsDialsFormulas() {
    List<Object> lr = Parameters.learnRate().valueSeq(3);
    assertEquals(3, lr.size());
    assertEquals(1e-10, (Double) lr.get(0), 1e-22);
    assertEquals(Math.pow(10, -5.5), (Double) lr.get(1), 1e-18);
    assertEquals(0.1, (Double) lr.get(2), TOL);
    assertEquals(List.of(1, 4, 7, 10), Parameters.hiddenUnits().valueSeq(4));
    // seq(1, 3, length.out = 5) = 1, 1.5, 2, 2.5, 3 -> floor, unique
    assertEquals(List.of(1, 2, 3), Parameters.hiddenUnits(1, 3).valueSeq(5));
    // 2^2, floor(2^4.5 = 22.6), 2^7
    assertEquals(List.of(4, 22, 128), Parameters.batchSize().valueSeq(3));
    assertEquals(List.of(0.0), Parameters.dropout().valueSeq(1));
    assertEquals(List.of(1), Parameters.hiddenUnits().valueSeq(1));
    assertEquals(List.of("relu", "sigmoid"), Parameters.activation().valueSeq(2));
    assertEquals(Parameters.OPTIMIZER_VALUES, Parameters.optimizer().valueSeq(10));
  }

  /**
   * dials 1.4's {@code value_seq}: an excluded double end moves in by
   * {@code e = .Machine$double.eps}, an excluded integer end by one. Expected values printed by R
   * 4.2 with {@code sprintf("%.17g", ...)} from the expressions in the comments.
   */
  @Test
  void valueSeqMovesExcludedEndsInsideAsDials14() {
    NumericParameter rate = NumericParameter.ofDouble("dropout_rate", "Dropout", 0, 0.4,
        Transform.IDENTITY).withInclusive(true, false);
    // seq(0, 0.4 - e, length.out = 2): the user's 0.4, as near as the open end allows
    assertEquals(List.of(0.0, 0.3999999999999998), rate.valueSeq(2));
    // seq(0, 1 - e, length.out = 3)
    assertEquals(List.of(0.0, 0.49999999999999989, 0.99999999999999978),
        Parameters.dropout().valueSeq(3));
    // seq(0 + e, 1 - e, length.out = 3)
    assertEquals(List.of(2.2204460492503131e-16, 0.5, 0.99999999999999978),
        Parameters.dropout().withInclusive(false, false).valueSeq(3));
    // seq(0.1 + e, 0.5, length.out = 5)
    assertEquals(List.of(0.10000000000000023, 0.20000000000000018, 0.30000000000000016,
        0.40000000000000002, 0.5), NumericParameter.ofDouble("p", "p", 0.1, 0.5,
            Transform.IDENTITY).withInclusive(false, true).valueSeq(5));
    // 10^seq(-4, -1 - e, length.out = 4): the end moves on the transformed scale
    assertEquals(List.of(0.0001, 0.001, 0.01, 0.09999999999999995),
        Parameters.learnRate().withRange(-4, -1).withInclusive(true, false).valueSeq(4));
    // floor(seq(1, 10 - 1, length.out = 4))
    assertEquals(List.of(1, 3, 6, 9),
        Parameters.hiddenUnits().withInclusive(true, false).valueSeq(4));
    // floor(seq(1 + 1, 10, length.out = 3))
    assertEquals(List.of(2, 6, 10),
        Parameters.hiddenUnits().withInclusive(false, true).valueSeq(3));
    // floor(seq(16, 256 - 1, length.out = 5))
    assertEquals(List.of(16, 75, 135, 195, 255),
        Parameters.hiddenUnits(16, 256).withInclusive(true, false).valueSeq(5));
    // floor(2^seq(2, 7 - 1, length.out = 3)): the integer end moves by one on the log-2 scale
    assertEquals(List.of(4, 16, 64),
        Parameters.batchSize().withInclusive(true, false).valueSeq(3));
  }

  /** seq(0, 1000 - e, length.out = 2) is 0, 1000 in R (1000 - e == 1000): we stay inside. */
  @Test
  void valueSeqKeepsALargeExcludedEndOutWhereDialsCannot() {
    NumericParameter wide = NumericParameter.ofDouble("w", "w", 0, 1000, Transform.IDENTITY)
        .withInclusive(false, false);
    assertEquals(List.of(2.2204460492503131e-16, Math.nextDown(1000.0)), wide.valueSeq(2));
    assertTrue(wide.valueSeq(7).stream().allMatch(wide::allows));
  }

  @Test
  void fromUnitStaysInRange() {
    assertEquals(1, Parameters.hiddenUnits().fromUnit(0.0));
    assertEquals(10, Parameters.hiddenUnits().fromUnit(1.0));
    assertEquals(10, Parameters.hiddenUnits().fromUnit(0.95));
    assertTrue(Parameters.dropout().allows(Parameters.dropout().fromUnit(1.0)));
    assertEquals("linear", Parameters.activation().fromUnit(1.0));
    assertEquals("relu", Parameters.activation().fromUnit(0.0));
    NumericParameter awkward = NumericParameter.ofInteger("k", "k", 0.5, 1, Transform.LOG10);
    assertTrue(awkward.allows(awkward.fromUnit(0.0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Parameters.dropout().fromUnit(1.5));
    assertEquals("unit position for parameter \"dropout\" is 1.5; give a value in [0, 1]",
        e.getMessage());
  }

  @Test
  void withersChangeOneThing() {
    NumericParameter units = Parameters.hiddenUnits(16, 256).withId("dense_units");
    assertEquals("dense_units", units.id());
    assertEquals("# Hidden Units", units.label());
    assertEquals(256, units.upperValue(), TOL);
    assertEquals(2.0, units.withRange(2, 3).lower(), TOL);
    assertTrue(Parameters.dropout().withInclusive(true, true).allows(1.0));
    assertEquals("Units", units.withLabel("Units").label());
    assertEquals(List.of("relu"), Parameters.activation().withValues(List.of("relu")).values());
  }

  @Test
  void invalidParametersAreRejectedWithClearMessages() {
    assertMessage("parameter id \"1x\" is not valid; use letters, digits, '_' and '.', "
        + "starting with a letter", () -> Parameters.dropout().withId("1x"));
    assertMessage("label of parameter \"dropout\" is \" \"; give a non-blank label",
        () -> Parameters.dropout().withLabel(" "));
    assertMessage("range of parameter \"hidden_units\" is [10, 1]; give finite ends with "
        + "lower < upper (or equal ends, both inclusive)", () -> Parameters.hiddenUnits(10, 1));
    assertMessage("range of parameter \"x\" is [0, NaN]; give finite ends with lower < upper "
        + "(or equal ends, both inclusive)",
        () -> NumericParameter.ofDouble("x", "x", 0, Double.NaN, Transform.IDENTITY));
    assertMessage("integer parameter \"k\" with range [2.2, 2.8] contains no whole number; "
        + "widen the range",
        () -> NumericParameter.ofInteger("k", "k", 2.2, 2.8, Transform.IDENTITY));
    assertMessage("parameter \"x\": type is null and transform is IDENTITY; give both "
        + "(e.g. DOUBLE, IDENTITY)",
        () -> new NumericParameter("x", "x", null, 0, 1, true, true, Transform.IDENTITY));
    assertMessage("values of parameter \"act\" are []; give at least one value",
        () -> QualitativeParameter.of("act", "Act", List.of()));
    assertMessage("values of parameter \"act\" are [relu, relu]; give distinct non-blank "
        + "strings (\"relu\" is not)",
        () -> QualitativeParameter.of("act", "Act", List.of("relu", "relu")));
    assertMessage("levels for parameter \"learn_rate\" is 0; give at least 1",
        () -> Parameters.learnRate().valueSeq(0));
    assertMessage("levels for parameter \"activation\" is -1; give at least 1",
        () -> Parameters.activation().valueSeq(-1));
  }

  static void assertMessage(String expected, Runnable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
    assertEquals(expected, e.getMessage());
  }
}
