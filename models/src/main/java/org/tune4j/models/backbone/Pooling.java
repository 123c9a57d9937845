package org.tune4j.models.backbone;

import java.util.Locale;

/** What the backbone does after its last stage, as Keras' {@code pooling} argument. */
public enum Pooling {
  /** Keep the 4-D feature map (channels × height × width). */
  NONE("none"),
  /** Global average pooling to one value per channel (layer {@code avg_pool}). */
  AVG("avg"),
  /** Global max pooling to one value per channel (layer {@code max_pool}). */
  MAX("max");

  private final String kerasName;

  Pooling(String kerasName) {
    this.kerasName = kerasName;
  }

  /** Keras' name for this choice: {@code none}, {@code avg} or {@code max}. */
  public String kerasName() {
    return kerasName;
  }

  /**
   * Parses Keras' names (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static Pooling parse(String name) {
    for (Pooling p : values()) {
      if (p.kerasName.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("pooling \"" + name + "\" is not known; choose from: none, avg, max");
  }
}
