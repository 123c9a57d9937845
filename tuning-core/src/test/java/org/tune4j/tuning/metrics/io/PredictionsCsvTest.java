package org.tune4j.tuning.metrics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.metrics.ClassPredictions;

class PredictionsCsvTest {

  private static ClassPredictions read(String csv) throws IOException {
    return PredictionsCsv.read(new StringReader(csv), "p.csv", "label",
        ClassPredictions.DEFAULT_SUM_TOLERANCE);
  }

  private static PredictionsCsvException fails(String csv) {
    return assertThrows(PredictionsCsvException.class, () -> read(csv));
  }

  @Test
  void readsTuneLayoutIgnoringOtherColumns() throws IOException {
    ClassPredictions p = read("row,id,label,pred_class,pred_cat,pred_dog\n"
        + "1,Fold1,dog,dog,0.25,0.75\r\n"
        + "2,Fold1,cat,dog,0.4,0.6\n\n");
    assertEquals(List.of("cat", "dog"), p.levels());
    assertEquals(2, p.size());
    assertEquals(1, p.truth(0));
    assertEquals(0, p.truth(1));
    assertEquals(0.4, p.probability(1, 0));
  }

  @Test
  void roundTripsThroughWriter() throws IOException {
    ClassPredictions p = ClassPredictions.fromProbabilities(List.of("x,1", "y\"2", "z"),
        new int[] {0, 2}, new double[][] {{0.1, 0.2, 0.7}, {1.0 / 3, 1.0 / 3, 1.0 / 3}});
    StringWriter w = new StringWriter();
    PredictionsCsv.write(p, "label", w);
    ClassPredictions back = read(w.toString());
    assertEquals(p.levels(), back.levels());
    for (int row = 0; row < 2; row++) {
      assertEquals(p.truth(row), back.truth(row));
      assertEquals(p.predicted(row), back.predicted(row));
      for (int k = 0; k < 3; k++) {
        assertEquals(p.probability(row, k), back.probability(row, k)); // bit-exact
      }
    }
  }

  @Test
  void classOnlyFileTakesSortedLevels() throws IOException {
    ClassPredictions p = read("label,pred_class\nb,a\na,a\n");
    assertEquals(List.of("a", "b"), p.levels());
    assertFalse(p.hasProbabilities());
  }

  @Test
  void missingTruthColumnListsTheColumns() {
    PredictionsCsvException e = fails("truth,pred_class,pred_a,pred_b\na,a,1,0\n");
    assertEquals("p.csv: line 1 (header), column \"label\": no such column (the truth column"
        + " you named); the columns are: truth, pred_class, pred_a, pred_b", e.getMessage());
  }

  @Test
  void probabilitiesNotSummingToOneNameRowAndColumns() {
    PredictionsCsvException e = fails("label,pred_class,pred_a,pred_b\na,a,0.5,0.5\n"
        + "b,b,0.5,0.4\n");
    assertEquals(3, e.line());
    assertEquals(2, e.dataRow());
    assertEquals("pred_a..pred_b", e.column());
    assertTrue(e.getMessage().contains("sum to 0.9"), e.getMessage());
  }

  @Test
  void unknownLevelNamesRowAndColumn() {
    PredictionsCsvException e = fails("label,pred_class,pred_a,pred_b\na,a,1,0\nc,a,1,0\n");
    assertEquals("p.csv: line 3 (data row 2), column \"label\": level \"c\" is not one of the"
        + " levels a, b (taken from the pred_<level> columns)", e.getMessage());
  }

  @Test
  void badNumberAndWrongFieldCountAreNamed() {
    PredictionsCsvException number = fails("label,pred_class,pred_a,pred_b\na,a,x,0\n");
    assertEquals("pred_a", number.column());
    assertTrue(number.getMessage().contains("\"x\" is not a probability"), number.getMessage());
    PredictionsCsvException fields = fails("label,pred_class,pred_a,pred_b\na,a,1\n");
    assertTrue(fields.getMessage().contains("line 2 (data row 1): the row has 3 fields"),
        fields.getMessage());
  }

  @Test
  void quotedLineBreaksKeepLineNumbersRight() {
    PredictionsCsvException e = fails("label,pred_class,pred_a,pred_b\n\"a\",a,1,0\n"
        + "\"b\nx\",a,1,0\nb,a,0.2,0.2\n");
    assertEquals(5, e.line());
    assertEquals(3, e.dataRow());
  }

  @Test
  void missingValueAndEmptyFileAreErrors() {
    assertTrue(fails("label,pred_class,pred_a,pred_b\nNA,a,1,0\n").getMessage()
        .contains("missing"));
    assertTrue(fails("").getMessage().contains("empty"));
    assertTrue(fails("label,pred_class,pred_a,pred_b\n").getMessage().contains("no rows"));
  }
}
