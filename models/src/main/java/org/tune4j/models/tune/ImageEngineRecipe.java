package org.tune4j.models.tune;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.SourceRecipe;
import org.tune4j.models.spec.ModelSpecJson;
import org.tune4j.tuning.execution.EngineRecipe;
import org.tune4j.tuning.execution.PortableEngine;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * How a worker builds tune4j's image engine again: the source's recipe, the shared feature cache's
 * folder and shard size, and the engine's rows. Checks on the worker that the recipe opened the
 * images the driver has (count and levels), so a worker that sees other files fails loudly.
 *
 * @param id the store's identity on the driver plus the rows, equal for the same data, store and rows
 * @param source opens the whole source on the worker
 * @param cacheFolder the feature cache's folder, the same path on every node (ignored with a mirror)
 * @param mirror the feature cache's shared home when it is not a path every node sees, or null
 * @param shardBytes the cache's shard size
 * @param rows the engine's rows of the source
 * @param sourceSize the number of images the driver's source has
 * @param levels the class names the driver's source has
 * @param contentKeys every source row's content key when the driver knows them (from the executors that featurized
 *     the rows), so the worker hashes no image; or null
 */
record ImageEngineRecipe(String id, SourceRecipe source, String cacheFolder, StoreMirror mirror, long shardBytes,
    int[] rows, int sourceSize, List<String> levels, List<String> contentKeys) implements EngineRecipe {
  private static final long serialVersionUID = 1L;

  ImageEngineRecipe {
    rows = rows.clone();
    levels = List.copyOf(levels);
    contentKeys = contentKeys == null ? null : List.copyOf(contentKeys);
  }

  @Override
  public PortableEngine build() {
    ImageSource opened = source.open();
    if (opened.size() != sourceSize || !opened.levels().equals(levels)) {
      throw new IllegalStateException(String.format(Locale.ROOT, "the image recipe opened %,d images of levels %s on"
          + " this worker, but the driver has %,d of levels %s; every node must see the same images at the same"
          + " paths", opened.size(), opened.levels(), sourceSize, levels));
    }
    FeatureCache cache = (mirror == null ? FeatureCache.at(Path.of(cacheFolder)) : FeatureCache.mirrored(mirror))
        .withShardBytes(shardBytes);
    FeatureStore store = new FeatureStore(opened, java.util.Optional.of(cache)).withRecipe(source);
    if (contentKeys != null) {
      store.knowContentKeys(contentKeys);
    }
    return new TransferEngine(store, rows);
  }

  @Override
  public TunableSpec spec(String text) {
    return ModelSpecJson.fromJson(text);
  }
}
