package org.tune4j.cli.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tune4j.models.data.ColorMode;
import org.tune4j.models.data.ImageCsv;
import org.tune4j.models.data.ImageOptions;
import org.tune4j.models.source.ImageSources;
import org.tune4j.tuning.json.Json;

/**
 * Data type {@code csv}: two CSV files (training and test) of {@code path,label} rows, as labelling
 * tools export them; relative image paths are taken from each CSV's folder. Images are read on
 * demand and resized to one size. Immutable and thread-safe.
 *
 * <pre>
 * data:
 *   type: csv
 *   train: labels/train.csv
 *   test: labels/test.csv
 *   height: 224
 *   width: 224
 * </pre>
 *
 * @param train the training CSV
 * @param test the test CSV
 * @param height the height images are resized to
 * @param width the width images are resized to
 * @param color {@code rgb} or {@code grey}
 * @param skipUnreadable whether unreadable files are left out (each checked once before the run)
 */
public record CsvData(Path train, Path test, int height, int width, String color, boolean skipUnreadable)
    implements DataSource {
  static CsvData read(Map<String, Object> tree, String path, Path base) {
    Json.unknownKeys(tree, Set.of("type", "train", "test", "height", "width", "color", "skip_unreadable"), path);
    Path train = file(base, Json.requireString(tree, "train", path), Json.child(path, "train"));
    Path test = file(base, Json.requireString(tree, "test", path), Json.child(path, "test"));
    int[] size = DataSource.ImageFolder.size(tree, path);
    return new CsvData(train, test, size[0], size[1], DataSource.ImageFolder.color(tree, path),
        Json.optionalBoolean(tree, "skip_unreadable", path).orElse(false));
  }

  private static Path file(Path base, String given, String path) {
    Path f = base.resolve(given).toAbsolutePath().normalize();
    if (!Files.isRegularFile(f)) {
      throw new IllegalArgumentException(path + ": CSV file " + f + " does not exist; give a CSV with a header line"
          + " path,label and one image per row");
    }
    return f;
  }

  @Override
  public Sources load() {
    ImageOptions options = ImageOptions.of(color.equals("grey") ? ColorMode.GREY : ColorMode.RGB).resize(height, width);
    return DataSource.files(ImageSources.csv(train, options), ImageSources.csv(test, options), skipUnreadable);
  }

  /**
   * The training CSV's column {@code name}, one value per image row (before unreadable files are left out).
   *
   * @throws IllegalArgumentException naming the CSV when the column is missing or a value empty
   */
  public String[] trainColumn(String name) {
    return ImageCsv.column(train, name);
  }

  @Override
  public String describe() {
    return "CSV files " + train + " and " + test + ", resized to " + height + "×" + width + " " + color;
  }

  @Override
  public Map<String, Object> toTree() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "csv");
    m.put("train", train.toString());
    m.put("test", test.toString());
    m.put("height", (long) height);
    m.put("width", (long) width);
    m.put("color", color);
    m.put("skip_unreadable", skipUnreadable);
    return m;
  }
}
