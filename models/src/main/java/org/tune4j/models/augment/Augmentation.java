package org.tune4j.models.augment;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.tune4j.models.source.ImageSource;

/**
 * Data augmentation as cached views: {@code views} random views of every image, view {@code v}
 * ({@code 1 … views}) the image put through {@code transforms} in order with randomness drawn from
 * {@code (seed, the image's content key, v)} alone. A view is therefore the same pixels whatever the
 * thread, the chunk or the run, and can be featurized once and cached: {@link #view} gives it as an
 * {@link ImageSource} whose {@link ImageSource#preparation() preparation} names the transforms, the
 * seed and the view id (not the number of views, so views 1…3 are shared by specs with 3 and 5 views).
 * View 0 is the plain image. Immutable and thread-safe.
 *
 * <pre>{@code
 * Augmentation aug = Augmentation.of(4, 1, List.of(RandomFlip.parse("horizontal"), new RandomCrop(4)));
 * ImageSource second = aug.view(train, 2);       // every image's view 2
 * }</pre>
 *
 * @param views the number of random views per image, at least 1
 * @param seed the seed of every view's randomness
 * @param transforms the transforms of a view, in order (none: every view is the plain image)
 */
public record Augmentation(int views, long seed, List<ViewTransform> transforms) {
  /**
   * Checks the views and copies the transforms.
   *
   * @throws IllegalArgumentException when {@code views} is below 1
   */
  public Augmentation {
    if (views < 1) {
      throw new IllegalArgumentException("augmentation views = " + views + " must be at least 1");
    }
    transforms = List.copyOf(transforms);
  }

  /** {@code views} views seeded {@code seed} through {@code transforms}. */
  public static Augmentation of(int views, long seed, List<ViewTransform> transforms) {
    return new Augmentation(views, seed, transforms);
  }

  /** The same transforms and seed with {@code count} views (for test-time augmentation with another count). */
  public Augmentation withViews(int count) {
    return new Augmentation(count, seed, transforms);
  }

  /** The stable text naming view {@code viewId}: transforms, seed and view id; part of its feature cache key. */
  public String viewText(int viewId) {
    checkView(viewId);
    return "augment(seed=" + seed + ",view=" + viewId + ",transforms=["
        + transforms.stream().map(ViewTransform::describe).collect(Collectors.joining(",")) + "])";
  }

  /**
   * Every row of {@code source} as view {@code viewId}.
   *
   * @throws IllegalArgumentException when {@code viewId} is below 1
   */
  public ImageSource view(ImageSource source, int viewId) {
    checkView(viewId);
    return new AugmentedSource(Objects.requireNonNull(source, "source"), this, viewId);
  }

  /**
   * View {@code viewId} of one CHW image whose content key is {@code contentKey}: a new array.
   *
   * @throws IllegalArgumentException when {@code viewId} is below 1 or the image is not {@code channels × height × width}
   */
  public float[] apply(float[] pixels, int channels, int height, int width, String contentKey, int viewId) {
    checkView(viewId);
    if (pixels.length != channels * height * width) {
      throw new IllegalArgumentException("an image of " + channels + "×" + height + "×" + width + " has "
          + channels * height * width + " values, not " + pixels.length);
    }
    SplittableRandom random = new SplittableRandom(mix(seed, contentKey, viewId));
    float[] out = pixels.clone();
    for (ViewTransform t : transforms) {
      out = t.apply(out, channels, height, width, random);
    }
    return out;
  }

  private static void checkView(int viewId) {
    if (viewId < 1) {
      throw new IllegalArgumentException("view id " + viewId + " must be at least 1; view 0 is the plain image");
    }
  }

  /** One 64-bit seed from the augmentation's seed, the image's content key (FNV-1a of its text) and the view id. */
  static long mix(long seed, String contentKey, int viewId) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < contentKey.length(); i++) {
      h = (h ^ contentKey.charAt(i)) * 0x100000001b3L;
    }
    return seed * 0x9E3779B97F4A7C15L ^ h ^ viewId * 0xBF58476D1CE4E5B9L;
  }
}
