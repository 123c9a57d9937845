package org.tune4j.models.source;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.tune4j.models.data.ImageSet;

/**
 * An {@link ImageSet} as an image source: rows are its images, already decoded and prepared; a
 * row's content key is the SHA-256 of its shape and pixels (computed on first use). Immutable and
 * thread-safe.
 */
final class InMemorySource implements ImageSource {
  private final ImageSet images;
  private final AtomicReferenceArray<String> keys;

  InMemorySource(ImageSet images) {
    this.images = Objects.requireNonNull(images, "images");
    this.keys = new AtomicReferenceArray<>(images.size());
  }

  @Override
  public int size() {
    return images.size();
  }

  @Override
  public int height() {
    return images.height();
  }

  @Override
  public int width() {
    return images.width();
  }

  @Override
  public int channels() {
    return images.channels();
  }

  @Override
  public List<String> levels() {
    return images.levels();
  }

  @Override
  public int[] labels() {
    return images.labels();
  }

  @Override
  public String item(int row) {
    Objects.checkIndex(row, size());
    return "in-memory image " + row;
  }

  @Override
  public String contentKey(int row) {
    String k = keys.get(row);
    if (k == null) {
      float[] px = new float[pixelsPerImage()];
      images.copyPixels(row, 1, px);
      k = Digests.floats(new int[] {channels(), height(), width()}, px, 0, px.length);
      keys.set(row, k);
    }
    return k;
  }

  @Override
  public String preparation() {
    return "in-memory-pixels";
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "in-memory images (%,d images, %d classes)", size(), levels().size());
  }

  @Override
  public void read(int[] rows, float[] target) {
    int per = pixelsPerImage();
    ImageSources.checkTarget(rows, target, per);
    float[] one = new float[per];
    for (int k = 0; k < rows.length; k++) {
      Objects.checkIndex(rows[k], size());
      images.copyPixels(rows[k], 1, one);
      System.arraycopy(one, 0, target, k * per, per);
    }
  }
}
