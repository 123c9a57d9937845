package org.tune4j.models.tune;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.tune4j.models.augment.Augmentation;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.head.HeadInput;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.source.SourceRecipe;
import org.tune4j.models.store.FeatureMatrix;
import org.tune4j.models.store.ShardStore;
import org.tune4j.models.transfer.Featurizer;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.tuning.engine.Progress;

/**
 * The features of every row of one image source, per frozen prefix (backbone, head input), computed
 * once and shared by every fit: the frozen backbone runs once per run, and with a
 * {@link FeatureCache} zero times for rows it has seen before. Rows stream from the source a chunk at
 * a time ({@link StreamingFeaturizer}), so memory holds a few chunks, not the images. Without a
 * cache the features are kept in memory; with one they are shards on disk, read memory-mapped.
 * Augmented views ({@link #viewFeatures}) are entries of their own, one per view.
 * Thread-safe: featurizing is serialised, reading is not.
 */
final class FeatureStore {
  private final ImageSource source;
  private final Optional<FeatureCache> cache;
  private final Optional<SourceRecipe> recipe;
  private final Map<String, Featurizer> rangeFeaturizers = new HashMap<>();
  private final Map<String, ShardStore> rangeStores = new HashMap<>();
  private final String id = java.util.UUID.randomUUID().toString();
  private List<String> knownKeys;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, String> viewNames = new HashMap<>();

  /**
   * Features of the whole source for one frozen prefix.
   *
   * @param featurizer runs the frozen prefix on new images (not thread-safe)
   * @param features one row per source row
   * @param stats what featurizing did: rows computed and rows read from the cache
   */
  record Entry(Featurizer featurizer, FeatureMatrix features, FeaturizeStats stats) {}

  FeatureStore(ImageSource source) {
    this(source, Optional.empty());
  }

  FeatureStore(ImageSource source, Optional<FeatureCache> cache) {
    this(source, cache, Optional.empty());
  }

  private FeatureStore(ImageSource source, Optional<FeatureCache> cache, Optional<SourceRecipe> recipe) {
    this.source = source;
    this.cache = cache;
    this.recipe = recipe;
  }

  /** The same source with a disk cache behind it. */
  FeatureStore withCache(FeatureCache newCache) {
    return new FeatureStore(source, Optional.of(newCache), recipe);
  }

  /** The same source, which {@code newRecipe} opens again on another machine. */
  FeatureStore withRecipe(SourceRecipe newRecipe) {
    return new FeatureStore(source, cache, Optional.of(newRecipe));
  }

  ImageSource source() {
    return source;
  }

  Optional<FeatureCache> cache() {
    return cache;
  }

  /**
   * Takes every source row's content key as computed elsewhere (by the executors that featurized it), so that
   * featurizing here, finding the rows stored, hashes no image.
   *
   * @throws IllegalArgumentException when there is not one key per source row
   */
  synchronized void knowContentKeys(List<String> keys) {
    ImageSources.withContentKeys(source, keys); // checks the count
    knownKeys = List.copyOf(keys);
  }

  /** The content keys of source rows {@code [from, to)}, hashed with {@code threads} threads. */
  List<String> contentKeys(int from, int to, int threads) {
    return org.tune4j.models.source.ContentKeys.all(ImageSources.subset(source,
        java.util.stream.IntStream.range(from, to).toArray()), threads);
  }

  /** The content keys given by {@link #knowContentKeys}, or null. */
  synchronized List<String> knownContentKeys() {
    return knownKeys;
  }

  /** The source, its content keys taken from {@link #knowContentKeys} when known. */
  private ImageSource keyed() {
    return knownKeys == null ? source : ImageSources.withContentKeys(source, knownKeys);
  }

  /** This store's identity in this JVM (a worker's engine cache tells runs apart by it). */
  String id() {
    return id;
  }

  Optional<SourceRecipe> recipe() {
    return recipe;
  }

