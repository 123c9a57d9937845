package org.tune4j.models.head.fast;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.GELU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.GELUDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.head.Activations;

/**
 * The head activations as in-place ND4J ops on preallocated arrays, with the formulas DL4J uses
 * (GELU is DL4J's default, non-precise {@code GELU} op, {@code x * sigmoid(1.702 x)}, and its
 * {@code GELUDerivative}; ELU uses DL4J's {@code ELU} / {@code EluBp} ops with alpha 1). Stateless.
 */
enum Act {
  IDENTITY, RELU, TANH, SIGMOID, ELU_, GELU_;

  static Act of(String name) {
    Activations.toDl4j(name); // validates with the house message
    switch (name.toLowerCase(Locale.ROOT)) {
      case "relu": return RELU;
      case "tanh": return TANH;
      case "sigmoid": return SIGMOID;
      case "elu": return ELU_;
      case "gelu": return GELU_;
      default: return IDENTITY;
    }
  }

  /** {@code a = f(z)}; returns the array holding the result ({@code z} itself for the identity). */
  INDArray forward(INDArray z, INDArray a) {
    switch (this) {
      case RELU: Nd4j.getExecutioner().exec(new RectifiedLinear(z, a, 0.0)); return a;
      case TANH: Nd4j.getExecutioner().exec(new Tanh(z, a)); return a;
      case SIGMOID: Nd4j.getExecutioner().exec(new Sigmoid(z, a)); return a;
      case ELU_: Nd4j.exec(new ELU(z, a, 1.0)); return a;
      case GELU_: Nd4j.getExecutioner().exec(new GELU(z, a)); return a;
      default: return z;
    }
  }

  /**
   * {@code dz = g * f'(z)} where {@code a = f(z)}; {@code tmp} is scratch of the same shape. Returns the array
   * holding the result ({@code g} itself for the identity).
   */
  INDArray backward(INDArray z, INDArray a, INDArray g, INDArray dz, INDArray tmp) {
    switch (this) {
      case RELU:
        Nd4j.getExecutioner().exec(new Step(z, tmp, 0.0));
        return g.mul(tmp, dz);
      case TANH:
        a.mul(a, tmp);
        tmp.rsubi(1.0);
        return g.mul(tmp, dz);
      case SIGMOID:
        a.rsubi(1.0, tmp);
        tmp.muli(a);
        return g.mul(tmp, dz);
      case ELU_:
        Nd4j.exec(new EluBp(z, g, dz));
        return dz;
      case GELU_:
        Nd4j.getExecutioner().exec(new GELUDerivative(z, tmp));
        return g.mul(tmp, dz);
      default:
        return g;
    }
  }

  boolean identity() {
    return this == IDENTITY;
  }
}
