package org.tune4j.models.augment;

import org.tune4j.models.source.ForwardingSource;
import org.tune4j.models.source.ImageSource;

/**
 * Every row of a source as one view of an {@link Augmentation}: the rows read from the source, then
 * transformed with randomness from (seed, the row's content key, view id). Its preparation adds the
 * view's text, so the feature cache keeps each view apart. Immutable and thread-safe when the source is.
 */
final class AugmentedSource extends ForwardingSource {
  private final Augmentation augmentation;
  private final int viewId;

  AugmentedSource(ImageSource source, Augmentation augmentation, int viewId) {
    super(source);
    this.augmentation = augmentation;
    this.viewId = viewId;
  }

  @Override
  public String preparation() {
    return delegate().preparation() + "|" + augmentation.viewText(viewId);
  }

  @Override
  public String describe() {
    return delegate().describe() + ", view " + viewId + " of " + augmentation.viewText(viewId);
  }

  @Override
  public void read(int[] rows, float[] target) {
    delegate().read(rows, target);
    int c = channels();
    int h = height();
    int w = width();
    int per = c * h * w;
    float[] one = new float[per];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(target, k * per, one, 0, per);
      float[] view = augmentation.apply(one, c, h, w, contentKey(rows[k]), viewId);
      System.arraycopy(view, 0, target, k * per, per);
    }
  }
}
