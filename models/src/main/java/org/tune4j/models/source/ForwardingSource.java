package org.tune4j.models.source;

import java.util.List;
import java.util.Objects;

/**
 * A source that passes every call to another, in the manner of Guava's forwarding collections:
 * a view that changes some rows or some pixels overrides just those calls. Thread-safe when the
 * delegate is and the overrides are.
 *
 * <pre>{@code
 * ImageSource firstTen = new ForwardingSource(all) {
 *   public int size() { return 10; }
 * };
 * }</pre>
 */
public abstract class ForwardingSource implements ImageSource {
  private final ImageSource delegate;

  /** A source passing every call to {@code delegate}. */
  protected ForwardingSource(ImageSource delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The source calls go to. */
  protected final ImageSource delegate() {
    return delegate;
  }

  @Override
  public int size() {
    return delegate.size();
  }

  @Override
  public int height() {
    return delegate.height();
  }

  @Override
  public int width() {
    return delegate.width();
  }

  @Override
  public int channels() {
    return delegate.channels();
  }

  @Override
  public List<String> levels() {
    return delegate.levels();
  }

  @Override
  public int[] labels() {
    return delegate.labels();
  }

  @Override
  public String item(int row) {
    return delegate.item(row);
  }

  @Override
  public String contentKey(int row) {
    return delegate.contentKey(row);
  }

  @Override
  public String preparation() {
    return delegate.preparation();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void read(int[] rows, float[] target) {
    delegate.read(rows, target);
  }
}
