package org.tune4j.models.source;

import java.util.Locale;

/** Rows {@code rows} of another source, in that order: a split's training or test rows. Immutable and thread-safe. */
final class SubsetSource extends ForwardingSource {
  private final int[] rows;

  private SubsetSource(ImageSource base, int[] rows) {
    super(base);
    this.rows = rows.clone();
  }

  static SubsetSource of(ImageSource base, int[] rows) {
    return new SubsetSource(base, rows);
  }

  @Override
  public int size() {
    return rows.length;
  }

  @Override
  public int[] labels() {
    int[] all = delegate().labels();
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = all[rows[i]];
    }
    return out;
  }

  @Override
  public String item(int row) {
    return delegate().item(rows[row]);
  }

  @Override
  public String contentKey(int row) {
    return delegate().contentKey(rows[row]);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%,d rows of %s", rows.length, delegate().describe());
  }

  @Override
  public void read(int[] subsetRows, float[] target) {
    int[] mapped = new int[subsetRows.length];
    for (int i = 0; i < mapped.length; i++) {
      mapped[i] = rows[subsetRows[i]];
    }
    delegate().read(mapped, target);
  }
}
