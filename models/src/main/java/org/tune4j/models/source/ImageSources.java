package org.tune4j.models.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.tune4j.models.data.Cifar;
import org.tune4j.models.data.CifarFiles;
import org.tune4j.models.data.FashionMnist;
import org.tune4j.models.data.ImageCsv;
import org.tune4j.models.data.ImageFolders;
import org.tune4j.models.data.ImageOptions;
import org.tune4j.models.data.ImageSet;

/**
 * The image sources: in memory, an image folder, a CSV list of files, CIFAR-10 and CIFAR-100, IDX
 * files (Fashion-MNIST), two sources one after the other, a subset; and {@link #toImageSet} to hold
 * a small source whole. Every source lists or indexes its data when made and reads pixels only when
 * asked. Stateless and thread-safe.
 *
 * <pre>{@code
 * ImageSource pets = ImageSources.folder(Path.of("pets"), ImageOptions.of(ColorMode.RGB).resize(224, 224));
 * ImageSource ready = PreparedSource.of(pets).scale01();
 * }</pre>
 */
public final class ImageSources {
  private ImageSources() {}

  /** The in-memory images as a source (so every API that takes a source takes an {@link ImageSet}). */
  public static ImageSource of(ImageSet images) {
    return new InMemorySource(images);
  }

  /**
   * An image folder, one sub-folder per class ({@link ImageFolders}' layout), read on demand: listing
   * the files is all that happens here.
   *
   * @throws IllegalArgumentException naming the folder when it is missing, has no class folders or no images
   */
  public static ImageSource folder(Path root, ImageOptions options) {
    return new FileSource(ImageFolders.list(root), Objects.requireNonNull(options, "options"));
  }

  /**
   * The images of a CSV with {@code path,label} columns ({@link ImageCsv}'s format; relative paths from the CSV's
   * folder), read on demand.
   *
   * @throws IllegalArgumentException naming the CSV and line when it is malformed
   */
  public static ImageSource csv(Path csv, ImageOptions options) {
    return new FileSource(ImageCsv.list(csv), Objects.requireNonNull(options, "options"));
  }

  /**
   * CIFAR-10's {@code "train"} (50,000 images) or {@code "test"} (10,000) split, read a record at a
   * time: from the extracted folder as it is, or from {@code cifar-10-binary.tar.gz}, extracted once
   * into a folder beside it ({@link CifarFiles#besideArchive}).
   *
   * @throws IllegalArgumentException naming the split, the archive or the file that does not fit
   */
  public static ImageSource cifar10(Path archiveOrFolder, String split) {
    return cifar10(archiveOrFolder, split, CifarFiles.besideArchive(archiveOrFolder));
  }

  /**
   * CIFAR-10 as {@link #cifar10(Path, String)}, an archive being extracted into {@code extractTo}
   * (a cache folder, when the archive's folder is not writable).
   */
  public static ImageSource cifar10(Path archiveOrFolder, String split, Path extractTo) {
    return CifarSource.of(CifarFiles.cifar10(archiveOrFolder, split, extractTo), split);
  }

  /**
   * CIFAR-100's {@code "train"} or {@code "test"} split with fine (100) or coarse (20) labels, read a
   * record at a time; an archive is extracted once beside itself.
   *
   * @throws IllegalArgumentException as {@link #cifar10(Path, String)}, or when the label names file is missing
   */
  public static ImageSource cifar100(Path archiveOrFolder, String split, Cifar.Labels labels) {
    return cifar100(archiveOrFolder, split, labels, CifarFiles.besideArchive(archiveOrFolder));
  }

  /** CIFAR-100 as {@link #cifar100(Path, String, Cifar.Labels)}, an archive being extracted into {@code extractTo}. */
  public static ImageSource cifar100(Path archiveOrFolder, String split, Cifar.Labels labels, Path extractTo) {
    return CifarSource.of(CifarFiles.cifar100(archiveOrFolder, labels, split, extractTo), split);
  }

  /**
   * An IDX image file and its label file, gzipped or plain, read an image at a time (a gzipped image
   * file is inflated once and held as bytes, never as floats).
   *
   * @param levels the class names; label {@code k} is {@code levels.get(k)}
   * @throws IllegalArgumentException naming the file that is missing, truncated, of the wrong kind, of another
   *     row count, or has a label outside the levels
   */
  public static ImageSource idx(Path images, Path labels, List<String> levels) {
    return IdxSource.of(images, labels, levels);
  }

  /**
   * One Fashion-MNIST split, {@code "train"} or {@code "t10k"}, from a folder of its IDX files (such as
   * {@link FashionMnist#DEBIAN_FOLDER}).
   *
   * @throws IllegalArgumentException naming the split or the missing file
   */
  public static ImageSource fashionMnist(Path folder, String split) {
    FashionMnist.SplitFiles files = FashionMnist.files(folder, split);
    return idx(files.images(), files.labels(), FashionMnist.LEVELS);
  }

