package org.tune4j.cli.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tune4j.models.data.Preprocessing;
import org.tune4j.models.finetune.FineTune;
import org.tune4j.models.spec.Block;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.metrics.EventLevel;
import org.tune4j.tuning.metrics.MetricSet;
import org.tune4j.tuning.search.EarlierResults;

/**
 * Reads and checks a job file before any work starts: syntax (line and column), unknown keys (with
 * the nearest known key), missing data files, empty ranges, grids that cannot be built. Every error
 * is an {@link IllegalArgumentException} naming the JSON path of the value, e.g. {@code $.grid.levels}.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * Job job = JobReader.read(Path.of("job.yaml"));
 * }</pre>
 */
public final class JobReader {
  /** The top-level keys of a job. */
  public static final Set<String> KEYS = Set.of("name", "data", "backbone", "head", "fit", "parameters",
      "resampling", "grid", "search", "metrics", "event_level", "select_by", "threads", "seed", "save_predictions", "output",
      "augmentation", "last_fit", "fine_tune");

  private JobReader() {}

  /** Reads a job file (YAML, or JSON when it ends in {@code .json}); relative paths are taken from its folder. */
  public static Job read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("job file " + file + " does not exist; give the path of a job"
          + " (tune4j init > job.yaml writes an example)", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read job file " + file + ": " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    return read(text, file.getFileName().toString(), base);
  }

  /** Reads job text; {@code source} names it in messages and picks the syntax (JSON for {@code .json}). */
  public static Job read(String text, String source, Path base) {
    try {
      return fromTree(JobText.parse(text, source), base);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(source)) {
        throw e;
      }
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /** Reads a job tree, as {@link JobText#parse} or {@link Json#parse} give it. */
  public static Job fromTree(Object parsed, Path base) {
    String root = Json.ROOT;
    Map<String, Object> tree = Json.requireObject(parsed, root);
    Json.unknownKeys(tree, KEYS, root);
    String name = Json.optionalString(tree, "name", root).orElse("tune4j-job");
    DataSource data = DataSource.read(Json.requireObject(tree, "data", root), Json.child(root, "data"), base);
    List<String> notes = new ArrayList<>();
    Map<String, Object> backbone = Json.optionalObject(tree, "backbone", root).orElse(Map.of());
    Map<String, Object> parameters = Json.optionalObject(tree, "parameters", root).orElse(Map.of());
    List<BackboneFamily> families = SpecReader.families(backbone, Json.child(root, "backbone"), parameters);
    Block backboneBlock = SpecReader.backbone(backbone, Json.child(root, "backbone"), base, families, notes::add);
    Optional<Map<String, Object>> augmentation = Json.optionalObject(tree, "augmentation", root);
    ModelSpec spec = SpecReader.spec("resnet_transfer", backboneBlock, augmentation, Json.requireList(tree, "head", root),
        Json.optionalObject(tree, "fit", root).orElse(Map.of()), parameters);
    long seed = Json.optionalLong(tree, "seed", root).orElse(42L);
    JobSearch search = SearchReader.read(Json.optionalObject(tree, "search", root).orElse(Map.of()),
        Json.child(root, "search"), base);
    Optional<Map<String, Object>> gridTree = Json.optionalObject(tree, "grid", root);
    if (gridTree.isEmpty() && search.bayes().isEmpty()) {
      throw new IllegalArgumentException("missing key \"grid\" at $; give the candidates (e.g. grid: {type: regular,"
          + " levels: 3}), or search: {type: bayes} to let a Gaussian process propose them");
    }
    if (gridTree.isPresent() && search.earlier().isPresent()) {
      throw new IllegalArgumentException("$.grid and $.search.initial both give the first candidates; keep the grid"
          + " section or the earlier run (initial: " + search.earlier().get().dir() + "), not both");
    }
    Grid grid = gridTree.isPresent() ? GridReader.read(gridTree.get(), Json.child(root, "grid"), spec.parameters(), seed)
        : search.earlier().map(e -> Grids.ofCandidates(spec.parameters(), EarlierResults.candidates(e.results())))
            .orElseGet(() -> GridReader.initialDesign(spec.parameters(), search.bayes().get().initial(), seed));
    JobResampling resampling = ResamplingReader.read(Json.optionalObject(tree, "resampling", root)
        .orElse(Map.of("type", "vfold")));
    checkResampling(resampling, search, data);
    MetricSet metrics = metrics(tree, root);
    search.earlier().ifPresent(e -> e.checkFits(spec.parameters(), metrics, "$.search.initial"));
    EventLevel eventLevel = eventLevel(tree, root);
    // tune's choose_metric: with no metric named, the first of the metric set
    String selectBy = Json.optionalString(tree, "select_by", root).orElse(metrics.names().get(0));
    long threads = Json.optionalLong(tree, "threads", root).orElse((long) Runtime.getRuntime().availableProcessors());
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("$.threads is " + threads + "; give 1..1024");
    }
    boolean save = Json.optionalBoolean(tree, "save_predictions", root).orElse(false);
    int tta = testTimeViews(Json.optionalObject(tree, "last_fit", root).orElse(Map.of()), augmentation.isPresent());
    Optional<FineTune> fineTune = Json.optionalObject(tree, "fine_tune", root)
        .map(t -> FineTuneReader.read(t, families, seed));
    Optional<Preprocessing> preprocessing = BackbonePreprocessing.read(backbone, Json.child(root, "backbone"),
        families);
    BackbonePreprocessing.checkViews(preprocessing, spec);
    String output = Json.optionalString(tree, "output", root).orElse("runs");
    Map<String, Object> canonical = new LinkedHashMap<>(tree);
    canonical.put("data", data.toTree());
    if (!search.isGrid()) {
      canonical.put("search", search.toTree());
    } else {
      canonical.remove("search");
    }
    return new Job(name, data, spec, grid, search, resampling, metrics, eventLevel, selectBy, (int) threads, seed, save,
        output, notes, canonical, tta, fineTune, preprocessing);
  }

