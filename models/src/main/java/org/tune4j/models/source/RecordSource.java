package org.tune4j.models.source;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Images stored as unsigned-byte records (CIFAR's label bytes then CHW pixels, IDX's grey pixels),
 * read at their position when asked: nothing but the labels is held. A row's content key is the
 * SHA-256 of its record's bytes, computed on first use and remembered. Immutable and thread-safe.
 */
final class RecordSource implements ImageSource {
  /**
   * How the records look as images.
   *
   * @param pixelOffset bytes before the pixels in each record (the label bytes)
   * @param channels 1 or 3
   * @param height image height
   * @param width image width
   * @param describe the one-line description
   * @param preparation the preparation text
   */
  record Shape(int pixelOffset, int channels, int height, int width, String describe, String preparation) {}

  private final RecordFiles records;
  private final Shape shape;
  private final int[] labels;
  private final List<String> levels;
  private final AtomicReferenceArray<String> keys;

  RecordSource(RecordFiles records, Shape shape, int[] labels, List<String> levels) {
    this.records = Objects.requireNonNull(records, "records");
    this.shape = Objects.requireNonNull(shape, "shape");
    this.levels = List.copyOf(levels);
    if (this.levels.isEmpty() || this.levels.stream().distinct().count() != this.levels.size()) {
      throw new IllegalArgumentException("levels " + this.levels + " must be non-empty and distinct; give one name per"
          + " class");
    }
    this.labels = labels.clone();
    if (labels.length != records.count()) {
      throw new IllegalArgumentException(labels.length + " labels for " + records.count() + " records; give one label"
          + " per record");
    }
    if (shape.pixelOffset() + (long) shape.channels() * shape.height() * shape.width() != records.recordBytes()) {
      throw new IllegalArgumentException(shape.channels() + "×" + shape.height() + "×" + shape.width() + " pixels after "
          + shape.pixelOffset() + " bytes do not fill " + records.recordBytes() + "-byte records");
    }
    this.keys = new AtomicReferenceArray<>(labels.length);
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public int height() {
    return shape.height();
  }

  @Override
  public int width() {
    return shape.width();
  }

  @Override
  public int channels() {
    return shape.channels();
  }

  @Override
  public List<String> levels() {
    return levels;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public String item(int row) {
    return records.item(row);
  }

  @Override
  public String contentKey(int row) {
    String k = keys.get(row);
    if (k == null) {
      byte[] record = new byte[records.recordBytes()];
      try (RecordFiles.Reader r = records.reader()) {
        r.read(row, record);
      } catch (IOException e) {
        throw new UnreadableRowException(row, item(row), e.getMessage(), e);
      }
      MessageDigest d = Digests.sha256();
      d.update(record);
      k = Digests.hex(d);
      keys.compareAndSet(row, null, k);
    }
    return k;
  }

  @Override
  public String preparation() {
    return shape.preparation();
  }

  @Override
  public String describe() {
    return shape.describe();
  }

  @Override
  public void read(int[] rows, float[] target) {
    int per = pixelsPerImage();
    ImageSources.checkTarget(rows, target, per);
    byte[] record = new byte[records.recordBytes()];
    int from = shape.pixelOffset();
    try (RecordFiles.Reader r = records.reader()) {
      for (int k = 0; k < rows.length; k++) {
        int row = rows[k];
        try {
          r.read(row, record);
        } catch (IOException e) {
          throw new UnreadableRowException(row, item(row), e.getMessage(), e);
        }
        int at = k * per;
        for (int i = 0; i < per; i++) {
          target[at + i] = record[from + i] & 0xFF;
        }
      }
    }
  }
}