  /**
   * Featurizes source rows {@code [from, to)} for {@code model}'s frozen prefix (and views {@code 1 … views} of
   * {@code augmentation}) into the cache, only those it lacks, in chunks starting at {@code from}: a worker's share of
   * the shared work. The featurizer is built once per prefix and kept for the next range. {@code rangeKeys} are the
   * range's content keys ({@link #contentKeys}).
   *
   * @throws IllegalStateException when the store has no cache to write to
   */
  synchronized void featurizeRange(TransferModel model, Optional<Augmentation> augmentation, int from, int to,
      int threads, List<String> rangeKeys) {
    FeatureCache c = cache.orElseThrow(() -> new IllegalStateException("featurizing a range of rows needs a feature"
        + " cache to write to; give the data withFeatureCache(FeatureCache.at(folder))"));
    Featurizer featurizer = rangeFeaturizers.computeIfAbsent(key(model.backbone(), model.head().input()),
        k -> Featurizer.fused(model.backbone(), model.head().input()));
    int[] range = java.util.stream.IntStream.range(from, to).toArray();
    List<ImageSource> sources = new java.util.ArrayList<>();
    sources.add(source);
    for (int v = 1; v <= augmentation.map(Augmentation::views).orElse(0); v++) {
      sources.add(augmentation.get().view(source, v));
    }
    for (ImageSource whole : sources) {
      // a view's rows have the plain rows' content keys (the view is part of the preparation)
      ImageSource part = ImageSources.withContentKeys(ImageSources.subset(whole, range), rangeKeys);
      ShardStore shards = rangeStores.computeIfAbsent(FeatureKeys.of(model.backbone(), model.head().input(), whole),
          c::store);
      if (new StreamingFeaturizer(part, featurizer, threads, p -> { }).writeMissing(shards, c.shardBytes()) > 0) {
        c.publish(shards);
      }
    }
  }

  /** The features for {@code model}'s frozen prefix, computed on first use. */
  Entry features(TransferModel model) {
    return features(model, 1, p -> { });
  }

  /**
   * The features for {@code model}'s frozen prefix, computed on first use with {@code threads} threads, reporting
   * images featurized to {@code progress}.
   */
  synchronized Entry features(TransferModel model, int threads, Consumer<Progress> progress) {
    String key = key(model.backbone(), model.head().input());
    Entry e = entries.get(key);
    if (e == null) {
      e = compute(model, keyed(), Featurizer.fused(model.backbone(), model.head().input()), threads, progress);
      entries.put(key, e);
    }
    return e;
  }

  /**
   * The features of view {@code viewId} of {@code augmentation} for {@code model}'s frozen prefix, computed on first
   * use (after the plain features, whose featurizer it shares): every row of the source through the view. With a
   * cache, each view has a store of its own (the view is part of the source's preparation), reused by every later
   * spec, fold and run with the same transforms and seed.
   */
  synchronized Entry viewFeatures(TransferModel model, Augmentation augmentation, int viewId, int threads,
      Consumer<Progress> progress) {
    String key = viewKey(model.backbone(), model.head().input(), augmentation, viewId);
    Entry e = entries.get(key);
    if (e == null) {
      Featurizer featurizer = features(model, threads, progress).featurizer();
      e = compute(model, augmentation.view(keyed(), viewId), featurizer, threads, progress);
      entries.put(key, e);
      viewNames.put(key, "view " + viewId + " " + augmentation.viewText(viewId));
    }
    return e;
  }

  private Entry compute(TransferModel model, ImageSource rows, Featurizer featurizer, int threads,
      Consumer<Progress> progress) {
    StreamingFeaturizer stream = new StreamingFeaturizer(rows, featurizer, threads, progress);
    if (cache.isPresent()) {
      ShardStore store = cache.get().store(FeatureKeys.of(model.backbone(), model.head().input(), rows));
      Entry entry = stream.intoStore(store, cache.get().shardBytes());
      if (entry.stats().computed() > 0) {
        cache.get().publish(store);
      }
      return entry;
    }
    return stream.inMemory();
  }

  /**
   * The features computed for a frozen prefix, by its key.
   *
   * @throws IllegalStateException when they were never computed
   */
  synchronized FeatureMatrix featuresByKey(String key) {
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

  /** Every entry so far, in the order they were computed (for the run log: cache hits and misses). */
  synchronized List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** One line per entry so far, in order: what featurizing did, after the view it holds for a view's entry. */
  synchronized List<String> describeEntries() {
    return entries.entrySet().stream().map(e -> viewNames.containsKey(e.getKey())
        ? viewNames.get(e.getKey()) + ": " + e.getValue().stats().describe() : e.getValue().stats().describe()).toList();
  }

  /** The key of view {@code viewId}'s features: the frozen prefix's key and the view's text. */
  static String viewKey(Backbone b, HeadInput input, Augmentation augmentation, int viewId) {
    return key(b, input) + "|" + augmentation.viewText(viewId);
  }

  static String key(Backbone b, HeadInput input) {
    return b.architecture().cacheIdentity() + "|" + b.weights() + "|" + b.pooling() + "|" + b.height() + "x" + b.width()
        + "|" + input;
  }
}
