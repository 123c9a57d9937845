package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tune4j.tuning.spec.Tunable.tune;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.spec.Block;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.spec.Compile;
import org.tune4j.models.spec.Fit;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.params.QualitativeParameter;
import org.tune4j.tuning.results.MetricSummary;
import org.tune4j.tuning.results.TuneResults;
import org.tune4j.tuning.engine.Tune;

/** The backbone is a tunable qualitative parameter, {@code base_model}: one run compares backbones, each featurized once. */
class TunedBackboneTest {
  private static ModelSpec spec(Block base) {
    return ModelSpec.functional("backbones")
        .block("input", Blocks.imageInput())
        .block("base", base, "input")
        .block("pool", Blocks.globalAveragePooling(), "base")
        .block("dense", Blocks.dense(tune(), "relu"), "pool")
        .block("output", Blocks.softmaxOutput(), "dense")
        .fit(Fit.epochs(2).batchSize(16))
        .compile(Compile.adam().learnRate(1e-2));
  }

  private static ImageSplit split() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    return ImageSplit.of(new TrainTest(TuneGridTest.prepare(sample.train().firstPerClass(4)),
        TuneGridTest.prepare(sample.test().firstPerClass(1))));
  }

  @Test
  void aGridOverBaseModelFeaturizesEachBackboneOnceAndScoresItAsAFixedBackboneRun() {
    ModelSpec tuned = spec(Blocks.backbone(tune(), Weights.random(42)))
        .update("base_model", QualitativeParameter.of("base_model", "Base model", List.of("resnet50", "resnet101")));
    assertEquals(List.of("base_model", "dense_units"), tuned.parameters().ids());
    Grid grid = Grids.of(tuned.parameters(), List.of(Map.of("base_model", "resnet50", "dense_units", 8),
        Map.of("base_model", "resnet101", "dense_units", 8)));
    Control control = Control.builder().threads(2).seed(5).build();
    ImageSplit split = split();
    TuneResults results = Tune.tuneGrid(tuned, split.vfoldCv(2, 1), grid, control);
    assertEquals(2, split.trainingData().store().featurized(), "one frozen prefix per backbone");
    for (FeatureStore.Entry e : split.trainingData().store().entries()) {
      assertEquals(e.stats().rows(), e.stats().computed(), "each image through each backbone once");
    }
    Map<Object, Double> accuracy = results.metricSummaries().stream().filter(m -> m.metric().equals("accuracy"))
        .collect(Collectors.toMap(m -> m.params().get("base_model"), MetricSummary::mean));
    assertEquals(Set.of("resnet50", "resnet101"), accuracy.keySet());

    ModelSpec fixed = spec(Blocks.resnet50(Weights.random(42)));
    Grid one = Grids.of(fixed.parameters(), List.of(Map.of("dense_units", 8)));
    ImageSplit again = split();
    TuneResults alone = Tune.tuneGrid(fixed, again.vfoldCv(2, 1), one, control);
    double resnet50Alone = alone.metricSummaries().stream().filter(m -> m.metric().equals("accuracy"))
        .findFirst().orElseThrow().mean();
    assertEquals(resnet50Alone, accuracy.get("resnet50"), 0.0, "the tuned run's ResNet50 candidate is the fixed run");
  }

  @Test
  void theDefaultChoicesAreEveryFamilyAndAWeightsFileIsRefused() {
    ModelSpec tuned = spec(Blocks.backbone(tune(), Weights.imagenet()));
    QualitativeParameter p = (QualitativeParameter) tuned.parameters().get("base_model");
    assertEquals(org.tune4j.models.zoo.BackboneFamily.names(), p.values());
    String e = assertThrows(IllegalArgumentException.class,
        () -> Blocks.backbone(tune(), Weights.file(Path.of("resnet50.h5")))).getMessage();
    assertEquals("a tuned backbone cannot take the weights file resnet50.h5: a file holds the weights of one model;"
        + " give Weights.imagenet() (each model's published file) or Weights.random(seed), or fix the model", e);
  }
}
