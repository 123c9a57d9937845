package org.tune4j.tuning.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.tuning.metrics.Direction;
import org.tune4j.tuning.metrics.MetricSet;

/** writeCsv / read round trips, the CSV files, and the results.json golden file. */
class TuneResultsIoTest {

  @TempDir
  Path dir;

  @Test
  void roundTripWithPredictionsAndNotesIsEqual() throws IOException {
    TuneResults original = ResultsFixtures.resultsWithPredictions();
    TuneResults back = TuneResults.read(original.writeCsv(dir));
    assertEquals(original, back);
    assertEquals(original.hashCode(), back.hashCode());
    assertEquals(original.collectMetrics(), back.collectMetrics());
    assertEquals(original.collectPredictions(), back.collectPredictions());
    assertEquals("loss, it said \"NaN\"\nat epoch 3", back.noteRows().get(0).message());
    assertTrue(Files.exists(dir.resolve("predictions.csv")));
  }

  @Test
  void roundTripWithoutPredictionsWritesNoPredictionsFile() throws IOException {
    TuneResults original = ResultsFixtures.results();
    assertEquals(original, TuneResults.read(original.writeCsv(dir)));
    assertFalse(Files.exists(dir.resolve("predictions.csv")));
  }

  @Test
  void roundTripKeepsId2SpecialDoublesAndUserMetrics() throws IOException {
    MetricSet custom = MetricSet.of(new RecordedMetric("my_score", Direction.MINIMIZE));
    MetricRow row = new MetricRow("Model1", ResultsFixtures.params(0), "Repeat1",
        Optional.of("Fold1"), "my_score", "standard", -0.0);
    MetricRow tiny = new MetricRow("Model1", ResultsFixtures.params(0), "Repeat1",
        Optional.of("Fold2"), "my_score", "standard", Double.MIN_VALUE);
    MetricRow inf = new MetricRow("Model1", ResultsFixtures.params(0), "Repeat2",
        Optional.of("Fold1"), "my_score", "standard", Double.POSITIVE_INFINITY);
    PredictionRow nan = new PredictionRow(0, "Repeat1/Fold1", "Model1", "cat", "cat",
        List.of(Double.NaN, 0.1 + 0.2));
    TuneResults original = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        custom, "fp", List.of(row, tiny, inf), List.of(), List.of(nan));
    TuneResults back = TuneResults.read(original.writeCsv(dir));
    assertEquals(original, back);
    assertEquals(Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(back.metricRows().get(0).estimate()));
    assertEquals(0.1 + 0.2, back.predictionRows().get(0).probabilities().get(1));
    assertEquals(Direction.MINIMIZE, back.metrics().metric("my_score").direction());
  }

  @Test
  void equalityNoticesADifferentEstimate() {
    List<MetricRow> rows = new java.util.ArrayList<>(ResultsFixtures.metricRows());
    rows.set(0, ResultsFixtures.row(2, "Fold4", "brier_class", Math.nextUp(0.20)));
    TuneResults other = TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp-1234", rows, ResultsFixtures.notes(), List.of());
    assertNotEquals(ResultsFixtures.results(), other);
  }

  @Test
  void metricsCsvHoldsExactPerResampleRows() throws IOException {
    TuneResults r = ResultsFixtures.results();
    r.writeCsv(dir);
    List<List<String>> csv = Csv.parse(Files.readString(dir.resolve("metrics.csv")));
    assertEquals(List.of("config", "dense_units", "dropout_rate", "id", "metric", "estimator",
        "estimate"), csv.get(0));
    assertEquals(25, csv.size());
    assertEquals(List.of("Model3", "32", "0.3", "Fold3", "accuracy", "multiclass", "NA"),
        csv.get(21));
    for (int i = 0; i < r.metricRows().size(); i++) {
      assertEquals(Double.doubleToLongBits(r.metricRows().get(i).estimate()),
          Double.doubleToLongBits(Csv.parseNumber(csv.get(i + 1).get(6))), "row " + i);
    }
  }

  @Test
  void notesCsvQuotesCommasQuotesAndLineBreaks() throws IOException {
    ResultsFixtures.results().writeCsv(dir);
    String text = Files.readString(dir.resolve("notes.csv"), StandardCharsets.UTF_8);
    assertEquals("config,id,stage,type,message\n"
        + "Model1,Fold2,fit,warning,\"loss, it said \"\"NaN\"\"\nat epoch 3\"\n"
        + "Model3,Fold3,metrics,warning,\"accuracy is undefined: \"\"no rows\"\", assessment"
        + " set empty\"\n", text);
    List<List<String>> csv = Csv.parse(text);
    assertEquals("loss, it said \"NaN\"\nat epoch 3", csv.get(1).get(4));
  }

  @Test
  void predictionsCsvHasOneColumnPerLevel() throws IOException {
    ResultsFixtures.resultsWithPredictions().writeCsv(dir);
    List<List<String>> csv = Csv.parse(Files.readString(dir.resolve("predictions.csv")));
    assertEquals(List.of("row", "id", "config", "truth", "pred_class", "pred_cat", "pred_dog"),
        csv.get(0));
    assertEquals(List.of("2", "Fold1", "Model2", "dog", "dog", Double.toString(1.0 / 3),
        Double.toString(2.0 / 3)), csv.get(3));
  }

  @Test
  void resultsJsonMatchesTheGoldenFile() throws IOException {
    ResultsFixtures.resultsWithPredictions().writeCsv(dir);
    String json = Files.readString(dir.resolve("results.json"), StandardCharsets.UTF_8);
    ResultsGolden.assertMatches("results.json", json);
    assertEquals(ResultsFixtures.resultsWithPredictions(),
        ResultsJson.fromJson(ResultsGolden.read("results.json")));
  }

  @Test
  void readingADirectoryWithoutResults() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TuneResults.read(dir));
    assertEquals("no results.json in " + dir + "; give a directory written by"
        + " TuneResults.writeCsv", e.getMessage());
  }

  @Test
  void readingResultsOfAnotherVersion() throws IOException {
    Files.writeString(dir.resolve("results.json"), "{\"version\": 2}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TuneResults.read(dir));
    assertEquals(dir.resolve("results.json") + ": $.version is 2; this tune4j reads results"
        + " version 1", e.getMessage());
  }
}
