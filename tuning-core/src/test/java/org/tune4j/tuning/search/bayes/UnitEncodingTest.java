package org.tune4j.tuning.search.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.params.Parameter;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.params.Parameters;
import org.tune4j.tuning.params.QualitativeParameter;

class UnitEncodingTest {

  private static final double TOL = 1e-12;
  private static final ParameterSet MIXED = ParameterSet.of(Parameters.learnRate(),
      Parameters.hiddenUnits(), Parameters.batchSize(), Parameters.dropout(),
      Parameters.activation());
  private static final UnitEncoding ENC = UnitEncoding.of(MIXED);

  private static Map<String, Object> values(double learnRate, int units, int batch,
      double dropout, String activation) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("learn_rate", learnRate);
    m.put("hidden_units", units);
    m.put("batch_size", batch);
    m.put("dropout", dropout);
    m.put("activation", activation);
    return m;
  }

  @Test
  void numericValuesAreScaledOnTheTransformedRange() {
    UnitPoint p = ENC.encode(values(1e-4, 4, 32, 0.25, "relu"));
    assertEquals(6.0 / 9.0, p.get(0), TOL);          // (log10(1e-4) + 10) / 9
    assertEquals(3.0 / 9.0, p.get(1), TOL);          // (4 - 1) / 9
    assertEquals(3.0 / 5.0, p.get(2), TOL);          // (log2(32) - 2) / 5
    assertEquals(0.25, p.get(3), TOL);
  }

  @Test
  void logScaleRoundTrips() {
    for (double lr : new double[] {1e-10, 3.3e-7, 1e-4, 0.05, 0.1}) {
      Map<String, Object> back = ENC.decode(ENC.encode(values(lr, 1, 4, 0, "relu")));
      assertEquals(lr, (Double) back.get("learn_rate"), lr * 1e-12);
    }
  }

  @Test
  void integersRoundTripAndRoundAsDials() {
    for (int units = 1; units <= 10; units++) {
      for (int batch = 4; batch <= 128; batch++) {
        Map<String, Object> v = values(0.01, units, batch, 0.5, "tanh");
        assertEquals(v, ENC.decode(ENC.encode(v)));
      }
    }
    // 1 + 0.3 * 9 = 3.7 rounds to 4 (dials rounds; grid sampling would floor)
    assertEquals(4, ENC.decode(UnitPoint.of(0.5, 0.3, 0, 0, 0)).get("hidden_units"));
    // 2^(2 + 0.5 * 5) = 22.6 rounds to 23
    assertEquals(23, ENC.decode(UnitPoint.of(0.5, 0.3, 0.5, 0, 0)).get("batch_size"));
  }

  @Test
  void qualitativeValuesAreEvenlySpacedAndCutIntoBins() {
    QualitativeParameter three = QualitativeParameter.of("act", "Act",
        List.of("relu", "tanh", "elu"));
    UnitEncoding enc = UnitEncoding.of(ParameterSet.of(three));
    assertEquals(0.0, enc.encode(Map.of("act", "relu")).get(0));
    assertEquals(0.5, enc.encode(Map.of("act", "tanh")).get(0));
    assertEquals(1.0, enc.encode(Map.of("act", "elu")).get(0));
    assertEquals("relu", enc.decode(UnitPoint.of(0.0)).get("act"));
    assertEquals("relu", enc.decode(UnitPoint.of(1.0 / 3.0)).get("act"));
    assertEquals("tanh", enc.decode(UnitPoint.of(0.34)).get("act"));
    assertEquals("tanh", enc.decode(UnitPoint.of(0.66)).get("act"));
    assertEquals("elu", enc.decode(UnitPoint.of(0.67)).get("act"));
    for (String v : three.values()) {
      assertEquals(v, enc.decode(enc.encode(Map.of("act", v))).get("act"));
    }
    assertEquals(3, enc.levelCount(0));
    assertTrue(enc.isQualitative(0));
  }

  @Test
  void aSingleLevelEncodesAsZero() {
    UnitEncoding enc = UnitEncoding.of(ParameterSet.of(QualitativeParameter.of("opt", "Opt",
        List.of("adam"))));
    assertEquals(UnitPoint.of(0.0), enc.encode(Map.of("opt", "adam")));
    assertEquals("adam", enc.decode(UnitPoint.of(0.7)).get("opt"));
  }

  @Test
  void anExcludedEndDecodesInside() {
    Object dropout = ENC.decode(UnitPoint.of(0, 0, 0, 1.0, 0)).get("dropout");
    assertTrue(Parameters.dropout().allows(dropout));
    assertTrue((Double) dropout < 1.0 && (Double) dropout > 0.999);
  }

  @Property(tries = 200)
  void decodedValuesAreAllowedAndSnapIsIdempotent(
      @ForAll @DoubleRange(min = 0, max = 1) double a, @ForAll @DoubleRange(min = 0, max = 1)
      double b, @ForAll @DoubleRange(min = 0, max = 1) double c,
      @ForAll @DoubleRange(min = 0, max = 1) double d,
      @ForAll @DoubleRange(min = 0, max = 1) double e) {
    UnitPoint p = UnitPoint.of(a, b, c, d, e);
    Map<String, Object> v = ENC.decode(p);
    for (Parameter param : MIXED) {
      assertTrue(param.allows(v.get(param.id())), param.id() + " = " + v.get(param.id()));
    }
    UnitPoint snapped = ENC.snap(p);
    assertEquals(snapped, ENC.snap(snapped));
    assertEquals(v, ENC.decode(snapped));
  }

  @Test
  void badInputsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ENC.encode(Map.of("learn_rate", 0.01)));
    assertEquals("values have ids [learn_rate]; give exactly one value for each of: "
        + "learn_rate, hidden_units, batch_size, dropout, activation", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ENC.encode(values(0.5, 4, 32, 0.1, "relu")));
    assertEquals("value 0.5 of parameter \"learn_rate\" is not allowed; give one of: "
        + Parameters.learnRate().describeValues(), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ENC.decode(UnitPoint.of(0.5)));
    assertEquals("point [0.5] has 1 coordinates; give 5 (one per parameter: learn_rate, "
        + "hidden_units, batch_size, dropout, activation)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> UnitPoint.of(0.5, 1.5));
    assertEquals("coordinate 1 is 1.5; give values in [0, 1]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ENC.levelIndex(0, 0.5));
    assertEquals("coordinate 0 (\"learn_rate\") is numeric; levels exist for qualitative "
        + "parameters only", e.getMessage());
  }
}
