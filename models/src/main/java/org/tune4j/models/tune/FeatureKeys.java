package org.tune4j.models.tune;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.weights.PublishedWeights;
import org.tune4j.models.weights.Weights;

/**
 * The keys of the feature cache: everything that decides a frozen prefix's output — architecture,
 * pooling, input size, reduction, the weights, and the input pixels (so the preprocessing too).
 * Stateless.
 */
final class FeatureKeys {
  private FeatureKeys() {}

  /**
   * The key of one frozen prefix's store: what decides a feature row besides the image's bytes (which each row's
   * content key covers).
   */
  static String of(Backbone backbone, HeadInput reduction, ImageSource source) {
    return "tune4j-features/2|arch=" + backbone.architecture().cacheIdentity() + "|pooling=" + backbone.pooling()
        + "|input=" + backbone.height() + "x" + backbone.width() + "|reduction=" + reduction + "|weights="
        + weightsFingerprint(backbone) + "|image=" + source.channels() + "x" + source.height() + "x" + source.width()
        + "|preparation=" + source.preparation();
  }

  /**
   * Random weights by their seed, a file by its md5, a family's ImageNet weights by their published md5 (the file
   * is checked against it when the backbone is built, so this equals the key of that file given by path), anything
   * else by the hash of the built parameters.
   */
  static String weightsFingerprint(Backbone backbone) {
    Weights w = backbone.weights();
    if (w instanceof Weights.Random r) {
      return "random:" + r.seed();
    }
    if (w instanceof Weights.KerasFile f) {
      return "md5:" + PublishedWeights.md5Of(f.path());
    }
    if (w instanceof Weights.ImageNet && backbone.family().isPresent()) {
      return "md5:" + PublishedWeights.of(backbone.family().get()).md5();
    }
    float[] params = backbone.build().graph().params().data().asFloat();
    return "params-sha256:" + sha256(params);
  }

  private static String sha256(float[] values) {
    MessageDigest d = sha256Digest();
    ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    return HexFormat.of().formatHex(d.digest(buf.array()));
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
