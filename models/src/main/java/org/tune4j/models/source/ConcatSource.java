package org.tune4j.models.source;

import java.util.List;
import java.util.Locale;

/**
 * Two sources of the same image shape and levels one after the other: the rows of {@code first},
 * then those of {@code second} (a training and a test set as one source). Immutable and thread-safe.
 */
final class ConcatSource implements ImageSource {
  private final ImageSource first;
  private final ImageSource second;

  ConcatSource(ImageSource first, ImageSource second) {
    if (first.height() != second.height() || first.width() != second.width() || first.channels() != second.channels()) {
      throw new IllegalArgumentException("the second source's images are " + second.channels() + "×" + second.height()
          + "×" + second.width() + " but the first's are " + first.channels() + "×" + first.height() + "×"
          + first.width() + "; prepare both to one size");
    }
    if (!first.levels().equals(second.levels())) {
      throw new IllegalArgumentException("the second source's levels " + second.levels() + " differ from the first's "
          + first.levels() + "; both need the same classes in the same order");
    }
    if (!first.preparation().equals(second.preparation())) {
      throw new IllegalArgumentException("the second source is prepared as " + second.preparation()
          + " but the first as " + first.preparation() + "; prepare both the same way");
    }
    this.first = first;
    this.second = second;
  }

  @Override
  public int size() {
    return first.size() + second.size();
  }

  @Override
  public int height() {
    return first.height();
  }

  @Override
  public int width() {
    return first.width();
  }

  @Override
  public int channels() {
    return first.channels();
  }

  @Override
  public List<String> levels() {
    return first.levels();
  }

  @Override
  public int[] labels() {
    int[] a = first.labels();
    int[] b = second.labels();
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Override
  public String item(int row) {
    return row < first.size() ? first.item(row) : second.item(row - first.size());
  }

  @Override
  public String contentKey(int row) {
    return row < first.size() ? first.contentKey(row) : second.contentKey(row - first.size());
  }

  @Override
  public String preparation() {
    return first.preparation();
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%s and %s", first.describe(), second.describe());
  }

  @Override
  public void read(int[] rows, float[] target) {
    int per = pixelsPerImage();
    ImageSources.checkTarget(rows, target, per);
    float[] one = new float[per];
    for (int k = 0; k < rows.length; k++) {
      int r = rows[k];
      java.util.Objects.checkIndex(r, size());
      if (r < first.size()) {
        first.read(new int[] {r}, one);
      } else {
        second.read(new int[] {r - first.size()}, one);
      }
      System.arraycopy(one, 0, target, k * per, per);
    }
  }
}
