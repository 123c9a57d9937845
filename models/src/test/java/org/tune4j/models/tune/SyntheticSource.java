package org.tune4j.models.tune;

import java.util.List;
import org.tune4j.models.source.ImageSource;

/**
 * {@code n} RGB images of {@code size × size} computed from their row number (a smooth pattern plus
 * a little hash noise), two classes: a source of any size that costs no memory and no disk.
 */
final class SyntheticSource implements ImageSource {
  private final int n;
  private final int size;

  SyntheticSource(int n, int size) {
    this.n = n;
    this.size = size;
  }

  @Override public int size() { return n; }
  @Override public int height() { return size; }
  @Override public int width() { return size; }
  @Override public int channels() { return 3; }
  @Override public List<String> levels() { return List.of("even", "odd"); }

  @Override
  public int[] labels() {
    int[] l = new int[n];
    for (int i = 0; i < n; i++) {
      l[i] = i % 2;
    }
    return l;
  }

  @Override public String item(int row) { return "synthetic image " + row; }

  @Override
  public String contentKey(int row) {
    return String.format("%064x", (long) row * 2654435761L + size);
  }

  @Override public String preparation() { return "synthetic-v1"; }
  @Override public String describe() { return n + " synthetic images"; }

  @Override
  public void read(int[] rows, float[] target) {
    int plane = size * size;
    for (int k = 0; k < rows.length; k++) {
      int r = rows[k];
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < plane; p++) {
          int h = (r * 31 + c * 7 + p) * 0x9E3779B1;
          target[k * 3 * plane + c * plane + p] = (float) (0.5 + 0.4 * Math.sin(0.01 * r + 0.3 * c + 0.05 * p))
              + (h >>> 24) / 2550f;
        }
      }
    }
  }
}
