package org.tune4j.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.data.Preprocessing;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.metrics.EventLevel;

class JobReaderTest {
  @TempDir Path dir;

  static final String TINY = String.join("\n",
      "name: tiny",
      "data: {type: embedded, train_per_class: 4, test_per_class: 2}",
      "backbone: {weights: random}",
      "head:",
      "  - block: global_average_pooling",
      "  - {block: dense, units: tune, activation: relu}",
      "  - {block: dropout, rate: tune}",
      "fit: {epochs: 1, batch_size: 16, learn_rate: tune}",
      "parameters:",
      "  dense_units: {min: 8, max: 16}",
      "  dropout_rate: {min: 0.0, max: 0.5}",
      "  learn_rate: {min: -3, max: -2}",
      "resampling: {type: vfold, folds: 3}",
      "grid: {type: regular, levels: 2}",
      "threads: 2",
      "seed: 7",
      "");

  Job read(String text) {
    return JobReader.read(text, "job.yaml", dir);
  }

  String error(String text) {
    return assertThrows(IllegalArgumentException.class, () -> read(text)).getMessage();
  }

  @Test
  void theInitExampleAndTheDemoJobAreValidJobs() {
    Job example = read(InitCommand.example());
    assertEquals(List.of("dense_units", "dropout_rate", "learn_rate"), example.spec().parameters().ids());
    assertEquals(8, example.grid().size());
    assertEquals(JobResampling.vfold(5), example.resampling());
    Job demo = JobReader.read(InitCommand.demo(), "demo.yaml", dir);
    assertEquals(8, demo.grid().size());
    assertEquals(new DataSource.Embedded(200, 50), demo.data());
  }

  @Test
  void patienceIsAFitArgument() {
    Job job = read(TINY.replace("fit: {epochs: 1, batch_size: 16, learn_rate: tune}",
        "fit: {epochs: 20, batch_size: 16, validation_split: 0.2, patience: 3, learn_rate: tune}"));
    assertTrue(job.spec().toJson().contains("\"patience\": 3"), job.spec().toJson());
  }

  @Test
  void aSmallJobReadsEverySection() {
    Job job = read(TINY);
    assertEquals("tiny", job.name());
    assertEquals(JobResampling.vfold(3), job.resampling());
    assertEquals(7, job.seed());
    assertEquals(2, job.threads());
    // no metrics and no select_by: tune's default set, and its first metric (choose_metric)
    assertEquals("roc_auc", job.selectBy());
    assertEquals("brier_class", read(TINY + "metrics: [brier_class, accuracy]\n").selectBy());
    assertEquals(16, job.spec().parameters().get("dense_units") instanceof org.tune4j.tuning.params.NumericParameter n
        ? (int) n.upper() : -1);
  }

  /** tune's control_grid(event_level = ): first by default, second on request, anything else named. */
  @Test
  void eventLevelIsReadAndChecked() {
    assertEquals(EventLevel.FIRST, read(TINY).eventLevel());
    assertEquals(EventLevel.FIRST, read(TINY + "event_level: first\n").eventLevel());
    assertEquals(EventLevel.SECOND, read(TINY + "event_level: second\n").eventLevel());
    assertEquals("job.yaml: $.event_level is \"2nd\"; choose from: first, second (which level of a two-class outcome"
        + " is the event of precision, recall, roc_auc...)", error(TINY + "event_level: 2nd\n"));
    assertTrue(error(TINY + "event_level: 2\n").contains("$.event_level is a number"));
    assertEquals("job.yaml: unknown key \"event_levels\" at $; did you mean \"event_level\"?",
        error(TINY + "event_levels: second\n"));
    assertTrue(!read(TINY + "event_level: second\n").sameWorkAs(read(TINY).tree()));
  }

  @Test
  void jsonWithTheSameKeysGivesTheSameJob() {
    Job yaml = read(TINY);
    Job json = JobReader.read(Json.write(yaml.tree()), "job.json", dir);
    assertTrue(json.sameWorkAs(yaml.tree()));
    assertEquals(yaml.grid(), json.grid());
  }

