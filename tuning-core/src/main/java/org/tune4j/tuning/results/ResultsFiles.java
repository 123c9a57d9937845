package org.tune4j.tuning.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes and reads a results directory: {@code metrics.csv}, {@code notes.csv},
 * {@code predictions.csv} (when there are predictions) and {@code results.json}. The CSV files
 * are for people and other tools (R's {@code read.csv}, pandas); {@code results.json} holds
 * everything and is what {@link #read} loads. Stateless.
 */
final class ResultsFiles {

  static final String METRICS = "metrics.csv";
  static final String NOTES = "notes.csv";
  static final String PREDICTIONS = "predictions.csv";
  static final String JSON = "results.json";

  private ResultsFiles() {}

  static void write(TuneResults results, Path dir) throws IOException {
    Files.createDirectories(dir);
    writeCsv(dir.resolve(METRICS), results.collectMetrics(false));
    writeCsv(dir.resolve(NOTES), results.notes());
    Path predictions = dir.resolve(PREDICTIONS);
    if (results.predictionRows().isEmpty()) {
      Files.deleteIfExists(predictions);
    } else {
      writeCsv(predictions, results.collectPredictions());
    }
    Files.writeString(dir.resolve(JSON), ResultsJson.toJson(results), StandardCharsets.UTF_8);
  }

  static TuneResults read(Path dir) throws IOException {
    Path json = dir.resolve(JSON);
    if (!Files.isRegularFile(json)) {
      throw new IllegalArgumentException("no " + JSON + " in " + dir + "; give a directory"
          + " written by TuneResults.writeCsv");
    }
    try {
      return ResultsJson.fromJson(Files.readString(json, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(json + ": " + e.getMessage(), e);
    }
  }

  private static void writeCsv(Path file, Table table) throws IOException {
    StringBuilder sb = new StringBuilder(Csv.line(table.names()));
    for (List<Object> row : table.rows()) {
      sb.append(Csv.line(row));
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }
}
