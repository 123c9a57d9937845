package org.tune4j.cli.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tune4j.models.data.ColorMode;
import org.tune4j.models.data.Datasets;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.FashionMnist;
import org.tune4j.models.data.CacheFolder;
import org.tune4j.models.data.Downloader;
import org.tune4j.models.data.ImageOptions;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.data.Preprocessing;
import org.tune4j.models.source.PreparedSource;
import org.tune4j.tuning.json.Json;

/**
 * The {@code data} section of a job: where the training and test images come from. A small type
 * switch ({@link #read}): {@code embedded} (the Fashion-MNIST sample inside tune4j), {@code idx}
 * (IDX files), {@code cifar10} (downloaded once into a cache folder), {@code image_folder} (one
 * sub-folder of images per class) or {@code csv} ({@link CsvData}: {@code path,label} lists). Image
 * files are read on demand, a chunk at a time, whatever their number. A new reader is one more case and one more record. Immutable and thread-safe.
 */
public sealed interface DataSource permits DataSource.Embedded, DataSource.Idx, DataSource.Cifar10,
    DataSource.ImageFolder, CsvData {

  /** The data types a job may name. */
  List<String> TYPES = List.of("embedded", "idx", "cifar10", "image_folder", "csv");

  /**
   * The training and test images as sources, prepared for the backbone: at least 32×32, RGB, scaled to [0, 1].
   * Image files are read on demand, a chunk at a time; nothing here decodes them (unless unreadable files are to
   * be skipped, which checks each once).
   */
  Sources load();

  /**
   * A job's training and test images, and the files left out as unreadable.
   *
   * @param train the training images
   * @param test the test images
   * @param skipped one message per file left out
   * @param trainRows for each training image, its row in the listing it came from (they differ when
   *     unreadable files were left out): what per-row data such as a CSV's group column follows
   */
  record Sources(ImageSource train, ImageSource test, List<String> skipped, int[] trainRows) {
    /** Copies. */
    public Sources {
      skipped = List.copyOf(skipped);
      trainRows = trainRows.clone();
    }

    /** These images prepared by {@code mode} as Keras' {@code preprocess_input} does (they are on [0, 1] here). */
    public Sources preprocessed(Preprocessing mode) {
      return new Sources(PreparedSource.of(train).preprocessUnitScale(mode), PreparedSource.of(test)
          .preprocessUnitScale(mode), skipped, trainRows);
    }

    /** Sources of which nothing was left out. */
    Sources(ImageSource train, ImageSource test, List<String> skipped) {
      this(train, test, skipped, java.util.stream.IntStream.range(0, train.size()).toArray());
    }

    /** In-memory images as sources. */
    static Sources of(TrainTest data) {
      return new Sources(ImageSources.of(data.train()), ImageSources.of(data.test()), List.of());
    }

    /** The training rows (a copy). */
    @Override
    public int[] trainRows() {
      return trainRows.clone();
    }
  }

  /** One line for the log and the report. */
  String describe();

  /** The section as a tree with absolute paths, as written to the run directory's {@code job.json}. */
  Map<String, Object> toTree();

  /**
   * Reads and checks a {@code data} section; relative paths are taken from {@code base}.
   *
   * @throws IllegalArgumentException naming the path of a wrong value or a missing file
   */
  static DataSource read(Map<String, Object> tree, String path, Path base) {
    String type = Json.requireString(tree, "type", path);
    return switch (type) {
      case "embedded" -> Embedded.read(tree, path);
      case "idx" -> Idx.read(tree, path, base);
      case "cifar10" -> Cifar10.read(tree, path, base);
      case "image_folder" -> ImageFolder.read(tree, path, base);
      case "csv" -> CsvData.read(tree, path, base);
      default -> throw new IllegalArgumentException(Json.child(path, "type") + " is \"" + type
          + "\"; choose from: " + String.join(", ", TYPES));
    };
  }

  /**
   * Image files as a streaming source prepared as {@link #prepare(ImageSet)} prepares images in memory; with
   * {@code skipUnreadable}, unreadable files are found first (one decoding pass) and left out.
   */
  static Sources files(ImageSource train, ImageSource test, boolean skipUnreadable) {
    if (!skipUnreadable) {
      return new Sources(prepare(train), prepare(test), List.of());
    }
    int threads = Runtime.getRuntime().availableProcessors();
    ImageSources.Readable t = ImageSources.skippingUnreadable(train, threads);
    ImageSources.Readable s = ImageSources.skippingUnreadable(test, threads);
    List<String> skipped = new java.util.ArrayList<>(t.skipped());
    skipped.addAll(s.skipped());
    return new Sources(prepare(t.source()), prepare(s.source()), skipped, t.kept());
  }

  /** Records read a row at a time (IDX, CIFAR), limited per class when asked, prepared as each row is read. */
  static Sources records(ImageSource train, ImageSource test, Optional<Integer> trainPerClass,
      Optional<Integer> testPerClass) {
    ImageSource tr = trainPerClass.map(n -> ImageSources.firstPerClass(train, n)).orElse(train);
    ImageSource te = testPerClass.map(n -> ImageSources.firstPerClass(test, n)).orElse(test);
    return new Sources(prepare(tr), prepare(te), List.of());
  }

  /** Pads small images to 32×32, replicates grey to RGB and scales to [0, 1], as each row is read. */
  static ImageSource prepare(ImageSource images) {
    PreparedSource out = PreparedSource.of(images);
    if (images.height() < 32 || images.width() < 32) {
      out = out.padTo(Math.max(32, images.height()), Math.max(32, images.width()));
    }
    if (images.channels() == 1) {
      out = out.toRgb();
    }
    return out.scale01();
  }

  /** Pads small images to 32×32, replicates grey to RGB and scales to [0, 1]. */
  static ImageSet prepare(ImageSet images) {
    ImageSet out = images.height() < 32 || images.width() < 32
        ? ImageTransforms.padTo(images, Math.max(32, images.height()), Math.max(32, images.width())) : images;
    if (out.channels() == 1) {
      out = ImageTransforms.toRgb(out);
    }
    return ImageTransforms.scale01(out);
  }

  /** Checks an optional per-class limit. */
  private static Optional<Integer> perClass(Map<String, Object> tree, String key, String path, int max) {
    Optional<Long> v = Json.optionalLong(tree, key, path);
    if (v.isPresent() && (v.get() < 1 || v.get() > max)) {
      throw new IllegalArgumentException(Json.child(path, key) + " is " + v.get() + "; give 1.." + max);
    }
    return v.map(Long::intValue);
  }

  /**
   * The embedded Fashion-MNIST sample (200 training and 50 test images per class).
   *
   * @param trainPerClass training images per class, 1..200
   * @param testPerClass test images per class, 1..50
   */
  record Embedded(int trainPerClass, int testPerClass) implements DataSource {
    static Embedded read(Map<String, Object> tree, String path) {
      Json.unknownKeys(tree, Set.of("type", "train_per_class", "test_per_class"), path);
      return new Embedded(perClass(tree, "train_per_class", path, 200).orElse(200),
          perClass(tree, "test_per_class", path, 50).orElse(50));
    }

    @Override
    public Sources load() {
      TrainTest sample = EmbeddedSample.fashionMnist();
      return Sources.of(new TrainTest(DataSource.prepare(sample.train().firstPerClass(trainPerClass)),
          DataSource.prepare(sample.test().firstPerClass(testPerClass))));
    }

    @Override
    public String describe() {
      return "embedded Fashion-MNIST sample, " + trainPerClass + " training and " + testPerClass
          + " test images per class";
    }

    @Override
    public Map<String, Object> toTree() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "embedded");
      m.put("train_per_class", (long) trainPerClass);
      m.put("test_per_class", (long) testPerClass);
      return m;
    }
  }

  /**
   * Four IDX files (Fashion-MNIST or MNIST layout), gzipped or not.
   *
   * @param trainImages training images
   * @param trainLabels training labels
   * @param testImages test images
   * @param testLabels test labels
   * @param levels class names, in label order
   * @param trainPerClass a limit on training images per class, if any
   * @param testPerClass a limit on test images per class, if any
   */
  record Idx(Path trainImages, Path trainLabels, Path testImages, Path testLabels, List<String> levels,
      Optional<Integer> trainPerClass, Optional<Integer> testPerClass) implements DataSource {
    private static final List<String> FILES = List.of("train_images", "train_labels", "test_images", "test_labels");
    private static final List<String> FASHION_NAMES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** Copies the levels. */
    public Idx {
      levels = List.copyOf(levels);
    }

    static Idx read(Map<String, Object> tree, String path, Path base) {
      Json.unknownKeys(tree, Set.of("type", "folder", "train_images", "train_labels", "test_images", "test_labels",
          "levels", "train_per_class", "test_per_class"), path);
      Path[] files = new Path[4];
      Optional<String> folder = Json.optionalString(tree, "folder", path);
      for (int i = 0; i < 4; i++) {
        Optional<String> given = Json.optionalString(tree, FILES.get(i), path);
        if (given.isPresent()) {
          files[i] = existing(base.resolve(given.get()).toAbsolutePath().normalize(), Json.child(path, FILES.get(i)));
        } else if (folder.isPresent()) {
          files[i] = inFolder(base.resolve(folder.get()).toAbsolutePath().normalize(), FASHION_NAMES.get(i),
              Json.child(path, "folder"));
        } else {
          throw new IllegalArgumentException("missing key \"" + FILES.get(i) + "\" at " + path
              + "; give the four IDX files or a folder with Fashion-MNIST's file names");
        }
      }
      List<String> levels = FashionMnist.LEVELS;
      Optional<List<Object>> raw = Json.optionalList(tree, "levels", path);
      if (raw.isPresent()) {
        levels = raw.get().stream().map(o -> Json.asString(o, Json.child(path, "levels"))).toList();
      }
      return new Idx(files[0], files[1], files[2], files[3], levels, perClass(tree, "train_per_class", path,
          Integer.MAX_VALUE), perClass(tree, "test_per_class", path, Integer.MAX_VALUE));
    }

    private static Path existing(Path file, String path) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(path + ": data file " + file + " does not exist; give the path of an IDX file");
      }
      return file;
    }

    private static Path inFolder(Path folder, String name, String path) {
      for (String candidate : List.of(name + ".gz", name)) {
        if (Files.isRegularFile(folder.resolve(candidate))) {
          return folder.resolve(candidate);
        }
      }
      throw new IllegalArgumentException(path + ": data file " + folder.resolve(name + ".gz") + " does not exist (nor "
          + name + "); give a folder with Fashion-MNIST's IDX files (apt-get install dataset-fashion-mnist puts them in "
          + FashionMnist.DEBIAN_FOLDER + ")");
    }

    @Override
    public Sources load() {
      return DataSource.records(ImageSources.idx(trainImages, trainLabels, levels),
          ImageSources.idx(testImages, testLabels, levels), trainPerClass, testPerClass);
    }

    @Override
    public String describe() {
      return "IDX files " + trainImages + ", " + testImages
          + trainPerClass.map(n -> ", " + n + " training images per class").orElse("")
          + testPerClass.map(n -> ", " + n + " test images per class").orElse("");
    }

    @Override
    public Map<String, Object> toTree() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "idx");
      m.put("train_images", trainImages.toString());
      m.put("train_labels", trainLabels.toString());
      m.put("test_images", testImages.toString());
      m.put("test_labels", testLabels.toString());
      m.put("levels", List.copyOf(levels));
      trainPerClass.ifPresent(n -> m.put("train_per_class", (long) n));
      testPerClass.ifPresent(n -> m.put("test_per_class", (long) n));
      return m;
    }
  }

  /**
   * CIFAR-10 (32×32 RGB, 50,000 training and 10,000 test images), read from a cache folder and
   * downloaded there once when missing.
   *
   * @param cacheFolder the cache folder, or empty for tune4j's default
   * @param trainPerClass a limit on training images per class, if any
   * @param testPerClass a limit on test images per class, if any
   */
  record Cifar10(Optional<Path> cacheFolder, Optional<Integer> trainPerClass, Optional<Integer> testPerClass)
      implements DataSource {
    static Cifar10 read(Map<String, Object> tree, String path, Path base) {
      Json.unknownKeys(tree, Set.of("type", "cache_folder", "train_per_class", "test_per_class"), path);
      return new Cifar10(Json.optionalString(tree, "cache_folder", path).map(f -> base.resolve(f).toAbsolutePath()
          .normalize()), perClass(tree, "train_per_class", path, 5000), perClass(tree, "test_per_class", path, 1000));
    }

    @Override
    public Sources load() {
      Path cache = cacheFolder.orElseGet(() -> CacheFolder.fromEnvironment().datasets());
      Path cifar = Datasets.cifar10Location(cache, Downloader.standard());
      return DataSource.records(ImageSources.cifar10(cifar, "train", cache), ImageSources.cifar10(cifar, "test", cache),
          trainPerClass, testPerClass);
    }

    @Override
    public String describe() {
      return "CIFAR-10" + cacheFolder.map(f -> " from " + f).orElse("")
          + trainPerClass.map(n -> ", " + n + " training images per class").orElse("")
          + testPerClass.map(n -> ", " + n + " test images per class").orElse("");
    }

    @Override
    public Map<String, Object> toTree() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "cifar10");
      cacheFolder.ifPresent(f -> m.put("cache_folder", f.toString()));
      trainPerClass.ifPresent(n -> m.put("train_per_class", (long) n));
      testPerClass.ifPresent(n -> m.put("test_per_class", (long) n));
      return m;
    }
  }

  /**
   * Two image folders (training and test), each with one sub-folder of images per class, resized to
   * one size.
   *
   * @param train the training folder
   * @param test the test folder
   * @param height the height images are resized to
   * @param width the width images are resized to
   * @param color {@code rgb} or {@code grey}
   * @param skipUnreadable whether unreadable files are skipped instead of stopping the run
   */
  record ImageFolder(Path train, Path test, int height, int width, String color, boolean skipUnreadable)
      implements DataSource {
    static ImageFolder read(Map<String, Object> tree, String path, Path base) {
      Json.unknownKeys(tree, Set.of("type", "train", "test", "height", "width", "color", "skip_unreadable"), path);
      Path train = folder(base, Json.requireString(tree, "train", path), Json.child(path, "train"));
      Path test = folder(base, Json.requireString(tree, "test", path), Json.child(path, "test"));
      int[] size = size(tree, path);
      return new ImageFolder(train, test, size[0], size[1], color(tree, path),
          Json.optionalBoolean(tree, "skip_unreadable", path).orElse(false));
    }

    /** The {@code height} and {@code width} keys (32 each by default), checked. */
    static int[] size(Map<String, Object> tree, String path) {
      long h = Json.optionalLong(tree, "height", path).orElse(32L);
      long w = Json.optionalLong(tree, "width", path).orElse(32L);
      if (h < 32 || w < 32 || h > 1024 || w > 1024) {
        throw new IllegalArgumentException(path + ": height × width is " + h + " × " + w
            + "; give 32..1024 each (the ResNet backbones need at least 32×32)");
      }
      return new int[] {(int) h, (int) w};
    }

    /** The {@code color} key ({@code rgb} by default), checked. */
    static String color(Map<String, Object> tree, String path) {
      String color = Json.optionalString(tree, "color", path).orElse("rgb");
      if (!color.equals("rgb") && !color.equals("grey")) {
        throw new IllegalArgumentException(Json.child(path, "color") + " is \"" + color + "\"; choose from: rgb, grey");
      }
      return color;
    }

    private static Path folder(Path base, String given, String path) {
      Path f = base.resolve(given).toAbsolutePath().normalize();
      if (!Files.isDirectory(f)) {
        throw new IllegalArgumentException(path + ": image folder " + f + " does not exist; give a folder with one"
            + " sub-folder of images per class");
      }
      return f;
    }

    @Override
    public Sources load() {
      ImageOptions options = ImageOptions.of(color.equals("grey") ? ColorMode.GREY : ColorMode.RGB).resize(height, width);
      return DataSource.files(ImageSources.folder(train, options), ImageSources.folder(test, options), skipUnreadable);
    }

    @Override
    public String describe() {
      return "image folders " + train + " and " + test + ", resized to " + height + "×" + width + " " + color;
    }

    @Override
    public Map<String, Object> toTree() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "image_folder");
      m.put("train", train.toString());
      m.put("test", test.toString());
      m.put("height", (long) height);
      m.put("width", (long) width);
      m.put("color", color);
      m.put("skip_unreadable", skipUnreadable);
      return m;
    }
  }
}
