package org.tune4j.models.data;

/** How image files become channels: one grey channel, or three RGB channels. Thread-safe. */
public enum ColorMode {
  /** One channel; colour pixels become luminance 0.299·R + 0.587·G + 0.114·B (ITU-R BT.601). */
  GREY(1),
  /** Three channels R, G, B; grey pixels are replicated. */
  RGB(3);

  private final int channels;

  ColorMode(int channels) {
    this.channels = channels;
  }

  /** 1 or 3. */
  public int channels() {
    return channels;
  }
}
