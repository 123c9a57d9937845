package org.tune4j.models.tune;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.transfer.Featurizer;
import org.tune4j.models.transfer.TransferModel;

/**
 * The features of every image of one data set, computed once per (backbone, head input) and kept
 * in memory for every fit that needs them: the frozen backbone runs once per run, not once per
 * fit. Thread-safe: featurizing is serialised, reading is not.
 */
final class FeatureStore {
  private final ImageSet data;
  private final java.util.Optional<FeatureCache> cache;
  private final Map<String, Entry> entries = new HashMap<>();
  private String dataFingerprint;

  /**
   * Features of the whole data set for one frozen prefix.
   *
   * @param featurizer runs the frozen prefix on new images (not thread-safe)
   * @param features one row per image of the data set
   */
  record Entry(Featurizer featurizer, INDArray features) {}

  FeatureStore(ImageSet data) {
    this(data, java.util.Optional.empty());
  }

  FeatureStore(ImageSet data, java.util.Optional<FeatureCache> cache) {
    this.data = data;
    this.cache = cache;
  }

  /** The same images with a disk cache behind the memory one. */
  FeatureStore withCache(FeatureCache newCache) {
    return new FeatureStore(data, java.util.Optional.of(newCache));
  }

  ImageSet data() {
    return data;
  }

  /** The features for {@code model}'s frozen prefix, computed on first use. */
  synchronized Entry features(TransferModel model) {
    String key = key(model.backbone(), model.head().input());
    Entry e = entries.get(key);
    if (e == null) {
      Featurizer featurizer = Featurizer.fused(model.backbone(), model.head().input());
      String diskKey = cache.isPresent() ? FeatureKeys.of(model.backbone(), model.head().input(), dataFingerprint()) : null;
      INDArray features = cache.flatMap(c -> c.load(diskKey)).orElse(null);
      if (features == null) {
        features = featurizer.features(data);
        if (cache.isPresent()) {
          cache.get().store(diskKey, features);
        }
      }
      e = new Entry(featurizer, features);
      entries.put(key, e);
    }
    return e;
  }

  private String dataFingerprint() {
    if (dataFingerprint == null) {
      dataFingerprint = FeatureKeys.fingerprint(data);
    }
    return dataFingerprint;
  }

  /**
   * The features computed for a frozen prefix, by its key.
   *
   * @throws IllegalStateException when they were never computed
   */
  synchronized INDArray featuresByKey(String key) {
    Entry e = entries.get(key);
    if (e == null) {
      throw new IllegalStateException("no features for " + key + "; call features(model) first");
    }
    return e.features();
  }

  /** How many distinct frozen prefixes have been featurized. */
  synchronized int featurized() {
    return entries.size();
  }

  static String key(Backbone b, HeadInput input) {
    return b.architecture() + "|" + b.weights() + "|" + b.pooling() + "|" + b.height() + "x" + b.width() + "|" + input;
  }
}
