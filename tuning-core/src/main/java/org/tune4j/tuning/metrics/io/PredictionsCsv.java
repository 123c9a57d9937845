package org.tune4j.tuning.metrics.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.tune4j.tuning.csv.CsvFormatException;
import org.tune4j.tuning.csv.CsvRecords;
import org.tune4j.tuning.metrics.ClassPredictions;

/**
 * Reads and writes predictions as CSV in the layout tuning results use: a truth column (its
 * name is yours), {@code pred_class}, and one probability column {@code pred_<level>} per
 * level (tidymodels' {@code .pred_class} / {@code .pred_<level>} are accepted too). Other
 * columns ({@code row}, {@code id}, {@code config}...) are ignored.
 *
 * <p>The levels are the probability columns' levels in column order, so the first
 * {@code pred_<level>} column is the event of a binary problem. Without probability columns
 * the levels are the distinct truth and predicted values in sorted order (R's
 * {@code factor()} default). Every error names the file line, the data row and the column.
 *
 * <pre>{@code
 * ClassPredictions p = PredictionsCsv.read(Path.of("predictions.csv"), "label");
 * PredictionsCsv.write(p, "label", Path.of("copy.csv"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PredictionsCsv {

  /** Name of the predicted-class column. */
  public static final String PRED_CLASS = "pred_class";

  /** Prefix of the probability columns. */
  public static final String PROBABILITY_PREFIX = "pred_";

  private PredictionsCsv() {}

  /** Reads a file with rows summing to 1 within {@link ClassPredictions#DEFAULT_SUM_TOLERANCE}. */
  public static ClassPredictions read(Path file, String truthColumn) throws IOException {
    return read(file, truthColumn, ClassPredictions.DEFAULT_SUM_TOLERANCE);
  }

  /**
   * Reads a UTF-8 file.
   *
   * @throws PredictionsCsvException naming line, row and column of a malformed file
   */
  public static ClassPredictions read(Path file, String truthColumn, double sumTolerance)
      throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString(), truthColumn, sumTolerance);
    }
  }

  /**
   * Reads CSV text.
   *
   * @param source how errors name the input, e.g. a file name
   * @throws PredictionsCsvException naming line, row and column of malformed input
   */
  public static ClassPredictions read(Reader reader, String source, String truthColumn,
      double sumTolerance) throws IOException {
    try {
      return readRecords(reader, source, truthColumn, sumTolerance);
    } catch (CsvFormatException e) {
      throw new PredictionsCsvException(source, e.line(), e.dataRow(), null, e.problem());
    }
  }

  private static ClassPredictions readRecords(Reader reader, String source, String truthColumn,
      double sumTolerance) throws IOException {
    Objects.requireNonNull(truthColumn, "truthColumn");
    CsvRecords records = new CsvRecords(Objects.requireNonNull(reader, "reader"), source);
    List<String> header = records.next();
    if (header == null) {
      throw new PredictionsCsvException(source, 1, 0, null,
          "the file is empty; expected a header with " + truthColumn + ", pred_class and"
              + " pred_<level> columns");
    }
    Layout layout = Layout.of(header, truthColumn, source);
    List<String[]> rows = new ArrayList<>();
    List<double[]> probabilities = new ArrayList<>();
    List<int[]> lines = new ArrayList<>();
    for (List<String> rec = records.next(); rec != null; rec = records.next()) {
      int line = records.recordLine();
      int row = records.dataRow();
      if (rec.size() != header.size()) {
        throw new PredictionsCsvException(source, line, row, null, "the row has " + rec.size()
            + " fields but the header has " + header.size() + "; give one field per column");
      }
      rows.add(new String[] {
          value(rec, layout.truth, header, source, line, row),
          value(rec, layout.predClass, header, source, line, row)});
      if (!layout.probabilities.isEmpty()) {
        probabilities.add(layout.probabilities(rec, header, source, line, row, sumTolerance));
      }
      lines.add(new int[] {line, row});
    }
    if (rows.isEmpty()) {
      throw new PredictionsCsvException(source, 1, 0, null, "the file has a header but no rows");
    }
    List<String> levels = layout.levels.isEmpty() ? sortedLevels(rows) : layout.levels;
    return build(levels, rows, probabilities, lines, header, layout, source, sumTolerance);
  }

  /** Writes predictions to a UTF-8 file, replacing it. */
  public static void write(ClassPredictions predictions, String truthColumn, Path file)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(predictions, truthColumn, w);
    }
  }

  /** Writes predictions as CSV: header, then one line per row; probabilities round-trip. */
  public static void write(ClassPredictions predictions, String truthColumn, Writer out)
      throws IOException {
    Objects.requireNonNull(predictions, "predictions");
    if (truthColumn == null || truthColumn.isBlank() || truthColumn.equals(PRED_CLASS)
        || truthColumn.startsWith(PROBABILITY_PREFIX)) {
      throw new IllegalArgumentException("truth column name \"" + truthColumn + "\" must be"
          + " non-blank and must not start with \"" + PROBABILITY_PREFIX + "\"; e.g. truth");
    }
    List<String> levels = predictions.levels();
    StringBuilder sb = new StringBuilder();
    sb.append(CsvRecords.quote(truthColumn)).append(',').append(PRED_CLASS);
    if (predictions.hasProbabilities()) {
      for (String l : levels) {
        sb.append(',').append(CsvRecords.quote(PROBABILITY_PREFIX + l));
      }
    }
    out.write(sb.append('\n').toString());
    for (int row = 0; row < predictions.size(); row++) {
      sb.setLength(0);
      sb.append(CsvRecords.quote(levels.get(predictions.truth(row)))).append(',')
          .append(CsvRecords.quote(levels.get(predictions.predicted(row))));
      if (predictions.hasProbabilities()) {
        for (int k = 0; k < levels.size(); k++) {
          sb.append(',').append(predictions.probability(row, k));
        }
      }
      out.write(sb.append('\n').toString());
    }
    out.flush();
  }

  private static ClassPredictions build(List<String> levels, List<String[]> rows,
      List<double[]> probabilities, List<int[]> lines, List<String> header, Layout layout,
      String source, double sumTolerance) {
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < levels.size(); k++) {
      index.put(levels.get(k), k);
    }
    if (levels.size() < 2) {
      throw new PredictionsCsvException(source, 1, 0, null, "only one level (" + levels
          + ") occurs; metrics need at least 2 levels, e.g. pred_<level> columns for each");
    }
    int n = rows.size();
    int[] truth = new int[n];
    int[] predicted = new int[n];
    for (int i = 0; i < n; i++) {
      truth[i] = levelIndex(index, rows.get(i)[0], header.get(layout.truth), levels, source,
          lines.get(i));
      predicted[i] = levelIndex(index, rows.get(i)[1], header.get(layout.predClass), levels,
          source, lines.get(i));
    }
    if (probabilities.isEmpty()) {
      return ClassPredictions.ofClasses(levels, truth, predicted);
    }
    return ClassPredictions.of(levels, truth, predicted, probabilities.toArray(new double[0][]),
        sumTolerance);
  }

  private static int levelIndex(Map<String, Integer> index, String value, String column,
      List<String> levels, String source, int[] lineRow) {
    Integer k = index.get(value);
    if (k == null) {
      throw new PredictionsCsvException(source, lineRow[0], lineRow[1], column, "level \""
          + value + "\" is not one of the levels " + String.join(", ", levels)
          + " (taken from the pred_<level> columns)");
    }
    return k;
  }

  private static List<String> sortedLevels(List<String[]> rows) {
    TreeSet<String> set = new TreeSet<>();
    for (String[] r : rows) {
      set.add(r[0]);
      set.add(r[1]);
    }
    return List.copyOf(set);
  }

  private static String value(List<String> rec, int col, List<String> header, String source,
      int line, int row) {
    String v = rec.get(col);
    if (v.isEmpty() || v.equals("NA")) {
      throw new PredictionsCsvException(source, line, row, header.get(col), "the value is"
          + " missing (\"" + v + "\"); every row needs a truth and a predicted class");
    }
    return v;
  }

  /** Where the needed columns are in a header. */
  private static final class Layout {
    private final int truth;
    private final int predClass;
    private final List<Integer> probabilities;
    private final List<String> levels;

    private Layout(int truth, int predClass, List<Integer> probabilities, List<String> levels) {
      this.truth = truth;
      this.predClass = predClass;
      this.probabilities = probabilities;
      this.levels = levels;
    }

    static Layout of(List<String> header, String truthColumn, String source) {
      Map<String, Integer> pos = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (pos.putIfAbsent(header.get(i), i) != null) {
          throw new PredictionsCsvException(source, 1, 0, header.get(i),
              "the column name appears twice; column names must be distinct");
        }
      }
      String prefix = pos.containsKey(PRED_CLASS) || !pos.containsKey("." + PRED_CLASS)
          ? PROBABILITY_PREFIX : "." + PROBABILITY_PREFIX;
      int truth = require(pos, truthColumn, header, source, "the truth column you named");
      int predClass = require(pos, prefix + "class", header, source,
          "the predicted class column");
      List<Integer> probs = new ArrayList<>();
      List<String> levels = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i);
        if (h.startsWith(prefix) && i != predClass && i != truth) {
          probs.add(i);
          levels.add(h.substring(prefix.length()));
        }
      }
      if (probs.size() == 1) {
        throw new PredictionsCsvException(source, 1, 0, header.get(probs.get(0)), "only one"
            + " probability column; give one " + prefix + "<level> column per level");
      }
      return new Layout(truth, predClass, List.copyOf(probs), List.copyOf(levels));
    }

    private static int require(Map<String, Integer> pos, String name, List<String> header,
        String source, String what) {
      Integer i = pos.get(name);
      if (i == null) {
        throw new PredictionsCsvException(source, 1, 0, name, "no such column (" + what
            + "); the columns are: " + String.join(", ", header));
      }
      return i;
    }

    double[] probabilities(List<String> rec, List<String> header, String source, int line,
        int row, double tolerance) {
      double[] p = new double[probabilities.size()];
      double sum = 0;
      for (int k = 0; k < p.length; k++) {
        int col = probabilities.get(k);
        String v = rec.get(col).trim();
        double d;
        try {
          d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          d = Double.NaN;
        }
        if (!(d >= 0 && d <= 1)) {
          throw new PredictionsCsvException(source, line, row, header.get(col), "\"" + v
              + "\" is not a probability; expected a number in [0, 1]");
        }
        p[k] = d;
        sum += d;
      }
      if (!(Math.abs(sum - 1) <= tolerance)) {
        throw new PredictionsCsvException(source, line, row,
            header.get(probabilities.get(0)) + ".." + header.get(probabilities.get(p.length - 1)),
            String.format(Locale.ROOT, "the probabilities sum to %s, not 1 (tolerance %s);"
                + " each row's pred_<level> values must sum to 1", sum, tolerance));
      }
      return p;
    }
  }
}