  @Test
  void malformedYamlNamesTheLineAndColumn() {
    String msg = error("name: x\ndata:\n  type: embedded\n   bad: [1, 2\n");
    assertTrue(msg.startsWith("job.yaml line 4, column "), msg);
    assertTrue(msg.contains("malformed YAML"), msg);
    String dup = error("name: x\nname: y\n");
    assertTrue(dup.contains("line 2, column 1") && dup.contains("duplicate key name"), dup);
  }

  @Test
  void malformedJsonNamesTheLineAndColumn() {
    String msg = assertThrows(IllegalArgumentException.class,
        () -> JobReader.read("{\n  \"name\": \"x\",,\n}", "job.json", dir)).getMessage();
    assertTrue(msg.startsWith("job.json line 2, column "), msg);
  }

  @Test
  void unknownKeysSuggestTheNearestKnownKey() {
    assertEquals("job.yaml: unknown key \"gird\" at $; did you mean \"grid\"?", error(TINY.replace("grid:", "gird:")));
    String nested = error(TINY.replace("levels: 2", "levles: 2"));
    assertEquals("job.yaml: unknown key \"levles\" at $.grid; did you mean \"levels\"?", nested);
    String param = error(TINY.replace("  dense_units: {min", "  dense_unit: {min"));
    assertTrue(param.contains("unknown key \"dense_unit\" at $.parameters; did you mean \"dense_units\"?"), param);
  }

  @Test
  void missingDataFilesAreNamed() {
    String msg = error(TINY.replace("data: {type: embedded, train_per_class: 4, test_per_class: 2}",
        "data: {type: idx, folder: no-such-folder}"));
    assertTrue(msg.contains("$.data.folder: data file " + dir.resolve("no-such-folder/train-images-idx3-ubyte.gz")
        + " does not exist"), msg);
    String one = error(TINY.replace("data: {type: embedded, train_per_class: 4, test_per_class: 2}",
        "data: {type: idx, train_images: a.gz, train_labels: b.gz, test_images: c.gz, test_labels: d.gz}"));
    assertTrue(one.contains("$.data.train_images: data file " + dir.resolve("a.gz") + " does not exist"), one);
  }

  @Test
  void idxFilesThatExistAreAccepted() throws IOException {
    for (String f : List.of("a.gz", "b.gz", "c.gz", "d.gz")) {
      Files.writeString(dir.resolve(f), "x");
    }
    Job job = read(TINY.replace("data: {type: embedded, train_per_class: 4, test_per_class: 2}",
        "data: {type: idx, train_images: a.gz, train_labels: b.gz, test_images: c.gz, test_labels: d.gz}"));
    assertEquals(dir.resolve("a.gz"), ((DataSource.Idx) job.data()).trainImages());
  }

  @Test
  void imageFoldersMustExistAndCifar10NeedsNoFilesUpFront() throws IOException {
    String msg = error(TINY.replace("data: {type: embedded, train_per_class: 4, test_per_class: 2}",
        "data: {type: image_folder, train: pics/train, test: pics/test}"));
    assertTrue(msg.contains("$.data.train: image folder " + dir.resolve("pics/train") + " does not exist"), msg);
    Files.createDirectories(dir.resolve("pics/train"));
    Files.createDirectories(dir.resolve("pics/test"));
    Job job = read(TINY.replace("data: {type: embedded, train_per_class: 4, test_per_class: 2}",
        "data: {type: image_folder, train: pics/train, test: pics/test, height: 48, width: 40}"));
    assertEquals(new DataSource.ImageFolder(dir.resolve("pics/train"), dir.resolve("pics/test"), 48, 40, "rgb", false),
        job.data());
    Job cifar = read(TINY.replace("data: {type: embedded, train_per_class: 4, test_per_class: 2}",
        "data: {type: cifar10, cache_folder: cache, train_per_class: 100}"));
    assertEquals(java.util.Optional.of(100), ((DataSource.Cifar10) cifar.data()).trainPerClass());
  }

