package org.tune4j.models.weights;

import org.tune4j.tuning.input.BadInputException;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras weights file in the legacy HDF5 layout, read without native code (jHDF).
 *
 * <p>The layout: the root (or its {@code model_weights} group, in a whole-model file) has the
 * attribute {@code layer_names}; each layer is a group with the attribute {@code weight_names},
 * and each weight is a dataset at {@code <layer>/<weight name>}, such as {@code
 * conv1_conv/conv1_conv/kernel:0}. Not thread-safe; close it after use.
 */
final class KerasH5File implements AutoCloseable {
  private final Path path;
  private final HdfFile hdf;
  private final Group root;
  private final List<String> layerNames;

  private KerasH5File(Path path, HdfFile hdf, Group root, List<String> layerNames) {
    this.path = path;
    this.hdf = hdf;
    this.root = root;
    this.layerNames = layerNames;
  }

  /**
   * Opens a file and reads its list of layers.
   *
   * @throws IllegalArgumentException naming the file when it is missing, not HDF5, or not in the
   *     Keras layout
   */
  static KerasH5File open(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new BadInputException("weights file " + path + " does not exist; check the path");
    }
    HdfFile hdf;
    try {
      hdf = new HdfFile(path);
    } catch (RuntimeException e) {
      throw new BadInputException("weights file " + path + " is not a readable HDF5 file ("
          + e.getMessage() + "); it is corrupt or truncated: replace it with a good copy", e);
    }
    try {
      Group root = hdf;
      Node modelWeights = hdf.getChildren().get("model_weights");
      if (modelWeights instanceof Group g) {
        root = g;
      }
      Attribute names = root.getAttribute("layer_names");
      if (names == null) {
        throw new BadInputException("weights file " + path + " has no 'layer_names' attribute: it is"
            + " HDF5 but not a Keras weights file (save one with model.save_weights(\"x.h5\"))");
      }
      return new KerasH5File(path, hdf, root, List.copyOf(strings(names.getData())));
    } catch (RuntimeException e) {
      hdf.close();
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw corrupt(path, "the layer list", e);
    }
  }

  /** The layers the file lists, in file order. */
  List<String> layerNames() {
    return layerNames;
  }

  /** The file. */
  Path path() {
    return path;
  }

  /**
   * Reads all weights of one layer, keyed by short name without {@code :0} ({@code kernel},
   * {@code bias}, {@code gamma}, {@code moving_mean}, …), in file order.
   */
  Map<String, H5Array> weights(String layer) {
    try {
      Node node = root.getChild(layer);
      if (!(node instanceof Group group)) {
        throw new BadInputException("weights file " + path + " lists layer '" + layer
            + "' but has no group for it; the file is corrupt");
      }
      Attribute names = group.getAttribute("weight_names");
      Map<String, H5Array> out = new LinkedHashMap<>();
      if (names == null) {
        return out;
      }
      for (String weightName : strings(names.getData())) {
        Node w = group.getByPath(weightName);
        if (!(w instanceof Dataset ds)) {
          throw new BadInputException("weights file " + path + ": layer '" + layer + "' names weight '"
              + weightName + "' but has no dataset for it; the file is corrupt");
        }
        out.put(shortName(weightName), new H5Array(ds.getDimensions(), floats(ds.getDataFlat())));
      }
      return out;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw corrupt(path, "layer '" + layer + "'", e);
    }
  }

  @Override
  public void close() {
    hdf.close();
  }

  /** {@code conv1_conv/kernel:0} → {@code kernel}. */
  static String shortName(String weightName) {
    String s = weightName.substring(weightName.lastIndexOf('/') + 1);
    int colon = s.indexOf(':');
    return colon >= 0 ? s.substring(0, colon) : s;
  }

  private static IllegalArgumentException corrupt(Path path, String what, RuntimeException e) {
    return new IllegalArgumentException("weights file " + path + " cannot be read at " + what + " (" + e.getMessage()
        + "); it is corrupt or truncated: replace it with a good copy", e);
  }

  private static List<String> strings(Object data) {
    List<String> out = new ArrayList<>();
    if (data == null) {
      return out; // jHDF reads an empty attribute (Keras' weight_names of a parameter-free layer) as null
    } else if (data instanceof String s) {
      out.add(s);
    } else if (data instanceof String[] arr) {
      out.addAll(Arrays.asList(arr));
    } else if (data != null && data.getClass().isArray() && java.lang.reflect.Array.getLength(data) == 0) {
      return out; // Keras writes an empty float array as the weight_names of a parameter-free layer
    } else if (data instanceof Object[] arr) {
      for (Object o : arr) {
        out.add(o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(o));
      }
    } else {
      throw new BadInputException("expected a list of names, found " + data);
    }
    return out;
  }

  private static float[] floats(Object flat) {
    if (flat instanceof float[] f) {
      return f;
    }
    if (flat instanceof double[] d) {
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        f[i] = (float) d[i];
      }
      return f;
    }
    throw new BadInputException("expected float weights, found " + (flat == null ? "null" : flat.getClass()));
  }

  /** A weight as stored: its HDF5 shape and values in row-major order. Not copied: internal use. */
  static final class H5Array {
    private final int[] shape;
    private final float[] values;

    H5Array(int[] shape, float[] values) {
      this.shape = shape;
      this.values = values;
    }

    int[] shape() {
      return shape.clone();
    }

    float[] values() {
      return values;
    }
  }
}
