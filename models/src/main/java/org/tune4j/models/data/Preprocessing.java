package org.tune4j.models.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * How pixels of 0–255 are prepared for a pretrained backbone: the three modes of Keras'
 * {@code imagenet_utils.preprocess_input} ({@code caffe}, {@code tf}, {@code torch}) and the
 * vignette's division by 255.
 *
 * <ul>
 *   <li>{@link #SCALE01}: divide by 255 (the kerasnip vignette); the same as
 *       {@link ImageTransforms#scale01}. Any number of channels.
 *   <li>{@link #CAFFE}: what Keras' ResNet v1 weights (ResNet50, ResNet101, ResNet152: {@code
 *       BackboneFamily.preprocessing()}) were trained with: RGB → BGR, then subtract the
 *       ImageNet means [103.939, 116.779, 123.68] per BGR channel, no scaling. The result's channel
 *       0 is blue.
 *   <li>{@link #TF}: what Keras' ResNet v2 weights (ResNet50V2, ResNet101V2, ResNet152V2) were
 *       trained with: {@code x / 127.5 − 1}, so 0 → −1 and 255 → 1. Any number of channels.
 *   <li>{@link #TORCH}: divide by 255, subtract [0.485, 0.456, 0.406] and divide by [0.229, 0.224,
 *       0.225] per RGB channel (torchvision's ImageNet normalisation).
 * </ul>
 *
 * <p>{@code CAFFE} and {@code TORCH} need 3-channel RGB images (use {@link ImageTransforms#toRgb}
 * first). Each call returns a new {@link ImageSet}; thread-safe.
 *
 * <pre>{@code
 * ImageSet ready = Preprocessing.CAFFE.apply(cifar.train());
 * }</pre>
 */
public enum Preprocessing {
  /** Divide by 255. */
  SCALE01,
  /** RGB → BGR, subtract the ImageNet BGR means, no scaling (Keras' ResNet50, ResNet101, ResNet152). */
  CAFFE,
  /** Scale to [−1, 1]: {@code x / 127.5 − 1} (Keras' ResNet50V2, ResNet101V2, ResNet152V2). */
  TF,
  /** Scale to [0, 1], then the ImageNet mean and standard deviation per RGB channel. */
  TORCH;

  /** Keras' ImageNet means per BGR channel, on the 0–255 scale. */
  static final double[] CAFFE_BGR_MEAN = {103.939, 116.779, 123.68};
  /** torchvision's ImageNet means per RGB channel, on the [0, 1] scale. */
  static final double[] TORCH_MEAN = {0.485, 0.456, 0.406};
  /** torchvision's ImageNet standard deviations per RGB channel. */
  static final double[] TORCH_STD = {0.229, 0.224, 0.225};

  /** Keras' {@code tf} mode divides by this and subtracts 1. */
  static final double TF_HALF_RANGE = 127.5;

  /** The mode's lower-case name, as Keras spells it: {@code scale01}, {@code caffe}, {@code tf}, {@code torch}. */
  public String modeName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode named {@code scale01}, {@code caffe}, {@code tf} or {@code torch} (any case).
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static Preprocessing parse(String name) {
    for (Preprocessing p : values()) {
      if (p.modeName().equalsIgnoreCase(name.strip())) {
        return p;
      }
    }
    throw new IllegalArgumentException("preprocessing \"" + name + "\" is not a mode; choose from: "
        + String.join(", ", Arrays.stream(values()).map(Preprocessing::modeName).toList()));
  }

  /**
   * Returns images whose pixels are on the [0, 1] scale (as tune4j's jobs prepare them) prepared as this mode
   * prepares the same images on the 0–255 scale: {@code apply} of the pixels times 255.
   *
   * @throws IllegalArgumentException when {@code CAFFE} or {@code TORCH} gets grey images
   */
  public ImageSet applyToUnitScale(ImageSet images) {
    float[] in = images.pixels();
    float[] scaled = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      scaled[i] = in[i] * 255f;
    }
    return apply(ImageSet.wrap(images.height(), images.width(), images.channels(), scaled, images.labels(),
        images.levels()));
  }

  /**
   * Returns the images prepared by this mode; pixels are expected on the 0–255 scale.
   *
   * @throws IllegalArgumentException when {@code CAFFE} or {@code TORCH} gets grey images
   */
  public ImageSet apply(ImageSet images) {
    if (this == SCALE01) {
      return ImageTransforms.scale01(images);
    }
    if (this == TF) {
      return scaleToPlusMinusOne(images);
    }
    if (images.channels() != 3) {
      throw new IllegalArgumentException("preprocessing " + modeName() + " needs RGB images but these have "
          + images.channels() + " channel; replicate grey to RGB with ImageTransforms.toRgb first");
    }
    float[] in = images.pixels();
    float[] out = new float[in.length];
    int plane = images.height() * images.width();
    for (int i = 0; i < images.size(); i++) {
      for (int c = 0; c < 3; c++) {
        int dst = (i * 3 + c) * plane;
        int src = this == CAFFE ? (i * 3 + 2 - c) * plane : dst;
        for (int p = 0; p < plane; p++) {
          out[dst + p] = this == CAFFE
              ? (float) (in[src + p] - CAFFE_BGR_MEAN[c])
              : (float) ((in[src + p] / 255.0 - TORCH_MEAN[c]) / TORCH_STD[c]);
        }
      }
    }
    return ImageSet.wrap(images.height(), images.width(), 3, out, images.labels(), images.levels());
  }

  private static ImageSet scaleToPlusMinusOne(ImageSet images) {
    float[] in = images.pixels();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (float) (in[i] / TF_HALF_RANGE - 1.0);
    }
    return ImageSet.wrap(images.height(), images.width(), images.channels(), out, images.labels(), images.levels());
  }
}
