package org.tune4j.models.tune;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tune4j.models.source.ChunkPrefetcher;
import org.tune4j.models.source.ContentKeys;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.UnreadableRowException;
import org.tune4j.models.store.FeatureMatrix;
import org.tune4j.models.store.Manifest;
import org.tune4j.models.store.ShardStore;
import org.tune4j.models.store.ShardWriter;
import org.tune4j.models.transfer.Featurizer;
import org.tune4j.tuning.engine.Progress;
import org.tune4j.tuning.input.BadInputException;

/**
 * Streams an image source through a frozen prefix: chunks of rows are decoded ahead on a small pool
 * ({@link ChunkPrefetcher}) while the backbone runs on the current chunk, and each chunk's feature
 * rows go straight to their destination — shards of a {@link ShardStore} (only the rows whose
 * content is not stored yet), or one in-memory matrix. Images are never held whole. Reports images
 * per second and an ETA after every chunk. Not thread-safe: one featurization at a time.
 */
final class StreamingFeaturizer {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingFeaturizer.class);

  /** Where feature rows go. */
  private interface RowSink {
    void accept(int row, float[] values, int offset);
  }

  private final ImageSource source;
  private final Featurizer featurizer;
  private final int threads;
  private final Consumer<Progress> progress;

  StreamingFeaturizer(ImageSource source, Featurizer featurizer, int threads, Consumer<Progress> progress) {
    this.source = source;
    this.featurizer = featurizer;
    this.threads = Math.max(1, threads);
    this.progress = progress;
  }

  /** Features of every row in memory: the path without a cache. */
  FeatureStore.Entry inMemory() {
    long t0 = System.nanoTime();
    int columns = Math.toIntExact(featurizer.columns());
    long values = (long) source.size() * columns;
    if (values > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "the features of %,d images of %,d values do not"
          + " fit in memory as one array; give the split a FeatureCache (withFeatureCache) so they go to disk", source.size(),
          columns));
    }
    float[] all = new float[(int) values];
    stream(IntStream.range(0, source.size()).toArray(), (row, v, off) -> System.arraycopy(v, off, all,
        row * columns, columns));
    FeaturizeStats stats = new FeaturizeStats(source.size(), source.size(), 0, (System.nanoTime() - t0) / 1e9);
    return new FeatureStore.Entry(featurizer, FeatureMatrix.inMemory(all, source.size(), columns), stats);
  }

  /** Features of every row from {@code store}, computing only the rows whose content it lacks. */
  FeatureStore.Entry intoStore(ShardStore store, long shardBytes) {
    long t0 = System.nanoTime();
    List<String> keys = contentKeys();
    int computed = writeMissing(store, shardBytes, keys);
    int fromCache = source.size() - computed;
    FeatureMatrix matrix = store.matrix(keys);
    writeManifest(store, keys);
    FeaturizeStats stats = new FeaturizeStats(source.size(), computed, fromCache, (System.nanoTime() - t0) / 1e9);
    LOG.info("{} ({})", stats.describe(), store.folder());
    return new FeatureStore.Entry(featurizer, matrix, stats);
  }

  /**
   * Featurizes the rows whose content {@code store} lacks into new shards of it, and nothing else (no matrix, no
   * manifest): a worker's share of a distributed featurizing.
   *
   * @return how many rows were computed
   */
  int writeMissing(ShardStore store, long shardBytes) {
    return writeMissing(store, shardBytes, contentKeys());
  }

  private int writeMissing(ShardStore store, long shardBytes, List<String> keys) {
    Set<String> wanted = new HashSet<>(store.missing(keys));
    List<Integer> todo = new ArrayList<>();
    for (int row = 0; row < keys.size(); row++) {
      if (wanted.remove(keys.get(row))) {
        todo.add(row);
      }
    }
    if (!todo.isEmpty()) {
      try (ShardWriter writer = store.writer(Math.toIntExact(featurizer.columns()), shardBytes)) {
        stream(todo.stream().mapToInt(Integer::intValue).toArray(), (row, v, off) -> writer.append(keys.get(row), v, off));
      }
    }
    return todo.size();
  }

  /** Every row's content key, hashed on {@code threads} threads. */
  private List<String> contentKeys() {
    return ContentKeys.all(source, threads);
  }

  /** Runs {@code rows} through the backbone in chunks, decoding ahead, into {@code sink}. */
  private void stream(int[] rows, RowSink sink) {
    int chunk = Featurizer.chunkFor(source.height(), source.width());
    int decoders = Math.max(1, threads / 2);
    long start = System.nanoTime();
    int done = 0;
    progress.accept(new Progress(0, rows.length, 0, Progress.IMAGES));
    try (ChunkPrefetcher chunks = ChunkPrefetcher.start(source, rows, chunk, decoders, decoders + 2)) {
      while (chunks.hasNext()) {
        ChunkPrefetcher.Chunk c;
        try {
          c = chunks.next();
        } catch (UnreadableRowException e) {
          throw new BadInputException(e.getMessage() + "; replace or delete it, or skip unreadable images"
              + " (skip_unreadable: true in a job); the " + done + " images featurized before it are kept", e);
        }
        try (c) {
          INDArray f = featurizer.features(c.pixels(), c.count());
          INDArray rowMajor = f.isView() || f.ordering() != 'c' ? f.dup('c') : f;
          float[] values = rowMajor.data().asFloat();
          int columns = (int) rowMajor.size(1);
          int[] chunkRows = c.rows();
          for (int k = 0; k < chunkRows.length; k++) {
            sink.accept(chunkRows[k], values, k * columns);
          }
          done += chunkRows.length;
        }
        progress.accept(new Progress(done, rows.length, System.nanoTime() - start, Progress.IMAGES));
      }
    }
  }

  /**
   * The {@link Manifest} of this source's rows (item, content key, label, shard and shard row, and each shard's
   * CRC32), written atomically beside the shards as {@code manifest-<hash of the keys>-<rows>.csv}.
   */
  private void writeManifest(ShardStore store, List<String> keys) {
    int[] labels = source.labels();
    Manifest manifest = store.manifest(keys, source::item, row -> source.levels().get(labels[row]));
    String name = "manifest-" + Integer.toHexString(keys.hashCode()) + "-" + keys.size() + ".csv";
    manifest.write(store.folder().resolve(name));
  }
}
