package org.tune4j.models.fused;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.BackbonePlan;
import org.tune4j.models.backbone.Pooling;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.zoo.ResNetVersion;

/**
 * The fused inference plan of a frozen Keras ResNet (v1 or v2, any number of blocks per stage:
 * ResNet50, ResNet101, ResNet152 and their V2s alike): every BatchNorm that follows a convolution
 * folded into it, ReLU applied in place, activations NHWC, each convolution one ND4J (oneDNN) op, and
 * every chunk of images computed inside a reused ND4J workspace so no activation is freshly allocated
 * after the first chunk. Gives DL4J's graph output within float tolerance, several times faster.
 *
 * <p>The plan is a list of steps: the stem, then one step per block ({@code BottleneckV1}: post-
 * activation; {@code BottleneckV2}: pre-activation, whose {@code preact_bn} stays a per-channel affine
 * because the identity shortcut needs the raw input), then for v2 {@code post_bn} + {@code post_relu};
 * then the backbone's pooling.
 *
 * <pre>{@code
 * BackbonePlan plan = FusedResNet.of(Backbone.resnet50(Weights.random(1)).inputSize(32, 32).build());
 * INDArray features = plan.output(images, 64);
 * }</pre>
 *
 * <p>Not thread-safe: one plan serves one thread at a time (its workspace is per thread, but the
 * learnt workspace size assumes one chunk size).
 */
public final class FusedResNet implements BackbonePlan {
  private static final String WORKSPACE = "tune4j-fused-resnet";

  private final Backbone spec;
  private final long[] outputShape;
  private final List<FusedStep> steps;

  private FusedResNet(Backbone spec, long[] outputShape, List<FusedStep> steps) {
    this.spec = spec;
    this.outputShape = outputShape;
    this.steps = List.copyOf(steps);
  }

  /**
   * Builds the fused plan from a built backbone (its weights are read, not shared).
   *
   * @throws IllegalArgumentException when the backbone's family has no fused plan
   *     ({@link Backbone#hasFusedPlan()}): run its {@link BackboneNetwork} instead
   */
  public static FusedResNet of(BackboneNetwork network) {
    if (!network.spec().hasFusedPlan()) {
      throw new IllegalArgumentException("the fused plan does not run " + network.spec().architecture().name()
          + " yet; run its BackboneNetwork (DL4J's graph) instead");
    }
    ComputationGraph g = network.graph();
    ResNetArchitecture arch = network.spec().architecture();
    long h = network.spec().height();
    long w = network.spec().width();
    List<FusedStep> steps = arch.version() == ResNetVersion.V2 ? BottleneckV2.steps(g, arch, h, w)
        : BottleneckV1.steps(g, arch, h, w);
    return new FusedResNet(network.spec(), network.outputShape(), steps);
  }

  /** The output side of a stride-2 layer whose padding keeps {@code ceil(side / 2)}. */
  static long halve(long side) {
    return (side - 1) / 2 + 1;
  }

  @Override
  public Backbone spec() {
    return spec;
  }

  @Override
  public long[] outputShape() {
    return outputShape.clone();
  }

