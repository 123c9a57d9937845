package org.tune4j.models.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.Preprocessing;

/**
 * An image source with preparation steps applied to each row as it is read: zero padding to a
 * minimum size, grey to RGB, scaling to [0, 1], an ImageNet preprocessing mode. Each step gives
 * exactly what the same {@link ImageTransforms} or {@link Preprocessing} call gives on a whole
 * {@link ImageSet}, and adds its name to {@link #preparation()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * ImageSource ready = PreparedSource.of(ImageSources.folder(root, options)).padTo(32, 32).toRgb().scale01();
 * }</pre>
 */
public final class PreparedSource extends ForwardingSource {
  private record Step(String name, UnaryOperator<ImageSet> op) {}

  private final ImageSource base;
  private final List<Step> steps;
  private final int height;
  private final int width;
  private final int channels;

  private PreparedSource(ImageSource base, List<Step> steps) {
    super(base);
    this.base = base;
    this.steps = List.copyOf(steps);
    ImageSet probe = apply(ImageSet.of(base.height(), base.width(), base.channels(),
        new float[base.pixelsPerImage()], new int[1], base.levels()));
    this.height = probe.height();
    this.width = probe.width();
    this.channels = probe.channels();
  }

  /** {@code base} with no steps yet. */
  public static PreparedSource of(ImageSource base) {
    return new PreparedSource(Objects.requireNonNull(base, "base"), List.of());
  }

  /** Adds zero padding, centred, to at least {@code minHeight × minWidth} ({@link ImageTransforms#padTo}). */
  public PreparedSource padTo(int minHeight, int minWidth) {
    return then("pad=" + minHeight + "x" + minWidth, s -> ImageTransforms.padTo(s, minHeight, minWidth));
  }

  /** Adds grey to RGB by replication ({@link ImageTransforms#toRgb}). */
  public PreparedSource toRgb() {
    return then("rgb", ImageTransforms::toRgb);
  }

  /** Adds division by 255 ({@link ImageTransforms#scale01}). */
  public PreparedSource scale01() {
    return then("scale01", ImageTransforms::scale01);
  }

  /** Adds an ImageNet preprocessing mode ({@link Preprocessing#apply}). */
  public PreparedSource preprocess(Preprocessing mode) {
    return then("preprocess=" + mode.modeName(), mode::apply);
  }

  /** Adds an ImageNet preprocessing mode to pixels on the [0, 1] scale ({@link Preprocessing#applyToUnitScale}). */
  public PreparedSource preprocessUnitScale(Preprocessing mode) {
    return then("preprocess01=" + mode.modeName(), mode::applyToUnitScale);
  }

  private PreparedSource then(String name, UnaryOperator<ImageSet> op) {
    List<Step> more = new ArrayList<>(steps);
    more.add(new Step(name, op));
    return new PreparedSource(base, more);
  }

  private ImageSet apply(ImageSet one) {
    ImageSet s = one;
    for (Step step : steps) {
      s = step.op().apply(s);
    }
    return s;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int channels() {
    return channels;
  }

  @Override
  public String preparation() {
    StringBuilder b = new StringBuilder(base.preparation());
    steps.forEach(s -> b.append('|').append(s.name()));
    return b.toString();
  }

  @Override
  public void read(int[] rows, float[] target) {
    int per = pixelsPerImage();
    ImageSources.checkTarget(rows, target, per);
    float[] raw = new float[base.pixelsPerImage()];
    for (int k = 0; k < rows.length; k++) {
      base.read(new int[] {rows[k]}, raw);
      ImageSet one = apply(ImageSet.of(base.height(), base.width(), base.channels(), raw, new int[1], base.levels()));
      System.arraycopy(one.pixels(), 0, target, k * per, per);
    }
  }
}
