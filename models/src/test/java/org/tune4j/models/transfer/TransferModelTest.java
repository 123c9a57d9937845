package org.tune4j.models.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.Pooling;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.Predictions;
import org.tune4j.models.weights.Weights;

class TransferModelTest {
  static final ResNetArchitecture SMALL = ResNetArchitecture.of(16, List.of(1, 1), List.of(16, 32));

  static ImageSet prepare(ImageSet s) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(s, 32, 32)));
  }

  @Test
  void theVignetteShapeBeatsTheMajorityClassOnTheEmbeddedSample() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    ImageSet train = prepare(sample.train().firstPerClass(30));
    ImageSet test = prepare(sample.test().firstPerClass(10));
    TransferModel model = TransferModel.of(Backbone.resnet(SMALL, Weights.random(3)).inputSize(32, 32),
        HeadSpec.flatten(), FitSpec.defaults().epochs(5).validationSplit(0.2).learnRate(0.003).seed(4));
    List<EpochMetrics> epochs = new ArrayList<>();
    FittedTransferModel fitted = model.fit(train, epochs::add);
    assertEquals(5, epochs.size());
    assertTrue(!Double.isNaN(epochs.get(4).valAccuracy()));
    Predictions p = fitted.predict(test);
    assertEquals(100, p.size());
    assertEquals(10, p.levels().size());
    double accuracy = p.accuracy(test.labels());
    assertTrue(accuracy > 0.3, "accuracy " + accuracy + " should clearly beat the majority share 0.1");
  }

  @Test
  void globalPoolingHeadNeedsAnUnpooledBackbone() {
    ImageSet train = prepare(EmbeddedSample.fashionMnist().test().firstPerClass(1));
    TransferModel model = TransferModel.of(Backbone.resnet(SMALL, Weights.random(3)).inputSize(32, 32)
        .pooling(Pooling.AVG), HeadSpec.globalAveragePooling(), FitSpec.defaults());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(train, m -> { }));
    assertTrue(e.getMessage().contains("needs a 4-D backbone output"), e.getMessage());
  }

  @Test
  void imagesOfTheWrongSizeAreRefusedWithTheFix() {
    ImageSet grey28 = EmbeddedSample.fashionMnist().test().firstPerClass(1);
    TransferModel model = TransferModel.of(Backbone.resnet(SMALL, Weights.random(3)).inputSize(32, 32),
        HeadSpec.flatten(), FitSpec.defaults());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.fit(grey28, m -> { }));
    assertTrue(e.getMessage().contains("images are 1×28×28 but the backbone takes 3×32×32"), e.getMessage());
  }
}
