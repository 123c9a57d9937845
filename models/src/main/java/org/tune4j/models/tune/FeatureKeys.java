package org.tune4j.models.tune;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.data.ImageSet;
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

  static String of(Backbone backbone, HeadInput reduction, String dataFingerprint) {
    return "tune4j-features/1|arch=" + backbone.architecture() + "|pooling=" + backbone.pooling() + "|input="
        + backbone.height() + "x" + backbone.width() + "|reduction=" + reduction + "|weights="
        + weightsFingerprint(backbone) + "|data=" + dataFingerprint;
  }

  /** Random weights by their seed, a file by its md5, anything else by the hash of the built parameters. */
  static String weightsFingerprint(Backbone backbone) {
    Weights w = backbone.weights();
    if (w instanceof Weights.Random r) {
      return "random:" + r.seed();
    }
    if (w instanceof Weights.KerasFile f) {
      return "md5:" + PublishedWeights.md5Of(f.path());
    }
    float[] params = backbone.build().graph().params().data().asFloat();
    return "params-sha256:" + sha256(params);
  }

  /** SHA-256 of the images' size and pixels. */
  static String fingerprint(ImageSet images) {
    MessageDigest d = FeatureCache.digest();
    d.update(ByteBuffer.allocate(16).putInt(images.size()).putInt(images.channels()).putInt(images.height())
        .putInt(images.width()).array());
    float[] px = images.pixels();
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : px) {
      if (!buf.hasRemaining()) {
        d.update(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putFloat(v);
    }
    d.update(buf.array(), 0, buf.position());
    return HexFormat.of().formatHex(d.digest());
  }

  private static String sha256(float[] values) {
    MessageDigest d = FeatureCache.digest();
    ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    return HexFormat.of().formatHex(d.digest(buf.array()));
  }
}