  /** The {@code last_fit} section's {@code tta}: views of the test images to average over, 0 for none. */
  private static int testTimeViews(Map<String, Object> lastFit, boolean augmented) {
    String path = Json.child(Json.ROOT, "last_fit");
    Json.unknownKeys(lastFit, Set.of("tta"), path);
    long tta = Json.optionalLong(lastFit, "tta", path).orElse(0L);
    if (tta < 0 || tta > 64) {
      throw new IllegalArgumentException(Json.child(path, "tta") + " is " + tta + "; give 1..64 views of each test"
          + " image to average over, or 0 for none");
    }
    if (tta > 0 && !augmented) {
      throw new IllegalArgumentException(Json.child(path, "tta") + " is " + tta + " but the job has no augmentation"
          + " section, so test images have no views; add augmentation: {views: 4, transforms: [...]} or drop tta");
    }
    return (int) tta;
  }

  /** What the resampling verb asks of the search and the data, checked before anything runs. */
  private static void checkResampling(JobResampling resampling, JobSearch search, DataSource data) {
    int n = resampling.count();
    if (search.racing().isPresent() && search.racing().get().burnIn() >= n) {
      throw new IllegalArgumentException("$.search.burn_in is " + search.racing().get().burnIn() + " but there are "
          + n + " resamples (" + resampling.describe() + "); a race needs more resamples than its burn-in to drop"
          + " anything: raise $.resampling's count or lower burn_in");
    }
    if (resampling.type().equals("vfold") && resampling.strata() && data instanceof DataSource.Embedded e
        && e.trainPerClass() < resampling.folds()) {
      throw new IllegalArgumentException("$.resampling.folds is " + resampling.folds() + " but $.data.train_per_class"
          + " is " + e.trainPerClass() + ": stratified folds need at least one image of each class per fold; raise"
          + " train_per_class or lower folds");
    }
    if (resampling.group().isPresent()) {
      if (!(data instanceof CsvData csv)) {
        throw new IllegalArgumentException("$.resampling.type is group_vfold, which groups images by a column of a"
            + " CSV source, but $.data.type is " + data.toTree().get("type") + "; list the images in a CSV (type:"
            + " csv) with a group column, or resample with vfold");
      }
      csv.trainColumn(resampling.group().get());   // the column exists and every row has a value
    }
  }

  /** tune's {@code event_level}: {@code first} (the default, as tune) or {@code second}. */
  private static EventLevel eventLevel(Map<String, Object> tree, String root) {
    String given = Json.optionalString(tree, "event_level", root).orElse(EventLevel.FIRST.label());
    try {
      return EventLevel.fromLabel(given);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Json.child(root, "event_level") + " is \"" + given + "\"; choose from: first,"
          + " second (which level of a two-class outcome is the event of precision, recall, roc_auc...)", e);
    }
  }

  private static MetricSet metrics(Map<String, Object> tree, String root) {
    List<Object> raw = Json.optionalList(tree, "metrics", root).orElse(null);
    if (raw == null) {
      return MetricSet.defaultClassification();
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      names.add(Json.asString(raw.get(i), Json.element(Json.child(root, "metrics"), i)));
    }
    try {
      return MetricSet.parse(String.join(",", names));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(Json.child(root, "metrics") + ": " + e.getMessage(), e);
    }
  }
}
