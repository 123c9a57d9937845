package org.tune4j.models.backbone;

import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.data.ImageSet;

/**
 * A built backbone: the DL4J graph with its weights, run in inference mode only.
 *
 * <p>{@link #output(ImageSet, int)} pushes images through the frozen network in chunks, so memory
 * stays bounded whatever the number of images. Not thread-safe: one network serves one thread
 * at a time (DL4J's rule); build one per thread.
 */
public final class BackboneNetwork implements BackbonePlan {
  private final Backbone spec;
  private final ComputationGraph graph;

  BackboneNetwork(Backbone spec, ComputationGraph graph) {
    this.spec = spec;
    this.graph = graph;
  }

  /** What this network was built from. */
  @Override
  public Backbone spec() {
    return spec;
  }

  /** The underlying DL4J graph (for inspection and equivalence tests; do not train it). */
  public ComputationGraph graph() {
    return graph;
  }

  /** The number of parameters, including BatchNorm's moving statistics (as Keras counts them). */
  public long numParams() {
    return graph.numParams();
  }

  /** The shape of one image's output: {@code [channels, h, w]} without pooling, {@code [channels]} with. */
  @Override
  public long[] outputShape() {
    INDArray probe = Nd4j.zeros(DataType.FLOAT, 1, 3, spec.height(), spec.width());
    long[] s = graph.outputSingle(false, probe).shape();
    return Arrays.copyOfRange(s, 1, s.length);
  }

  /**
   * Runs images through the frozen backbone in inference mode, {@code chunk} images at a time.
   *
   * @param images 3-channel images of this backbone's input size
   * @param chunk how many images go through at once, at least 1
   * @return one row per image: {@code [n, channels]} with pooling, {@code [n, channels, h, w]} without
   * @throws IllegalArgumentException when the images do not fit the backbone's input
   */
  @Override
  public INDArray output(ImageSet images, int chunk) {
    spec.requireFits(images);
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk = " + chunk + " must be at least 1");
    }
    return outputUnchecked(images, chunk);
  }

  private INDArray outputUnchecked(ImageSet images, int chunk) {
    int n = images.size();
    long[] one = outputShapeFor(images, chunk);
    long[] shape = one.clone();
    shape[0] = n;
    INDArray out = Nd4j.create(DataType.FLOAT, shape);
    float[] buffer = new float[chunk * images.pixelsPerImage()];
    for (int from = 0; from < n; from += chunk) {
      int count = Math.min(chunk, n - from);
      images.copyPixels(from, count, buffer);
      INDArray batch = Nd4j.create(Arrays.copyOf(buffer, count * images.pixelsPerImage()),
          new long[] {count, 3, spec.height(), spec.width()}, 'c');
      INDArray result = graph.outputSingle(false, batch);
      out.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + count)).assign(result);
    }
    return out;
  }

  @Override
  public INDArray outputChunk(float[] pixels, int count) {
    spec.requireChunk(pixels, count);
    int per = 3 * spec.height() * spec.width();
    INDArray batch = Nd4j.create(Arrays.copyOf(pixels, count * per), new long[] {count, 3, spec.height(), spec.width()},
        'c');
    return graph.outputSingle(false, batch);
  }

  private long[] outputShapeFor(ImageSet images, int chunk) {
    long[] per = outputShape();
    long[] shape = new long[per.length + 1];
    System.arraycopy(per, 0, shape, 1, per.length);
    shape[0] = Math.min(chunk, Math.max(1, images.size()));
    return shape;
  }
}
