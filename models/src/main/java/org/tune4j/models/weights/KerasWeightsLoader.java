package org.tune4j.models.weights;

import org.tune4j.tuning.input.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies the weights of a Keras HDF5 file into a DL4J graph whose layers carry Keras' names.
 *
 * <p>Every layer of the graph that has parameters must be in the file under the same name, with
 * the same shapes: convolution kernels (Keras HWIO, permuted to DL4J's {@code [out, in, h, w]}) and
 * biases; BatchNorm {@code gamma}, {@code beta}, {@code moving_mean}, {@code moving_variance}.
 * Layers of the file that the graph lacks (a classification top, say) are reported, not loaded.
 * Stateless and thread-safe; the graph being loaded must not be in use.
 */
public final class KerasWeightsLoader {
  private KerasWeightsLoader() {}

  /**
   * Loads {@code file} into {@code graph}, checking the md5 first when the file has a published
   * name.
   *
   * @return which layers were set and which file layers were not used
   * @throws IllegalArgumentException naming the file and the layer when a layer is missing, a
   *     shape differs, or the file is corrupt
   */
  public static LoadReport load(ComputationGraph graph, Path file) {
    PublishedWeights.verify(file);
    try (KerasH5File h5 = KerasH5File.open(file)) {
      Set<String> inFile = new HashSet<>(h5.layerNames());
      List<String> loaded = new ArrayList<>();
      for (Layer layer : graph.getLayers()) {
        String name = layer.conf().getLayer().getLayerName();
        if (layer.numParams() == 0) {
          continue;
        }
        if (!inFile.contains(name)) {
          throw new BadInputException("weights file " + file + " has no layer '" + name
              + "', which the network needs; the file holds " + h5.layerNames().size()
              + " layers: use the weights file made for this architecture");
        }
        Map<String, KerasH5File.H5Array> weights = h5.weights(name);
        if (layer instanceof ConvolutionLayer) {
          setConv(layer, name, weights, file);
        } else if (layer instanceof BatchNormalization) {
          setBatchNorm(layer, name, weights, file);
        } else {
          throw new BadInputException("layer '" + name + "' of type " + layer.getClass().getSimpleName()
              + " cannot take Keras weights yet; only convolution and BatchNormalization layers can");
        }
        loaded.add(name);
      }
      Set<String> unused = new HashSet<>(h5.layerNames());
      unused.removeAll(loaded);
      unused.removeIf(n -> h5.weights(n).isEmpty());
      return new LoadReport(file, loaded, List.copyOf(new java.util.TreeSet<>(unused)));
    }
  }

  private static void setConv(Layer layer, String name, Map<String, KerasH5File.H5Array> w, Path file) {
    INDArray target = layer.getParam("W");
    long[] s = target.shape(); // [out, in, kh, kw]
    KerasH5File.H5Array kernel = require(w, "kernel", name, file);
    checkShape(kernel, new long[] {s[2], s[3], s[1], s[0]}, name, "kernel", file);
    INDArray hwio = Nd4j.create(kernel.values(), new long[] {s[2], s[3], s[1], s[0]}, 'c').castTo(DataType.FLOAT);
    target.assign(hwio.permute(3, 2, 0, 1));
    if (layer.paramTable().containsKey("b")) {
      setVector(layer, "b", require(w, "bias", name, file), name, "bias", file);
    } else if (w.containsKey("bias")) {
      throw new BadInputException("weights file " + file + ": layer '" + name
          + "' has a bias but the network's convolution has none; build the layer with a bias");
    }
  }

  private static void setBatchNorm(Layer layer, String name, Map<String, KerasH5File.H5Array> w, Path file) {
    setVector(layer, "gamma", require(w, "gamma", name, file), name, "gamma", file);
    setVector(layer, "beta", require(w, "beta", name, file), name, "beta", file);
    setVector(layer, "mean", require(w, "moving_mean", name, file), name, "moving_mean", file);
    setVector(layer, "var", require(w, "moving_variance", name, file), name, "moving_variance", file);
  }

  private static void setVector(Layer layer, String key, KerasH5File.H5Array values, String name, String weight,
      Path file) {
    INDArray target = layer.getParam(key);
    checkShape(values, new long[] {target.length()}, name, weight, file);
    target.assign(Nd4j.create(values.values(), target.shape(), 'c'));
  }

  private static KerasH5File.H5Array require(Map<String, KerasH5File.H5Array> w, String key, String name, Path file) {
    KerasH5File.H5Array a = w.get(key);
    if (a == null) {
      throw new BadInputException("weights file " + file + ": layer '" + name + "' has no weight '" + key
          + "' (it has " + w.keySet() + "); the file does not match this architecture");
    }
    return a;
  }

  private static void checkShape(KerasH5File.H5Array a, long[] expected, String name, String weight, Path file) {
    long[] actual = Arrays.stream(a.shape()).asLongStream().toArray();
    if (!Arrays.equals(actual, expected)) {
      throw new BadInputException("weights file " + file + ": layer '" + name + "' weight '" + weight
          + "' has shape " + Arrays.toString(actual) + " but the network needs " + Arrays.toString(expected)
          + " (Keras layout); the file was made for another architecture or input");
    }
  }

  /**
   * What a load did.
   *
   * @param file the weights file
   * @param loadedLayers the graph layers whose weights were set, in graph order
   * @param unusedFileLayers layers with weights in the file that the graph does not have, sorted
   */
  public record LoadReport(Path file, List<String> loadedLayers, List<String> unusedFileLayers) {
    /** Copies the lists. */
    public LoadReport {
      loadedLayers = List.copyOf(loadedLayers);
      unusedFileLayers = List.copyOf(unusedFileLayers);
    }
  }
}