  @Test
  void anEmptyParameterRangeIsAnError() {
    String msg = error(TINY.replace("dense_units: {min: 8, max: 16}", "dense_units: {min: 16, max: 8}"));
    assertTrue(msg.contains("$.parameters.dense_units has min 16.0 and max 8.0: the range is empty; give min < max"),
        msg);
    String noWhole = error(TINY.replace("dense_units: {min: 8, max: 16}", "dense_units: {min: 8.2, max: 8.7}"));
    assertTrue(noWhole.contains("$.parameters.dense_units") && noWhole.contains("contains no whole number"), noWhole);
  }

  @Test
  void wrongValuesNameTheirPath() {
    assertTrue(error(TINY.replace("type: regular", "type: regulr")).contains(
        "$.grid.type is \"regulr\"; choose from: regular, random, space_filling, explicit"));
    assertTrue(error(TINY.replace("folds: 3", "folds: 1")).contains("$.resampling.folds is 1; give 2..100"));
    assertTrue(error(TINY.replace("type: embedded", "type: cifar")).contains(
        "$.data.type is \"cifar\"; choose from: embedded, idx, cifar10, image_folder"));
    assertTrue(error(TINY.replace("threads: 2", "threads: two")).contains("$.threads is a string (\"two\")"));
    assertTrue(error(TINY + "select_by: kappa\n").contains("$.select_by is \"kappa\", which is not in $.metrics"));
    assertTrue(error("").contains("job.yaml is empty"));
    assertTrue(error(TINY.replace("folds: 3", "folds: 5")).contains(
        "$.resampling.folds is 5 but $.data.train_per_class is 4"));
  }

  @Test
  void theBackboneIsNamedByItsKerasNameAndResNet50ByDefault() {
    assertEquals(Blocks.resnet50(Weights.random(42)), read(TINY).spec().blocks().get("base"));
    for (BackboneFamily f : BackboneFamily.values()) {
      Job job = read(TINY.replace("backbone: {weights: random}", "backbone: {name: " + f.kerasName()
          + ", weights: random, weights_seed: 5}"));
      assertEquals(Blocks.backbone(f, Weights.random(5)), job.spec().blocks().get("base"), f.kerasName());
    }
  }

  @Test
  void aV2BackboneIsReadByItsKerasNameInAnyCase() {
    Job job = read(TINY.replace("backbone: {weights: random}", "backbone: {name: ResNet50V2, weights_seed: 7}"));
    assertEquals(Blocks.backbone(BackboneFamily.RESNET50V2, Weights.random(7)), job.spec().blocks().get("base"));
    String weights = error(TINY.replace("backbone: {weights: random}", "backbone: {name: resnet101v2, weights: w.h5}"));
    assertTrue(weights.contains("the path of a Keras ResNet101V2 notop .h5 file"), weights);
  }

  @Test
  void anUnknownBackboneListsTheChoicesAndABackboneInTheHeadIsRefused() {
    assertEquals("job.yaml: $.backbone.name is \"resnet18\"; choose from: resnet50, resnet101, resnet152, resnet50v2,"
        + " resnet101v2, resnet152v2", error(TINY.replace("backbone: {weights: random}", "backbone: {name: resnet18}")));
    String weights = error(TINY.replace("backbone: {weights: random}", "backbone: {name: resnet152, weights: w.h5}"));
    assertTrue(weights.contains("the path of a Keras ResNet152 notop .h5 file"), weights);
    String inHead = error(TINY.replace("  - block: global_average_pooling", "  - {block: backbone, model: resnet101}"));
    assertTrue(inHead.contains("$.head[0].block is \"backbone\"; the input, backbone and softmax output are added"
        + " for you"), inHead);
  }

