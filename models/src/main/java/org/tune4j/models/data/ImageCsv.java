package org.tune4j.models.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads images listed in a CSV file with a header and the columns {@code path} and {@code label}
 * (other columns are ignored). Relative paths are relative to the CSV file's folder.
 *
 * <p>Levels are the distinct labels sorted: numerically when every label is an integer
 * ({@code 2} before {@code 10}), otherwise by text. Fields may be quoted with {@code "…"}
 * ({@code ""} for a quote); a field cannot span lines. Rows keep the CSV's order. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * // images.csv:  path,label
 * //              train/001.png,cat
 * LoadedImages rows = ImageCsv.read(Path.of("images.csv"), 32, 32, ColorMode.RGB, false);
 * }</pre>
 */
public final class ImageCsv {
  private ImageCsv() {}

  /**
   * Reads the listed images, resizing every one to {@code height × width}.
   *
   * @param skipUnreadable whether missing or unreadable files are skipped with a note rather than
   *     failing the read
   * @throws IllegalArgumentException naming the CSV line or the image file
   */
  public static LoadedImages read(Path csv, int height, int width, ColorMode mode, boolean skipUnreadable) {
    ImageOptions options = ImageOptions.of(mode).resize(height, width);
    return read(csv, skipUnreadable ? options.skippingUnreadable() : options);
  }

  /**
   * Reads the listed images with the given options.
   *
   * @throws IllegalArgumentException naming the CSV (and line) when it is missing, lacks a column,
   *     has a short row or an empty label; naming the image when it is missing or unreadable (unless
   *     skipped) or when sizes differ without a resize
   */
  public static LoadedImages read(Path csv, ImageOptions options) {
    ImageFiles.Listing l = list(csv);
    return ImageLoader.load(l.files(), l.labelList(), l.levels(), options, l.what());
  }

  /**
   * Lists the CSV's images and labels without reading any image: what a streaming image source reads
   * on demand.
   *
   * @throws IllegalArgumentException naming the CSV (and line) when it is missing, lacks a column,
   *     has a short row or an empty label
   */
  public static ImageFiles.Listing list(Path csv) {
    List<String> lines = lines(csv);
    List<String> header = fields(lines.get(0), csv, 1);
    int pathColumn = column(header, "path", csv);
    int labelColumn = column(header, "label", csv);
    Path folder = csv.toAbsolutePath().getParent();
    List<Path> files = new ArrayList<>();
    List<String> labelTexts = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> row = fields(lines.get(i), csv, i + 1);
      if (row.size() <= Math.max(pathColumn, labelColumn)) {
        throw new IllegalArgumentException(csv + " line " + (i + 1) + " has " + row.size() + " fields but the header"
            + " has " + header.size() + "; give every row a path and a label");
      }
      String label = row.get(labelColumn).strip();
      if (label.isEmpty() || row.get(pathColumn).isBlank()) {
        throw new IllegalArgumentException(csv + " line " + (i + 1) + " has an empty " + (label.isEmpty() ? "label" : "path")
            + "; every row needs both");
      }
      files.add(folder.resolve(row.get(pathColumn).strip()));
      labelTexts.add(label);
    }
    List<String> levels = levels(labelTexts);
    Map<String, Integer> index = levels.stream().collect(Collectors.toMap(Function.identity(), levels::indexOf));
    List<Integer> labels = labelTexts.stream().map(index::get).toList();
    return new ImageFiles.Listing(files, labels, levels, "CSV file " + csv);
  }

  /**
   * The values of column {@code name} (matched ignoring case), one per image row in the order
   * {@link #list} gives them: a group column, say (a patient, a camera, a photo session).
   *
   * @throws IllegalArgumentException naming the CSV when the column is missing, or the line when a
   *     value is empty or the row is short
   */
  public static String[] column(Path csv, String name) {
    List<String> lines = lines(csv);
    List<String> header = fields(lines.get(0), csv, 1);
    int c = column(header, name, csv);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> row = fields(lines.get(i), csv, i + 1);
      String v = c < row.size() ? row.get(c).strip() : "";
      if (v.isEmpty()) {
        throw new IllegalArgumentException(csv + " line " + (i + 1) + " has no value in column \"" + name + "\";"
            + " give every row one");
      }
      out.add(v);
    }
    return out.toArray(String[]::new);
  }

  private static List<String> lines(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("CSV file " + csv + " does not exist; check the path", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("CSV file " + csv + " is empty; it needs a header line path,label");
    }
    return lines;
  }

  private static List<String> levels(List<String> labels) {
    boolean numeric = !labels.isEmpty() && labels.stream().allMatch(s -> s.matches("-?\\d{1,18}"));
    Comparator<String> order = numeric ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder();
    TreeSet<String> distinct = new TreeSet<>(order);
    distinct.addAll(labels);
    return List.copyOf(distinct);
  }

  private static int column(List<String> header, String name, Path csv) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(csv + " has no column \"" + name + "\" in its header " + header
        + "; the first line must name the columns, such as path,label");
  }

  /** Splits one CSV line; quotes may wrap a field and {@code ""} is a quote inside one. */
  static List<String> fields(String line, Path csv, int lineNumber) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(csv + " line " + lineNumber + " has an unclosed quote; close it with \"");
    }
    out.add(field.toString());
    return out;
  }
}
