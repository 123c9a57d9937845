package org.tune4j.models.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a list of (file, label) rows into {@link LoadedImages}: decodes, resizes or checks sizes,
 * skips unreadable files when asked. Shared by {@link ImageFolders} and {@link ImageCsv}.
 * Stateless and thread-safe.
 */
final class ImageLoader {
  private ImageLoader() {}

  /**
   * Loads the rows in order.
   *
   * @param what names the source in messages, such as "image folder /data/pets"
   */
  static LoadedImages load(List<Path> files, List<Integer> labels, List<String> levels, ImageOptions options,
      String what) {
    int channels = options.mode().channels();
    List<float[]> images = new ArrayList<>();
    List<Path> kept = new ArrayList<>();
    List<Integer> keptLabels = new ArrayList<>();
    List<SkippedImage> skipped = new ArrayList<>();
    int height = options.height();
    int width = options.width();
    Path first = null;
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      ImageDecoder.Pixels px;
      try {
        px = ImageDecoder.decode(file, options.mode());
      } catch (ImageDecoder.UnreadableImageException e) {
        if (options.skipUnreadable()) {
          skipped.add(new SkippedImage(file, e.getMessage()));
          continue;
        }
        throw new IllegalArgumentException("image " + file + " cannot be read: " + e.getMessage()
            + "; replace or delete it, or read with skipUnreadable to leave it out with a note", e);
      }
      float[] values;
      if (options.resizes()) {
        values = ImageDecoder.resize(px.values(), channels, px.height(), px.width(), height, width);
      } else {
        if (first == null) {
          first = file;
          height = px.height();
          width = px.width();
        } else if (px.height() != height || px.width() != width) {
          throw new IllegalArgumentException("image " + file + " is " + px.height() + "×" + px.width() + " but "
              + first + " is " + height + "×" + width + "; images of different sizes need a resize: pass a"
              + " height and width");
        }
        values = px.values();
      }
      images.add(values);
      kept.add(file);
      keptLabels.add(labels.get(i));
    }
    if (images.isEmpty()) {
      throw new IllegalArgumentException(what + " has no readable images"
          + (skipped.isEmpty() ? "" : " (" + skipped.size() + " skipped, the first: " + skipped.get(0) + ")")
          + "; it needs PNG or JPEG files");
    }
    int per = channels * height * width;
    float[] pixels = new float[ImageSet.arrayLength(images.size(), per)];
    for (int k = 0; k < images.size(); k++) {
      System.arraycopy(images.get(k), 0, pixels, k * per, per);
    }
    int[] labelArray = keptLabels.stream().mapToInt(Integer::intValue).toArray();
    return new LoadedImages(ImageSet.wrap(height, width, channels, pixels, labelArray, levels), kept, skipped);
  }
}
