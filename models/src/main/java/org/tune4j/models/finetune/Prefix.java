package org.tune4j.models.finetune;

import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.backbone.ResNetBlocks;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.fused.FusedResNet;
import org.tune4j.models.transfer.Featurizer;

/**
 * The frozen lower part of a backbone, run in inference mode up to the output of the last frozen block (the vertex the
 * first unfrozen block reads), nothing above it computed: through the fused inference plan (BatchNorm folded, oneDNN
 * convolutions; equal to DL4J's graph within float tolerance) when the backbone has one, or DL4J's graph. Not
 * thread-safe (it runs one plan).
 */
final class Prefix {
  private final BackboneNetwork backbone;
  private final FusedResNet fused;
  private final int firstBlock;
  private final String cut;
  private final int cutIndex;
  private final long[] shape;

  private Prefix(BackboneNetwork backbone, int firstBlock, boolean useFused) {
    this.backbone = backbone;
    this.fused = useFused ? FusedResNet.of(backbone) : null;
    this.firstBlock = firstBlock;
    this.cut = ResNetBlocks.inputOf(backbone.spec().architecture(), firstBlock);
    this.cutIndex = backbone.graph().getVertex(cut).getVertexIndex();
    INDArray probe = Nd4j.zeros(DataType.FLOAT, 1, 3, backbone.spec().height(), backbone.spec().width());
    long[] s = run(probe).shape();
    this.shape = Arrays.copyOfRange(s, 1, s.length);
  }

  /**
   * The part of {@code backbone} below block {@code firstBlock} (0-based, {@link ResNetBlocks#names} order), through
   * the fused plan when the backbone has one.
   */
  static Prefix below(BackboneNetwork backbone, int firstBlock) {
    return new Prefix(backbone, firstBlock, backbone.spec().hasFusedPlan());
  }

  /** As {@link #below}, always through DL4J's graph: the exact frozen computation of DL4J's frozen layers. */
  static Prefix belowInGraph(BackboneNetwork backbone, int firstBlock) {
    return new Prefix(backbone, firstBlock, false);
  }

  /** Whether it runs the fused plan. */
  boolean fused() {
    return fused != null;
  }

  /** The vertex whose output is cached, e.g. {@code conv5_block2_out}. */
  String cut() {
    return cut;
  }

  /** One image's activation at the cut, {@code [channels, h, w]}. */
  long[] shape() {
    return shape.clone();
  }

  /** Values per image at the cut. */
  long width() {
    return shape[0] * shape[1] * shape[2];
  }

  /**
   * Runs {@code images} through the frozen part in chunks; one flattened (c-order) activation per row,
   * {@code [n, channels·h·w]}.
   */
  INDArray activations(ImageSet images) {
    backbone.spec().requireFits(images);
    int n = images.size();
    int chunk = Featurizer.chunkFor(images.height(), images.width());
    if (fused != null) {
      return fused.outputBelow(firstBlock, images, chunk).reshape('c', n, width());
    }
    INDArray out = Nd4j.create(DataType.FLOAT, n, width());
    float[] buffer = new float[chunk * images.pixelsPerImage()];
    for (int from = 0; from < n; from += chunk) {
      int count = Math.min(chunk, n - from);
      images.copyPixels(from, count, buffer);
      INDArray batch = Nd4j.create(Arrays.copyOf(buffer, count * images.pixelsPerImage()),
          new long[] {count, 3, images.height(), images.width()}, 'c');
      out.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all())
          .assign(run(batch).reshape('c', count, width()));
    }
    return out;
  }

  private INDArray run(INDArray batch) {
    ComputationGraph graph = backbone.graph();
    // this overload takes a vertex index (the single-array one takes an index into the layer array)
    return graph.feedForward(new INDArray[] {batch}, cutIndex, false, true).get(cut);
  }
}
