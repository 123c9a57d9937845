package org.tune4j.models.source;

import java.util.List;

/**
 * Another source whose rows' content keys are already known (computed where the images were read, on
 * a cluster executor, say): the same rows, pixels and preparation, without hashing any image again.
 * Immutable and thread-safe.
 */
final class KeyedSource extends ForwardingSource {
  private final List<String> keys;

  private KeyedSource(ImageSource base, List<String> keys) {
    super(base);
    this.keys = List.copyOf(keys);
  }

  static KeyedSource of(ImageSource base, List<String> keys) {
    if (keys.size() != base.size()) {
      throw new IllegalArgumentException(keys.size() + " content keys for a source of " + base.size() + " rows; give"
          + " one per row, in row order");
    }
    return new KeyedSource(base, keys);
  }

  @Override
  public String contentKey(int row) {
    return keys.get(row);
  }
}
