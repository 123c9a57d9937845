package org.tune4j.models.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.tune4j.models.data.ImageFiles;
import org.tune4j.models.data.ImageOptions;

/**
 * Image files (a folder or a CSV listing) read on demand: each row is decoded and resized when it
 * is read, never held. A row's content key is the SHA-256 of the file's bytes, computed on first
 * use and remembered, so adding files leaves the keys of the others as they were. Without a
 * resize every image must have the size of the first. Immutable and thread-safe.
 */
final class FileSource implements ImageSource {
  private final ImageFiles.Listing listing;
  private final ImageOptions options;
  private final int height;
  private final int width;
  private final int[] labels;
  private final AtomicReferenceArray<String> keys;

  FileSource(ImageFiles.Listing listing, ImageOptions options) {
    if (listing.files().isEmpty()) {
      throw new IllegalArgumentException(listing.what() + " has no images; it needs PNG or JPEG files");
    }
    this.listing = listing;
    this.options = options;
    if (options.resizes()) {
      height = options.height();
      width = options.width();
    } else {
      Path first = listing.files().get(0);
      try {
        int[] size = ImageFiles.size(first, options.mode());
        height = size[0];
        width = size[1];
      } catch (ImageFiles.UnreadableFileException e) {
        throw new UnreadableRowException(0, first.toString(), e.getMessage() + "; give a resize so the size does"
            + " not come from the first image", e);
      }
    }
    this.labels = listing.labels().stream().mapToInt(Integer::intValue).toArray();
    this.keys = new AtomicReferenceArray<>(labels.length);
  }

  @Override
  public int size() {
    return labels.length;
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
    return options.mode().channels();
  }

  @Override
  public List<String> levels() {
    return listing.levels();
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public String item(int row) {
    return listing.files().get(row).toString();
  }

  /** The file of row {@code row}. */
  Path file(int row) {
    return listing.files().get(row);
  }

  @Override
  public String contentKey(int row) {
    String k = keys.get(row);
    if (k == null) {
      MessageDigest d = Digests.sha256();
      byte[] buf = new byte[1 << 16];
      try (InputStream in = Files.newInputStream(file(row))) {
        for (int n; (n = in.read(buf)) > 0; ) {
          d.update(buf, 0, n);
        }
      } catch (IOException e) {
        throw new UnreadableRowException(row, item(row), "cannot read its bytes: " + e.getMessage(), e);
      }
      k = Digests.hex(d);
      keys.set(row, k);
    }
    return k;
  }

  @Override
  public String preparation() {
    return "decode=imageio|mode=" + options.mode() + "|size=" + height + "x" + width
        + (options.resizes() ? "|resize=bilinear-centres" : "");
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%s (%,d images, %d classes)", listing.what(), size(), levels().size());
  }

  @Override
  public void read(int[] rows, float[] target) {
    int per = pixelsPerImage();
    ImageSources.checkTarget(rows, target, per);
    for (int k = 0; k < rows.length; k++) {
      int row = rows[k];
      try {
        float[] px = ImageFiles.decode(file(row), options, height, width);
        System.arraycopy(px, 0, target, k * per, per);
      } catch (ImageFiles.UnreadableFileException e) {
        throw new UnreadableRowException(row, item(row), e.getMessage(), e);
      } catch (UncheckedIOException e) {
        throw new UnreadableRowException(row, item(row), e.getMessage(), e);
      }
    }
  }
}