  @Test
  void aTunedBackboneIsTheParameterBaseModelOverTheFamiliesNamed() {
    String tuned = TINY.replace("backbone: {weights: random}", "backbone: {name: tune, weights: random, weights_seed: 5}")
        .replace("parameters:\n", "parameters:\n  base_model: {values: [resnet50, resnet152]}\n");
    Job job = read(tuned);
    assertEquals(List.of("base_model", "dense_units", "dropout_rate", "learn_rate"), job.spec().parameters().ids());
    assertEquals(List.of("resnet50", "resnet152"),
        ((org.tune4j.tuning.params.QualitativeParameter) job.spec().parameters().get("base_model")).values());
    assertEquals(2 * 8, job.grid().size(), "two backbones × the 8 head candidates");
    assertEquals("job.yaml: $.parameters.base_model.values[1] is \"resnet18\"; choose from: "
        + String.join(", ", BackboneFamily.names()), error(tuned.replace("resnet152]", "resnet18]")));
    String file = error(tuned.replace("weights: random", "weights: w.h5"));
    assertEquals("job.yaml: $.backbone.weights is the file \"w.h5\" but the backbone is tuned (name: tune) and a"
        + " weights file holds one model; give random, imagenet or auto, or name the model", file);
  }

  @Test
  void theBackbonesOwnKerasPreprocessingIsAskedByName() {
    assertEquals(java.util.Optional.empty(), read(TINY).preprocessing(), "the vignette's [0, 1] pixels by default");
    assertEquals(java.util.Optional.of(Preprocessing.CAFFE), read(TINY.replace("backbone: {weights: random}",
        "backbone: {weights: random, preprocessing: keras}")).preprocessing());
    assertEquals(java.util.Optional.of(Preprocessing.TF), read(TINY.replace("backbone: {weights: random}",
        "backbone: {name: resnet101v2, weights: random, preprocessing: keras}")).preprocessing());
    assertEquals(java.util.Optional.of(Preprocessing.TORCH), read(TINY.replace("backbone: {weights: random}",
        "backbone: {weights: random, preprocessing: torch}")).preprocessing());
    String tuned = TINY.replace("backbone: {weights: random}", "backbone: {name: tune, weights: random,"
        + " preprocessing: keras}").replace("parameters:\n", "parameters:\n  base_model: {values: [resnet50, resnet50v2]}\n");
    assertEquals("job.yaml: $.backbone.preprocessing is \"keras\" but the backbones tuned over prepare their images"
        + " differently (resnet50: caffe, resnet50v2: tf) and the images are prepared once for all of them; tune v1 or"
        + " v2 backbones only ($.parameters.base_model.values), or name one mode: caffe, tf, torch or scale01",
        error(tuned));
    assertEquals(java.util.Optional.of(Preprocessing.CAFFE), read(tuned.replace("resnet50v2]", "resnet152]"))
        .preprocessing(), "v1 backbones share caffe");
    assertEquals("job.yaml: $.backbone.preprocessing is \"bgr\"; choose from: scale01, keras, caffe, tf, torch",
        error(TINY.replace("backbone: {weights: random}", "backbone: {weights: random, preprocessing: bgr}")));
  }

  @Test
  void explicitAndRandomGridsAreBuilt() {
    Job explicit = read(TINY.replace("grid: {type: regular, levels: 2}", String.join("\n",
        "grid:", "  type: explicit", "  candidates:", "    - {dense_units: 8, dropout_rate: 0.1, learn_rate: 0.001}",
        "    - {dense_units: 16, dropout_rate: 0.2, learn_rate: 0.01}")));
    assertEquals(2, explicit.grid().size());
    assertEquals(5, read(TINY.replace("{type: regular, levels: 2}", "{type: random, size: 5}")).grid().size());
    assertEquals(4, read(TINY.replace("{type: regular, levels: 2}", "{type: space_filling, size: 4}")).grid().size());
    String outside = error(TINY.replace("grid: {type: regular, levels: 2}", String.join("\n",
        "grid:", "  type: explicit", "  candidates:", "    - {dense_units: 99, dropout_rate: 0.1, learn_rate: 0.001}")));
    assertTrue(outside.contains("$.grid") && outside.contains("99"), outside);
  }
}
