package org.tune4j.models.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;
import org.tune4j.models.augment.Augmentation;
import org.tune4j.models.backend.NativeBackend;
import org.tune4j.models.backend.NativeThreads;
import org.tune4j.models.data.ImageSet;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.store.FeatureMatrix;
import org.tune4j.tuning.engine.Progress;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.FittedHead;
import org.tune4j.models.head.fast.FastFittedHead;
import org.tune4j.models.head.Predictions;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.spec.SpecCompileException;
import org.tune4j.models.spec.SpecCompiler;
import org.tune4j.models.transfer.FittedTransferModel;
import org.tune4j.models.transfer.FittedWholeGraph;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.models.transfer.WholeGraphTrainer;
import org.tune4j.tuning.engine.ModelEngine;
import org.tune4j.tuning.execution.EngineRecipe;
import org.tune4j.tuning.execution.PortableEngine;
import org.tune4j.tuning.engine.ModelEngine.FitResult;
import org.tune4j.tuning.metrics.ClassPredictions;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * The tuning engine's view of tune4j's transfer models on a set of images: compiles each final
 * {@link ModelSpec}, reads the frozen backbone's features from a shared {@link FeatureStore}
 * (featurized once), and trains only the head.
 *
 * <p>A spec that cannot be cut (a trainable backbone, {@link SpecCompiler#plainPathReason}) runs on
 * the plain path instead: every fit trains the whole graph on the images with
 * {@link WholeGraphTrainer}, and nothing of it is featurized. The engine warns once per spec that it
 * does. Its native thread count is a {@link NativeThreads} lease of its own, ended by {@link #close()}, so two
 * runs in one JVM do not overwrite each other's. Thread-safe: fits on different threads build their own networks.
 */
final class TransferEngine implements PortableEngine {
  private final FeatureStore store;
  private final int[] rows;
  private final int[] labels;
  private final Consumer<String> warnings;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private NativeThreads.Lease threads;

  /** An engine over rows {@code rows} of the store's data (its row {@code i} is store row {@code rows[i]}). */
  TransferEngine(FeatureStore store, int[] rows) {
    this(store, rows, LoggerFactory.getLogger(TransferEngine.class)::warn);
  }

  /** As {@link #TransferEngine(FeatureStore, int[])}, sending its warnings to {@code warnings} instead of SLF4J. */
  TransferEngine(FeatureStore store, int[] rows, Consumer<String> warnings) {
    this.store = store;
    this.warnings = Objects.requireNonNull(warnings, "warnings");
    this.rows = rows.clone();
    this.labels = new int[rows.length];
    int[] all = store.source().labels();
    for (int i = 0; i < rows.length; i++) {
      labels[i] = all[rows[i]];
    }
  }

  @Override
  public List<String> levels() {
    return store.source().levels();
  }

  @Override
  public int size() {
    return rows.length;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public void prepare(List<TunableSpec> finalSpecs, int threadBudget) {
    prepare(finalSpecs, threadBudget, p -> { });
  }

  /** Featurizes each distinct frozen prefix of {@code finalSpecs} once, streaming, with progress in images. */
  @Override
  public void prepare(List<TunableSpec> finalSpecs, int threadBudget, Consumer<Progress> progress) {
    NativeBackend.initialize();
    setThreads(threadBudget);
    for (TunableSpec s : finalSpecs) {
      TransferModel model = frozenModel(s).orElse(null);
      if (model != null) {
        store.features(model, threadBudget, progress);
        Optional<Augmentation> aug = augmentationOf(s);
        for (int v = 1; v <= aug.map(Augmentation::views).orElse(0); v++) {
          store.viewFeatures(model, aug.get(), v, threadBudget, progress);
        }
      }
    }
  }

  @Override
  public Optional<String> notPortableReason() {
    if (store.recipe().isEmpty()) {
      return Optional.of("the images have no recipe to open them on another machine; give the data or split"
          + " withRecipe(() -> <open the same source>)");
    }
    if (store.cache().isEmpty()) {
      return Optional.of("the features have no shared store; give the data or split"
          + " withFeatureCache(FeatureCache.at(<a folder every worker sees>))");
    }
    return Optional.empty();
  }

  @Override
  public EngineRecipe recipe() {
    notPortableReason().ifPresent(r -> {
      throw new IllegalStateException("this engine cannot run on other machines: " + r);
    });
    FeatureCache cache = store.cache().orElseThrow();
    List<String> keys = store.knownContentKeys();
    String id = store.id() + "/" + Integer.toHexString(Arrays.hashCode(rows)) + "-" + rows.length
        + (keys == null ? "" : "+keys");
    return new ImageEngineRecipe(id, store.recipe().orElseThrow(), cache.folder().toAbsolutePath().toString(),
        cache.mirror().orElse(null), cache.shardBytes(), rows, store.source().size(), store.source().levels(), keys);
  }

  @Override
  public String specText(TunableSpec finalSpec) {
    return org.tune4j.models.spec.ModelSpecJson.toJson(modelSpec(finalSpec));
  }

  @Override
  public int sharedWorkRows() {
    return store.source().size();
  }

  @Override
  public int sharedWorkBlock() {
    return org.tune4j.models.transfer.Featurizer.chunkFor(store.source().height(), store.source().width());
  }

  /**
   * Featurizes source rows {@code [from, to)} of every distinct frozen prefix (and its views) into the cache; returns
   * the rows' content keys (an {@code ArrayList<String>}), hashed once for all prefixes, or null when no spec has a
   * frozen backbone.
   */
  @Override
  public java.io.Serializable prepareRows(List<TunableSpec> finalSpecs, int from, int to, int threads) {
    if (from < 0 || to > store.source().size() || from > to) {
      throw new IllegalArgumentException("rows [" + from + ", " + to + ") are not within the source's "
          + store.source().size() + " images");
    }
    NativeBackend.initialize();
    setThreads(threads);
    Set<String> done = new java.util.HashSet<>();
    ArrayList<String> keys = null;
    for (TunableSpec s : finalSpecs) {
      TransferModel model = frozenModel(s).orElse(null);
      if (model == null) {
        continue;
      }
      if (keys == null) {
        keys = new ArrayList<>(store.contentKeys(from, to, threads));
      }
      Optional<Augmentation> aug = augmentationOf(s);
      String key = FeatureStore.key(model.backbone(), model.head().input()) + "|"
          + aug.map(a -> a.viewText(a.views())).orElse("");
      if (done.add(key)) {
        store.featurizeRange(model, aug, from, to, threads, keys);
      }
    }
    return keys;
  }

  /** Takes the ranges' content keys (when every range returned its own), so nothing here hashes the images. */
  @Override
  public void sharedWorkDone(List<java.io.Serializable> parts) {
    List<String> all = new ArrayList<>();
    for (java.io.Serializable part : parts) {
      if (!(part instanceof List<?> keys)) {
        return; // a range had nothing frozen to featurize: its rows were not hashed
      }
      keys.forEach(k -> all.add((String) k));
    }
    if (all.size() == store.source().size()) {
      store.knowContentKeys(all);
    }
  }

  /**
   * {@code spec} compiled (seed 0) when it has a frozen backbone to featurize; empty when it trains its whole graph
   * or cannot be built (its fit reports why, as a note).
   */
  private Optional<TransferModel> frozenModel(TunableSpec spec) {
    try {
      TransferModel model = compile(spec, 0);
      return model.frozenBackbone() ? Optional.of(model) : Optional.empty();
    } catch (SpecCompileException e) {
      return Optional.empty();
    }
  }

  @Override
  public void configureThreads(int parallelFits, int threadBudget) {
    setThreads(Math.max(1, threadBudget / parallelFits));
  }

  @Override
  public List<ClassPredictions> fitAndPredict(TunableSpec finalSpec, int[] analysis, int[] assessment,
      int[] checkpoints, long seed, Consumer<String> epochLog) {
    TransferModel model = compile(finalSpec, seed);
    int epochs = model.fit().epochs();
    int[] scoreAt = scoreAt(model, checkpoints);
    if (!model.frozenBackbone()) {
      int[] truth = subset(labels, assessment);
      List<ClassPredictions> out = new ArrayList<>();
      ImageSet assessed = images(assessment);
      var fitted = WholeGraphTrainer.fitWatching(model, images(analysis), (m, soFar) -> {
        afterEpoch(m, epochs, epochLog);
        if (Arrays.binarySearch(scoreAt, m.epoch()) >= 0) {
          out.add(toClassPredictions(soFar.predict(assessed), truth));
        }
      });
      if (out.size() < scoreAt.length) {
        // stopped early (patience): later checkpoints see the weights it stopped with, as Keras keeps them
        ClassPredictions last = toClassPredictions(fitted.predict(assessed), truth);
        while (out.size() < scoreAt.length) {
          out.add(last);
        }
      }
      return out;
    }
    FitResult result = HeadFits.fit(List.of(request(model, augmentationOf(finalSpec), scoreAt)), headData(), analysis, assessment, epochLog).get(0);
    if (result.failure() != null) {
      throw result.failure();
    }
    return result.predictions();
  }

  /** Heads fitted together per fast-trainer call, at most. */
  static final int HEADS_PER_FIT = 64;

  @Override
  public int maxSpecsPerFit() {
    return HEADS_PER_FIT;
  }

  @Override
  public List<FitResult> fitAndPredictTogether(List<TunableSpec> finalSpecs, int[] analysis, int[] assessment,
      List<int[]> checkpoints, long seed, Consumer<String> epochLog) {
    FitResult[] out = new FitResult[finalSpecs.size()];
    List<HeadFits.Request> cut = new ArrayList<>();
    List<Integer> cutIndex = new ArrayList<>();
    for (int i = 0; i < finalSpecs.size(); i++) {
      try {
        TransferModel model = compile(finalSpecs.get(i), seed);
        int[] scoreAt = scoreAt(model, checkpoints.get(i));
        if (model.frozenBackbone()) {
          cut.add(request(model, augmentationOf(finalSpecs.get(i)), scoreAt));
          cutIndex.add(i);
        } else {
          out[i] = FitResult.of(fitAndPredict(finalSpecs.get(i), analysis, assessment, checkpoints.get(i), seed,
              epochLog));
        }
      } catch (RuntimeException e) {
        out[i] = FitResult.failed(e);
      }
    }
    List<FitResult> fitted = HeadFits.fit(cut, headData(), analysis, assessment, epochLog);
    for (int k = 0; k < cutIndex.size(); k++) {
      out[cutIndex.get(k)] = fitted.get(k);
    }
    return List.of(out);
  }

  private HeadFits.Request request(TransferModel model, Optional<Augmentation> augmentation, int[] scoreAt) {
    store.features(model);
    return new HeadFits.Request(model, FeatureStore.key(model.backbone(), model.head().input()),
        viewKeys(model, augmentation, augmentation.map(Augmentation::views).orElse(0)), scoreAt);
  }

  /** The keys of views {@code 1 … views} of {@code model}'s frozen prefix, featurized now when they were not yet. */
  private List<String> viewKeys(TransferModel model, Optional<Augmentation> augmentation, int views) {
    List<String> keys = new ArrayList<>();
    for (int v = 1; v <= views; v++) {
      store.viewFeatures(model, augmentation.orElseThrow(), v, 1, p -> { });
      keys.add(FeatureStore.viewKey(model.backbone(), model.head().input(), augmentation.orElseThrow(), v));
    }
    return keys;
  }

  private static int[] scoreAt(TransferModel model, int[] checkpoints) {
    int epochs = model.fit().epochs();
    int[] at = checkpoints.length == 0 ? new int[] {epochs} : checkpoints.clone();
    if (at[at.length - 1] != epochs) {
      throw new IllegalArgumentException("the last checkpoint " + at[at.length - 1] + " differs from the spec's epochs "
          + epochs);
    }
    return at;
  }

  /** The engine's rows as the head trainer sees them: features by frozen prefix, labels, levels. */
  private HeadFits.Data headData() {
    return new HeadFits.Data() {
      @Override
      public INDArray features(String featureKey, int[] engineRows) {
        return gather(store.featuresByKey(featureKey), storeRows(engineRows));
      }

      @Override
      public int[] labels(int[] engineRows) {
        return subset(labels, engineRows);
      }

      @Override
      public List<String> levels() {
        return TransferEngine.this.levels();
      }
    };
  }

  /**
   * Logs an epoch. A diverged fit is not stopped here: as on the fast path, its later checkpoints predict NaN and
   * the tuning engine notes each of them, so both paths follow one rule whether or not epochs are logged.
   */
  private static void afterEpoch(EpochMetrics m, int epochs, Consumer<String> epochLog) {
    if (epochLog != null) {
      epochLog.accept(m.format(epochs));
    }
  }

  @Override
  public FittedModel fit(TunableSpec finalSpec, int[] fitRows, long seed) {
    TransferModel model = compile(finalSpec, seed);
    if (!model.frozenBackbone()) {
      FittedWholeGraph whole = WholeGraphTrainer.fit(model, images(fitRows), m -> { });
      return new FittedModel() {
        @Override
        public ClassPredictions predict(int[] predictRows) {
          return toClassPredictions(whole.predict(images(predictRows)), subset(labels, predictRows));
        }

        @Override
        public Object unwrap() {
          return whole;
        }
      };
    }
    FeatureStore.Entry entry = store.features(model);
    FeatureMatrix all = entry.features();
    Optional<Augmentation> augmentation = augmentationOf(finalSpec);
    int[] fitStoreRows = storeRows(fitRows);
    List<INDArray> views = viewKeys(model, augmentation, augmentation.map(Augmentation::views).orElse(0)).stream()
        .map(k -> gather(store.featuresByKey(k), fitStoreRows)).toList();
    FastFittedHead fast = HeadFits.fitOne(model, gather(all, fitStoreRows), views, subset(labels, fitRows), levels());
    FittedHead head = FittedHead.of(fast.network(), levels(), fast.history());
    FittedTransferModel fitted = FittedTransferModel.of(model, entry.featurizer(), head);
    return new TestTimeViews.Model() {
      @Override
      public ClassPredictions predict(int[] predictRows) {
        return toClassPredictions(fast.predict(gather(all, storeRows(predictRows))), subset(labels, predictRows));
      }

      @Override
      public ClassPredictions predictWithViews(int[] predictRows, int count) {
        Augmentation aug = augmentation.orElseThrow(() -> new IllegalArgumentException("spec \"" + finalSpec.name()
            + "\" has no augmentation block, so its images have no views to average over; add"
            + " Blocks.augmentation(views) and random_* blocks after the image input, or predict without views"));
        return toClassPredictions(TestTimeViews.mean(fast, store, model, aug, count, storeRows(predictRows), levels()),
            subset(labels, predictRows));
      }

      @Override
      public Object unwrap() {
        return fitted;
      }
    };
  }

  /** The augmentation of a final spec (checked when it was compiled), or empty. */
  private static Optional<Augmentation> augmentationOf(TunableSpec spec) {
    return SpecCompiler.augmentation((ModelSpec) spec);
  }

  /** {@code spec} as tune4j's own spec, the only kind this engine fits. */
  private static ModelSpec modelSpec(TunableSpec spec) {
    if (!(spec instanceof ModelSpec ms)) {
      throw new IllegalArgumentException("tune4j's image engine fits ModelSpec specs; got " + spec.getClass().getName());
    }
    return ms;
  }

  private TransferModel compile(TunableSpec spec, long seed) {
    ModelSpec ms = modelSpec(spec);
    TransferModel model = SpecCompiler.compile(ms, store.source().height(), store.source().width(), seed);
    if (!model.frozenBackbone()) {
      warnOnce(ms, model);
    }
    return model;
  }

  private void warnOnce(ModelSpec spec, TransferModel model) {
    String reason = SpecCompiler.plainPathReason(spec).orElseGet(() -> model.plainPathReason().orElseThrow());
    String line = "spec \"" + spec.name() + "\" cannot be cut (" + reason + "): every fit trains the whole graph on"
        + " the images, much slower than training heads on cached features";
    if (warned.add(line)) {
      warnings.accept(line);
    }
  }

  /** The images of engine rows {@code engineRows}, in that order. */
  private ImageSet images(int[] engineRows) {
    ImageSource source = store.source();
    int[] rowsOfStore = storeRows(engineRows);
    float[] px = new float[Math.multiplyExact(rowsOfStore.length, source.pixelsPerImage())];
    source.read(rowsOfStore, px);
    int[] all = source.labels();
    int[] chosen = new int[rowsOfStore.length];
    for (int i = 0; i < chosen.length; i++) {
      chosen[i] = all[rowsOfStore[i]];
    }
    return ImageSet.of(source.height(), source.width(), source.channels(), px, chosen, source.levels());
  }

  /** Feature rows {@code storeRows} as a {@code [n, d]} array: only these rows are read from the store. */
  static INDArray gather(FeatureMatrix features, int[] storeRows) {
    float[] values = new float[Math.multiplyExact(storeRows.length, features.columns())];
    features.gather(storeRows, values);
    return Nd4j.create(values, new long[] {storeRows.length, features.columns()}, 'c');
  }

  private int[] storeRows(int[] engineRows) {
    int[] out = new int[engineRows.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows[engineRows[i]];
    }
    return out;
  }

  private static int[] subset(int[] values, int[] index) {
    int[] out = new int[index.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[index[i]];
    }
    return out;
  }

  /** Float32 softmax rows sum to 1 within a few float ulps per class. */
  static final double FLOAT_SUM_TOLERANCE = 1e-4;

  /** The engine's form of a model's predictions; non-finite probabilities (a diverged fit) become {@link ClassPredictions#diverged}. */
  static ClassPredictions toClassPredictions(Predictions p, int[] truth) {
    double[][] probabilities = p.probabilities();
    for (double[] row : probabilities) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return ClassPredictions.diverged(p.levels(), truth);
        }
      }
    }
    return ClassPredictions.of(p.levels(), truth, p.predClasses(), probabilities, FLOAT_SUM_TOLERANCE);
  }

  /** Wants {@code n} native threads from now on, through this engine's lease (taken on first use). */
  private synchronized void setThreads(int n) {
    if (threads == null) {
      threads = NativeThreads.lease(n);
    } else {
      threads.set(n);
    }
  }

  /** Ends this engine's claim on ND4J's thread count ({@link NativeThreads}); a later call takes a new one. */
  @Override
  public synchronized void close() {
    if (threads != null) {
      threads.close();
      threads = null;
    }
  }
}
