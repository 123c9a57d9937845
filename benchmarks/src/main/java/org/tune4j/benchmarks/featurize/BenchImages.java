package org.tune4j.benchmarks.featurize;

import java.util.List;
import java.util.Random;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.BackbonePlan;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.fused.FusedResNet;
import org.tune4j.models.weights.Weights;

/** Shared set-up of the featurizing benchmarks: random images and a ResNet50 plan. */
final class BenchImages {
  private BenchImages() {}

  static ImageSet random(int n, int size, long seed) {
    Random r = new Random(seed);
    float[] px = new float[n * 3 * size * size];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextFloat();
    }
    return ImageSet.of(size, size, 3, px, new int[n], List.of("x"));
  }

  static BackbonePlan resnet50(String plan, int size) {
    NativeBackend.initialize();
    BackboneNetwork net = Backbone.resnet50(Weights.random(1)).inputSize(size, size).build();
    return plan.equals("fused") ? FusedResNet.of(net) : net;
  }
}
