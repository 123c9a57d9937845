package org.tune4j.tuning.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassPredictionsTest {

  private static final List<String> AB = List.of("a", "b");

  @Test
  void rowThatDoesNotSumToOneIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassPredictions.of(AB, new int[] {0, 1}, new int[] {0, 1},
            new double[][] {{0.5, 0.5}, {0.5, 0.4}}));
    assertTrue(e.getMessage().startsWith("probabilities row 1 sums to 0.9"), e.getMessage());
  }

  @Test
  void toleranceIsHonoured() {
    double[][] slightlyOff = {{0.5, 0.5001}};
    assertThrows(IllegalArgumentException.class,
        () -> ClassPredictions.of(AB, new int[] {0}, new int[] {0}, slightlyOff));
    assertEquals(1, ClassPredictions.of(AB, new int[] {0}, new int[] {0}, slightlyOff, 1e-3)
        .size());
  }

  @Test
  void levelCountMustMatchProbabilityColumns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassPredictions.of(List.of("a", "b", "c"), new int[] {0}, new int[] {0},
            new double[][] {{0.5, 0.5}}));
    assertTrue(e.getMessage().contains("row 0 has 2 columns"), e.getMessage());
  }

  @Test
  void classIndexOutOfRangeIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassPredictions.ofClasses(AB, new int[] {0, 2}, new int[] {0, 1}));
    assertEquals("truth row 1 is class index 2; expected 0..1 (one per level)", e.getMessage());
  }

  @Test
  void levelsMustBeDistinctAndAtLeastTwo() {
    assertThrows(IllegalArgumentException.class,
        () -> ClassPredictions.ofClasses(List.of("a"), new int[] {0}, new int[] {0}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassPredictions.ofClasses(List.of("a", "a"), new int[] {0}, new int[] {0}));
    assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
  }

  @Test
  void negativeOrNaNProbabilityIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassPredictions.of(AB, new int[] {0}, new int[] {0},
            new double[][] {{1.5, -0.5}}));
    assertTrue(e.getMessage().contains("row 0, level \"a\" is 1.5"), e.getMessage());
  }

  @Test
  void inputsAreCopied() {
    int[] truth = {0, 1};
    double[][] probs = {{0.9, 0.1}, {0.3, 0.7}};
    ClassPredictions p = ClassPredictions.fromProbabilities(AB, truth, probs);
    truth[0] = 1;
    probs[0][0] = 0;
    assertEquals(0, p.truth(0));
    assertEquals(0.9, p.probability(0, 0));
    assertEquals(1, p.predicted(1));
  }
}
