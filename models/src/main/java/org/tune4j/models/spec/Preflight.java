package org.tune4j.models.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.head.HeadTrainer;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.spec.GridChecks;

/**
 * Builds every candidate's network without training it, before any fit starts, and reports the
 * candidates that cannot be built — kerasnip's {@code compile_keras_grid}. Shapes are worked out
 * from the backbone's configuration (no backbone weights are allocated); each head network is
 * built and initialised. Stateless.
 */
public final class Preflight {
  private Preflight() {}

  /**
   * One candidate that cannot be built.
   *
   * @param configId the candidate's config id
   * @param message why, naming the block
   */
  public record Failure(String configId, String message) {}

  /**
   * Checks the grid against the spec, then builds each candidate for images of
   * {@code height × width} and {@code nClasses} classes.
   *
   * @return the candidates that fail, in grid order (empty when all build)
   * @throws IllegalArgumentException when the grid does not fit the spec at all (see {@link GridChecks})
   */
  public static List<Failure> check(ModelSpec spec, Grid grid, int height, int width, int nClasses) {
    GridChecks.check(spec, grid);
    Map<String, long[]> backboneShapes = new HashMap<>();
    List<Failure> failures = new ArrayList<>();
    for (Candidate c : grid.candidates()) {
      try {
        TransferModel model = SpecCompiler.compile(spec.finalize(c), height, width, 0);
        long[] shape = backboneShapes.computeIfAbsent(key(model.backbone()), k -> outputShape(model.backbone()));
        long nIn = featureWidth(shape, model.head().input());
        MultiLayerNetwork head = new MultiLayerNetwork(HeadTrainer.configuration(model.head(), model.fit(),
            Math.toIntExact(nIn), nClasses));
        head.init();
      } catch (RuntimeException e) {
        failures.add(new Failure(c.configId(), e.getMessage()));
      }
    }
    return List.copyOf(failures);
  }

  /** A table of failures, one line each, or a line saying all candidates build. */
  public static String describe(List<Failure> failures, int candidates) {
    if (failures.isEmpty()) {
      return "all " + candidates + " candidates build";
    }
    StringBuilder sb = new StringBuilder(failures.size() + " of " + candidates + " candidates cannot be built:");
    failures.forEach(f -> sb.append(System.lineSeparator()).append("  ").append(f.configId()).append(": ")
        .append(f.message()));
    return sb.toString();
  }

  private static String key(Backbone b) {
    return b.architecture().cacheIdentity() + "/" + b.pooling() + "/" + b.height() + "x" + b.width();
  }

  /** The backbone's output shape per image, from its configuration alone. */
  static long[] outputShape(Backbone backbone) {
    var conf = backbone.configuration();
    Map<String, InputType> types = conf.getLayerActivationTypes(InputType.convolutional(backbone.height(),
        backbone.width(), 3));
    InputType out = types.get(conf.getNetworkOutputs().get(0));
    return out.getShape(false);
  }

  static long featureWidth(long[] shape, HeadInput input) {
    if (shape.length == 1) {
      return shape[0];
    }
    return input == HeadInput.FLATTEN ? shape[0] * shape[1] * shape[2] : shape[0];
  }
}
