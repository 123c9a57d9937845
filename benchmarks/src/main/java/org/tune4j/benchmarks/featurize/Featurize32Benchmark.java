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
import org.tune4j.models.backbone.BackbonePlan;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.transfer.Featurizer;

/**
 * Featurizing throughput at 32×32, images per second: a frozen ResNet50 (Keras topology, no top,
 * random weights) through the fused inference plan against DL4J's layer-by-layer graph (the
 * baseline, with its oneDNN helpers on), 256 images per call in the featurizer's chunks.
 * {@code benchmarks/peers/compare-featurize.sh} puts PyTorch beside it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dorg.bytedeco.javacpp.maxbytes=12G"})
public class Featurize32Benchmark {
  static final int IMAGES = 256;

  @Param({"fused", "dl4j-graph"})
  public String plan;

  private BackbonePlan backbone;
  private ImageSet images;

  /** Builds the backbone and random images. */
  @Setup
  public void setUp() {
    backbone = BenchImages.resnet50(plan, 32);
    images = BenchImages.random(IMAGES, 32, 7);
  }

  /** Featurizes the images once. */
  @Benchmark
  @OperationsPerInvocation(IMAGES)
  public INDArray featurize() {
    return backbone.output(images, Featurizer.chunkFor(32, 32));
  }
}
