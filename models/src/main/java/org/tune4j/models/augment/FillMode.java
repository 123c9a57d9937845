package org.tune4j.models.augment;

import java.util.Locale;

/**
 * What a rotation or zoom puts where the source lies outside the image, by Keras' names: zeros
 * ({@code constant}) or the image mirrored about its edge ({@code reflect}, Keras' default:
 * {@code d c b a | a b c d | d c b a}).
 */
public enum FillMode {
  /** Zeros outside the image. */
  CONSTANT,
  /** The image reflected about the edge of its last pixel. */
  REFLECT;

  /** The Keras name, {@code constant} or {@code reflect}. */
  public String kerasName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The fill of a Keras name.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static FillMode parse(String name) {
    for (FillMode f : values()) {
      if (f.kerasName().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("fill mode \"" + name + "\" is not known; choose from: constant, reflect");
  }
}
