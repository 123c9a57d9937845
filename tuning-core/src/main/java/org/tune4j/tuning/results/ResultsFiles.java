package org.tune4j.tuning.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes and reads a results directory: {@code metrics.csv}, {@code notes.csv},
 * {@code predictions.csv} (when there are predictions) and {@code results.json}. The CSV files
 * are for people and other tools (R's {@code read.csv}, pandas); {@code results.json} holds
 * everything and is what {@link #read} loads. Each file is written to a temporary file and renamed
 * over the old one, {@code results.json} last, so a process stopped mid-write never leaves a
 * half-written file. Stateless.
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
    writeAtomically(dir.resolve(JSON), ResultsJson.toJson(results));
  }

  /**
   * Writes {@code text} to a temporary file beside {@code file}, then renames it over {@code file}, so
   * a process stopped mid-write leaves the old file or the new one, never half of one.
   */
  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
    writeAtomically(file, sb.toString());
  }
}
