package org.tune4j.models.data;

import java.io.InputStream;
import java.io.IOException;

/**
 * The data shipped inside tune4j: a stratified Fashion-MNIST sample of 2,000 training and 500
 * test images (200 and 50 per class), for demos, tests and benchmarks that must run anywhere.
 *
 * <p>Made by {@code models/tools/make_fashion_mnist_sample.py} from Debian's
 * {@code dataset-fashion-mnist}; the licence notice is beside the files. Images are grey 28×28 with
 * pixels 0–255. Stateless and thread-safe; each call reads the resources anew.
 */
public final class EmbeddedSample {
  private static final String FOLDER = "/org/tune4j/models/data/sample/";

  private EmbeddedSample() {}

  /** The training and test images of the embedded Fashion-MNIST sample. */
  public static TrainTest fashionMnist() {
    return new TrainTest(read("train"), read("test"));
  }

  private static ImageSet read(String split) {
    String images = FOLDER + split + "-images-idx3-ubyte.gz";
    String labels = FOLDER + split + "-labels-idx1-ubyte.gz";
    return IdxFormat.read(() -> resource(images), images, () -> resource(labels), labels, FashionMnist.LEVELS);
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = EmbeddedSample.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("resource " + name + " is missing from the tune4j-models jar; rebuild it");
    }
    return in;
  }
}