  /**
   * The rows of {@code first}, then those of {@code second}: a training and a test source as one.
   *
   * @throws IllegalArgumentException when their image shapes, levels or preparations differ
   */
  public static ImageSource concat(ImageSource first, ImageSource second) {
    return new ConcatSource(first, second);
  }

  /**
   * {@code source} with its rows' content keys given instead of hashed: for keys computed where the images were
   * read (a cluster executor's featurizing), so that nothing reads the images again to hash them.
   *
   * @throws IllegalArgumentException when there is not one key per row
   */
  public static ImageSource withContentKeys(ImageSource source, List<String> keys) {
    return KeyedSource.of(source, keys);
  }

  /**
   * Rows {@code rows} of {@code source}, in that order (repeats allowed).
   *
   * @throws IndexOutOfBoundsException naming the first row outside the source
   */
  public static ImageSource subset(ImageSource source, int[] rows) {
    for (int r : rows) {
      java.util.Objects.checkIndex(r, source.size());
    }
    return SubsetSource.of(source, rows);
  }

  /**
   * The first {@code perClass} rows of each level of {@code source}, in their order: what
   * {@link ImageSet#firstPerClass} takes, without reading a pixel.
   *
   * @throws IllegalArgumentException when {@code perClass < 1} or a level has fewer rows, naming it
   */
  public static ImageSource firstPerClass(ImageSource source, int perClass) {
    return SubsetSource.of(source, ImageSet.firstPerClassRows(source.labels(), source.levels(), perClass));
  }

  /**
   * The readable rows of {@code source}, each decoded once on {@code threads} threads to find out, and the items
   * left out with their reasons: what {@code skip_unreadable} does before a run. It costs one decoding pass.
   */
  public static Readable skippingUnreadable(ImageSource source, int threads) {
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, threads));
    try {
      String[] reasons = pool.submit(() -> java.util.stream.IntStream.range(0, source.size()).parallel()
          .mapToObj(r -> {
            try {
              source.read(new int[] {r}, new float[source.pixelsPerImage()]);
              return null;
            } catch (UnreadableRowException e) {
              return e.getMessage();
            }
          }).toArray(String[]::new)).get();
      java.util.List<Integer> kept = new java.util.ArrayList<>();
      java.util.List<String> skipped = new java.util.ArrayList<>();
      for (int r = 0; r < reasons.length; r++) {
        if (reasons[r] == null) {
          kept.add(r);
        } else {
          skipped.add(reasons[r]);
        }
      }
      if (kept.isEmpty()) {
        throw new IllegalArgumentException(source.describe() + " has no readable images (" + skipped.size()
            + " skipped, the first: " + skipped.get(0) + ")");
      }
      int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
      return new Readable(subset(source, rows), skipped, rows);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + source.describe(), e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A source's readable rows and the messages of the rows left out.
   *
   * @param source the readable rows
   * @param skipped one message per unreadable row, naming its file and the reason
   * @param kept the rows of the original source that were kept, in order (what per-row data such as
   *     a group column must follow)
   */
  public record Readable(ImageSource source, java.util.List<String> skipped, int[] kept) {
    /** Copies. */
    public Readable {
      skipped = java.util.List.copyOf(skipped);
      kept = kept.clone();
    }

    /** The kept rows (a copy). */
    @Override
    public int[] kept() {
      return kept.clone();
    }
  }

  /**
   * Reads a small source whole into memory.
   *
   * @throws IllegalArgumentException when its pixels would pass 2^31 - 1 values, naming the size
   */
  public static ImageSet toImageSet(ImageSource source) {
    long values = (long) source.size() * source.pixelsPerImage();
    if (values > ImageSet.MAX_ARRAY) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%s has %,d pixel values (%,d images"
          + " of %d×%d×%d), more than one Java array holds (%,d); stream it (tuning reads sources a chunk at a time)"
          + " or use fewer or smaller images", source.describe(), values, source.size(), source.channels(),
          source.height(), source.width(), ImageSet.MAX_ARRAY));
    }
    float[] px = new float[(int) values];
    int[] all = new int[source.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    source.read(all, px);
    return ImageSet.of(source.height(), source.width(), source.channels(), px, source.labels(), source.levels());
  }

  static void checkTarget(int[] rows, float[] target, int per) {
    if (target.length < (long) rows.length * per) {
      throw new IllegalArgumentException("target has " + target.length + " values but " + rows.length + " rows of "
          + per + " need " + (long) rows.length * per);
    }
  }
}
