package org.tune4j.models.finetune;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.exception.ND4JIllegalStateException;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Why {@link TopGraph} replaces BatchNorm instead of freezing it: DL4J's BatchNorm wrapped in
 * {@link FrozenLayerWithBackprop} runs forward on its moving statistics, but its backward pass is the training-mode
 * one, which needs the minibatch statistics of a training-mode forward pass: in DL4J 1.0.0-M2.1 it fails (a workspace
 * error), and were it to run it would not give the inference-mode loss's gradient. The frozen affine map
 * ({@link TopGraph#inferenceNorm}) gives the true one, checked in float64 against central differences.
 */
class FrozenBatchNormGradientTest {
  static final double STEP = 1e-6;
  /** Central differences in float64 agree with a right analytic gradient to this (relative). */
  static final double RIGHT = 1e-5;
  /** A wrong gradient is off by far more than this (relative). */
  static final double WRONG = 1e-2;

  @Test
  void aFrozenDl4jBatchNormCannotBackPropagateTheInferenceModeGradientAndTheAffineMapDoes() {
    String frozenBn;
    try {
      double error = worstRelativeError(new FrozenLayerWithBackprop(new BatchNormalization.Builder().useLogStd(false)
          .eps(1e-3).build()), false);
      frozenBn = error > WRONG ? "wrong" : "right (error " + error + ")";
    } catch (ND4JIllegalStateException e) {
      // its backward pass reads batch statistics that only a training-mode forward pass leaves behind
      assertTrue(e.getMessage().contains("workspace"), e.getMessage());
      frozenBn = "failed";
    }
    assertTrue(frozenBn.equals("wrong") || frozenBn.equals("failed"), "DL4J's frozen BatchNorm now back-propagates"
        + " the inference-mode gradient, " + frozenBn + ": TopGraph could keep its BatchNorm layers");
    double affine = worstRelativeError(TopGraph.inferenceNorm(0), true);
    assertTrue(affine < RIGHT, "the affine map's gradient is off by " + affine);
  }

  /** The worst relative error of the convolution's weight gradient in a conv → norm → pooling → softmax graph. */
  private static double worstRelativeError(Layer norm, boolean affine) {
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
        .updater(new Sgd(0.1)).graphBuilder().addInputs("in").setInputTypes(InputType.convolutional(4, 4, 2))
        .addLayer("conv", new ConvolutionLayer.Builder(1, 1).nOut(3).activation(Activation.IDENTITY).build(), "in")
        .addLayer("norm", norm, "conv")
        .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "norm")
        .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("out").build();
    ComputationGraph g = new ComputationGraph(conf);
    g.init();
    if (affine) {
      g.getLayer("norm").getParam("W").assign(Nd4j.createFromArray(0.5, 2.0, 1.5).reshape(g.getLayer("norm")
          .getParam("W").shape()));
      g.getLayer("norm").getParam("b").assign(Nd4j.createFromArray(0.1, -0.2, 0.3).reshape(1, 3));
    } else {
      g.getLayer("norm").getParam("mean").assign(Nd4j.createFromArray(0.3, -0.1, 0.2).reshape(1, 3));
      g.getLayer("norm").getParam("var").assign(Nd4j.createFromArray(0.5, 2.0, 1.5).reshape(1, 3));
      g.getLayer("norm").getParam("gamma").assign(Nd4j.createFromArray(1.2, 0.7, 1.1).reshape(1, 3));
    }
    INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 2, 4, 4).subi(0.5);
    INDArray y = Nd4j.zeros(DataType.DOUBLE, 6, 2);
    for (int i = 0; i < 6; i++) {
      y.putScalar(i, i % 2, 1.0);
    }
    DataSet batch = new DataSet(x, y);
    g.setInput(0, x);
    g.setLabels(y);
    g.computeGradientAndScore();
    INDArray analytic = g.gradient().getGradientFor("conv_W").div(6);   // DL4J's gradient is of the summed loss
    INDArray w = g.getLayer("conv").getParam("W");
    double worst = 0;
    for (long j = 0; j < w.length(); j++) {
      double numeric = centralDifference(g, batch, w, j, STEP);
      double a = analytic.getDouble(j);
      worst = Math.max(worst, Math.abs(a - numeric) / Math.max(1e-3, Math.abs(a) + Math.abs(numeric)));
    }
    return worst;
  }

  /** The central difference of {@code g}'s mean loss on {@code batch} in weight {@code j} of {@code w}; restores it. */
  static double centralDifference(ComputationGraph g, DataSet batch, INDArray w, long j, double step) {
    double original = w.getDouble(j);
    w.putScalar(j, original + step);
    double up = g.score(batch, false);
    w.putScalar(j, original - step);
    double down = g.score(batch, false);
    w.putScalar(j, original);
    return (up - down) / (2 * step);
  }
}
