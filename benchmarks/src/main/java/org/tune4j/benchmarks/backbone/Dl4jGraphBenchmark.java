package org.tune4j.benchmarks.backbone;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.weights.Weights;

/**
 * ResNet50 (Keras topology, no top, random weights) through DL4J's {@code ComputationGraph} in
 * inference mode, 32×32 input, batch 32: images per second with DL4J's oneDNN layer helpers on
 * (tune4j's default) and off (DL4J's default, the baseline). Each setting runs in its own JVM, as
 * DL4J reads the switch when it creates a layer.
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.openjdk.jmh.Main Dl4jGraphBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class Dl4jGraphBenchmark {
  static final int BATCH = 32;

  /** {@code on}: tune4j's default; {@code off}: DL4J's default. */
  @Param({"on", "off"})
  public String helpers;

  private BackboneNetwork network;
  private INDArray batch;

  /** Sets the helper switch before any layer exists, then builds the network and a batch. */
  @Setup
  public void build() {
    System.setProperty(NativeBackend.HELPERS_DISABLE_PROPERTY, helpers.equals("on") ? "false" : "true");
    NativeBackend.initialize();
    network = Backbone.resnet50(Weights.random(1)).inputSize(32, 32).build();
    batch = Nd4j.rand(DataType.FLOAT, BATCH, 3, 32, 32);
  }

  /** One batch of 32 images; the score is images per second. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public INDArray forward() {
    return network.graph().outputSingle(false, batch);
  }
}
