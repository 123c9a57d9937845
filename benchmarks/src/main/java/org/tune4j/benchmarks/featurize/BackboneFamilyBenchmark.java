package org.tune4j.benchmarks.featurize;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackbonePlan;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.transfer.Featurizer;
import org.tune4j.models.weights.Weights;
import org.tune4j.models.zoo.BackboneFamily;

/**
 * Featurizing throughput of every {@link BackboneFamily} at 224×224, images per second, through the plan
 * tune4j featurizes with ({@link Featurizer#fused}: the fused plan, or DL4J's graph for a family without one),
 * random weights, 16 images per chunk as the featurizer cuts them. {@code benchmarks/peers/compare-backbones.sh}
 * runs torchvision's model of each family beside it ({@code torch_backbones.py}) and prints the ratios.
 * {@code -p family=resnet50} picks one family.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 8)
@Measurement(iterations = 3, time = 8)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dorg.bytedeco.javacpp.maxbytes=12G"})
public class BackboneFamilyBenchmark {
  static final int SIZE = 224;
  static final int IMAGES = 32;

  /** A family's Keras name; the list is every family this benchmark was written for. */
  @Param({"resnet50", "resnet101", "resnet152", "resnet50v2", "resnet101v2", "resnet152v2"})
  public String family;

  private BackbonePlan plan;
  private ImageSet images;

  /** Builds the family's plan and random images. */
  @Setup
  public void setUp() {
    NativeBackend.initialize();
    Backbone backbone = Backbone.of(BackboneFamily.parse(family), Weights.random(1)).inputSize(SIZE, SIZE);
    plan = Featurizer.fused(backbone, org.tune4j.models.head.HeadInput.GLOBAL_AVERAGE_POOLING).plan();
    images = BenchImages.random(IMAGES, SIZE, 7);
  }

  /** Featurizes the images once. */
  @Benchmark
  @OperationsPerInvocation(IMAGES)
  public INDArray featurize() {
    return plan.output(images, Featurizer.chunkFor(SIZE, SIZE));
  }
}
