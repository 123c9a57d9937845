package org.tune4j.models.source;

import java.io.Serializable;

/**
 * How to open an {@link ImageSource} again on another machine: a serialisable function, usually a
 * lambda over paths every worker sees. A cluster executor sends the recipe, never the images; each
 * worker opens the source once and must get the same images in the same order as the driver.
 *
 * <pre>{@code
 * SourceRecipe recipe = () -> ImageSources.folder(Path.of("/shared/photos"), ImageOptions.of(ColorMode.RGB).resize(224, 224));
 * ImageData data = ImageData.of(recipe.open()).withRecipe(recipe)
 *     .withFeatureCache(FeatureCache.at(Path.of("/shared/tune4j-features")));
 * }</pre>
 */
@FunctionalInterface
public interface SourceRecipe extends Serializable {
  /** The source, opened now. */
  ImageSource open();
}
