package org.tune4j.models.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.head.Predictions;
import org.tune4j.models.spec.Blocks;
import org.tune4j.models.spec.Compile;
import org.tune4j.models.spec.Fit;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.transfer.FittedTransferModel;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.models.weights.Weights;
import org.tune4j.tuning.engine.Control;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.engine.Tune;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.metrics.EventLevel;
import org.tune4j.tuning.metrics.MetricEstimate;
import org.tune4j.tuning.metrics.MetricSet;

/** Fine-tuning after {@code Tune.lastFit}: the frozen and the fine-tuned test metrics side by side. */
class FineTuneComparisonTest {
  /** Metrics of two float32 computations of the same probabilities. */
  static final double METRIC_TOLERANCE = 1e-4;
  /** Two epochs at 1e-3 move some test probability by more than this. */
  static final double MOVED = 1e-3;
  static ImageSplit split;
  static LastFit lastFit;

  static ImageSet prepare(ImageSet s) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(s, 32, 32)));
  }

  @BeforeAll
  static void fit() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    split = ImageSplit.of(new TrainTest(prepare(sample.train().firstPerClass(5)), prepare(sample.test()
        .firstPerClass(3))));
    ModelSpec spec = ModelSpec.functional("resnet_transfer")
        .block("input", Blocks.imageInput())
        .block("base", Blocks.resnet50(Weights.random(42)), "input")
        .block("pool", Blocks.globalAveragePooling(), "base")
        .block("dense", Blocks.dense(16, "relu"), "pool")
        .block("output", Blocks.softmaxOutput(), "dense")
        .fit(Fit.epochs(3).batchSize(16))
        .compile(Compile.adam().learnRate(0.01));
    lastFit = Tune.lastFit(spec.finalize(Map.of()), split, Control.builder().seed(2).build());
  }

  @Test
  void withNoEpochTheFineTunedMetricsAreTheFrozenOnes() {
    FineTuneComparison both = FineTuneComparison.of(lastFit, split, FineTune.topBlocks(1).epochs(0),
        MetricSet.defaultClassification(), EventLevel.FIRST);
    assertSame(lastFit.metrics(), both.frozen());
    assertEquals(names(both.frozen().rows()), names(both.fineTuned().rows()));
    for (MetricEstimate e : both.frozen().rows()) {
      assertEquals(e.estimate(), both.fineTuned().estimate(e.metric()), METRIC_TOLERANCE, e.metric());
    }
  }

  @Test
  void theFineTunedMetricsAreThoseOfTheFineTunedModel() {
    FineTuneComparison both = FineTuneComparison.of(lastFit, split, FineTune.topBlocks(1).learnRate(1e-3).epochs(2)
        .batchSize(16), MetricSet.parse("accuracy,mn_log_loss"), EventLevel.FIRST);
    assertEquals(List.of("accuracy", "mn_log_loss"), names(both.fineTuned().rows()));
    assertEquals("conv5_block2_out", both.model().frozenOutput());
    assertEquals(2, both.model().history().size());
    ImageSet test = split.testingImages();
    Predictions p = both.model().predict(test);
    assertEquals(test.size(), both.predictions().size());
    assertEquals(p.accuracy(test.labels()), both.fineTuned().estimate("accuracy"), METRIC_TOLERANCE);
    Predictions before = ((FittedTransferModel) lastFit.model().unwrap()).predict(test);
    double changed = 0;
    for (int i = 0; i < test.size(); i++) {
      for (int k = 0; k < test.levels().size(); k++) {
        changed = Math.max(changed, Math.abs(p.probability(i, k) - before.probability(i, k)));
      }
    }
    assertTrue(changed > MOVED, "two epochs at 1e-3 changed the test probabilities by at most " + changed);
  }

  @Test
  void aLastFitOfTheWholeGraphIsRefused() {
    ModelEngine.FittedModel whole = new ModelEngine.FittedModel() {
      @Override
      public ClassPredictions predict(int[] rows) {
        return lastFit.predictions();
      }

      @Override
      public Object unwrap() {
        return "a FittedWholeGraph";
      }
    };
    LastFit plain = new LastFit(whole, lastFit.metrics(), lastFit.predictions(), lastFit.collectPredictions());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FineTuneComparison.of(plain, split,
        FineTune.topBlocks(1), MetricSet.defaultClassification(), EventLevel.FIRST));
    assertTrue(e.getMessage().startsWith("the last fit's model is a String, not a model fitted with its backbone"
        + " frozen"), e.getMessage());
  }

  private static List<String> names(List<MetricEstimate> rows) {
    return rows.stream().map(MetricEstimate::metric).toList();
  }
}
