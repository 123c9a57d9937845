package org.tune4j.models.tune;

import java.util.List;
import org.tune4j.models.source.ImageSource;

/** A source that passes every call to another: tests override the calls they change. */
class DelegatingSource implements ImageSource {
  private final ImageSource base;

  DelegatingSource(ImageSource base) {
    this.base = base;
  }

  @Override public int size() { return base.size(); }
  @Override public int height() { return base.height(); }
  @Override public int width() { return base.width(); }
  @Override public int channels() { return base.channels(); }
  @Override public List<String> levels() { return base.levels(); }
  @Override public int[] labels() { return base.labels(); }
  @Override public String item(int row) { return base.item(row); }
  @Override public String contentKey(int row) { return base.contentKey(row); }
  @Override public String preparation() { return base.preparation(); }
  @Override public String describe() { return base.describe(); }
  @Override public void read(int[] rows, float[] target) { base.read(rows, target); }
}