  @Override
  public INDArray output(ImageSet images, int chunk) {
    spec.requireFits(images);
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk = " + chunk + " must be at least 1");
    }
    int n = images.size();
    INDArray out = Nd4j.create(DataType.FLOAT, shapeOf(n));
    WorkspaceConfiguration conf = workspace();
    float[] buffer = new float[chunk * images.pixelsPerImage()];
    for (int from = 0; from < n; from += chunk) {
      int count = Math.min(chunk, n - from);
      images.copyPixels(from, count, buffer);
      forwardChunk(buffer, count, conf, out.get(NDArrayIndex.interval(from, from + count)));
    }
    return out;
  }

  @Override
  public INDArray outputChunk(float[] pixels, int count) {
    spec.requireChunk(pixels, count);
    INDArray out = Nd4j.create(DataType.FLOAT, shapeOf(count));
    forwardChunk(pixels, count, workspace(), out);
    return out;
  }

  /**
   * Runs images through the part of the plan below block {@code firstBlock} (0-based, Keras order: 0 is
   * {@code conv2_block1}, whose input is the stem's pooled output), {@code chunk} images at a time: the frozen part
   * of a fine-tune whose unfrozen blocks start there.
   *
   * @return the activations block {@code firstBlock} reads, one row per image, NCHW {@code [n, c, h, w]}
   * @throws IllegalArgumentException when the images do not fit or {@code firstBlock} is not a block of the plan
   */
  public INDArray outputBelow(int firstBlock, ImageSet images, int chunk) {
    spec.requireFits(images);
    int blocks = spec.architecture().blocksPerStage().stream().mapToInt(Integer::intValue).sum();
    if (chunk < 1 || firstBlock < 0 || firstBlock >= blocks) {
      throw new IllegalArgumentException("chunk = " + chunk + " must be at least 1 and firstBlock = " + firstBlock
          + " in 0.." + (blocks - 1));
    }
    long[] one = below(firstBlock, Nd4j.zeros(DataType.FLOAT, 1, spec.height(), spec.width(), 3)).shape();
    int n = images.size();
    INDArray out = Nd4j.create(DataType.FLOAT, n, one[3], one[1], one[2]);
    WorkspaceConfiguration conf = workspace();
    int per = images.pixelsPerImage();
    float[] buffer = new float[chunk * per];
    for (int from = 0; from < n; from += chunk) {
      int count = Math.min(chunk, n - from);
      images.copyPixels(from, count, buffer);
      float[] pixels = count == chunk ? buffer : Arrays.copyOf(buffer, count * per);
      try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, WORKSPACE + "-below")) {
        INDArray nchw = Nd4j.create(pixels, new long[] {count, 3, spec.height(), spec.width()}, 'c');
        out.get(NDArrayIndex.interval(from, from + count)).assign(below(firstBlock,
            nchw.permute(0, 2, 3, 1).dup('c')).permute(0, 3, 1, 2));
      }
    }
    return out;
  }

  /** NHWC input → the input of block {@code firstBlock}, NHWC: the stem (step 0), then the blocks below it. */
  private INDArray below(int firstBlock, INDArray x) {
    for (int i = 0; i <= firstBlock; i++) {
      x = steps.get(i).apply(x);
    }
    return x;
  }

  /** The output shape of {@code n} images. */
  private long[] shapeOf(int n) {
    long[] shape = new long[outputShape.length + 1];
    shape[0] = n;
    System.arraycopy(outputShape, 0, shape, 1, outputShape.length);
    return shape;
  }

  /** The workspace every chunk reuses: sized on the first chunk, then allocation-free. */
  private static WorkspaceConfiguration workspace() {
    return WorkspaceConfiguration.builder().initialSize(0).policyAllocation(AllocationPolicy.STRICT)
        .policyLearning(LearningPolicy.FIRST_LOOP).build();
  }

  /** Runs {@code count} images of {@code buffer} through the plan inside the reused workspace, into {@code target}. */
  private void forwardChunk(float[] buffer, int count, WorkspaceConfiguration conf, INDArray target) {
    int per = 3 * spec.height() * spec.width();
    float[] pixels = buffer.length == (long) count * per ? buffer : Arrays.copyOf(buffer, count * per);
    try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, WORKSPACE)) {
      INDArray nchw = Nd4j.create(pixels, new long[] {count, 3, spec.height(), spec.width()}, 'c');
      target.assign(forward(nchw.permute(0, 2, 3, 1).dup('c')));
    }
  }

  /** NHWC input → the backbone's output in DL4J's layout (NCHW, or [n, c] when pooled). */
  private INDArray forward(INDArray x) {
    for (FusedStep step : steps) {
      x = step.apply(x);
    }
    if (spec.pooling() == Pooling.AVG) {
      return x.mean(1, 2);
    }
    if (spec.pooling() == Pooling.MAX) {
      return x.max(1, 2);
    }
    return x.permute(0, 3, 1, 2);
  }
}
