package org.tune4j.models.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shards of one store key (backbone, weights, reduction, image preparation) in a folder of their
 * own under a root: which content keys have features, a {@link ShardWriter} to add rows, and a
 * memory-mapped {@link FeatureMatrix} over any list of keys.
 *
 * <p>Opening reads and checks every shard once (header, key table, length and CRC32: one
 * sequential read, about 0.4 s per GB); a truncated, damaged or foreign shard is deleted with one
 * warning and its rows count as missing. A killed writer's temporary files are removed once an hour
 * old (younger ones may be another process's shard in the making).
 * Two processes may write to one store: each writes its own shard files, and a key stored twice is
 * read from either. Thread-safe.
 *
 * <pre>{@code
 * ShardStore store = ShardStore.open(Path.of("feature-cache"), key);
 * try (ShardWriter w = store.writer(2048)) { w.append(contentKey, row, 0); }
 * FeatureMatrix m = store.matrix(keysInRowOrder);
 * }</pre>
 */
public final class ShardStore {
  private static final Logger LOG = LoggerFactory.getLogger(ShardStore.class);

  /** Where a stored row is: its shard's features and its row in the shard. */
  record Location(FloatBuffer shard, int row) {}

  private final Path folder;
  private final String storeKey;
  private final Map<String, Location> index = new HashMap<>();
  private final List<Path> shards = new ArrayList<>();
  private int columns;

  private ShardStore(Path folder, String storeKey) {
    this.folder = folder;
    this.storeKey = storeKey;
  }

  /**
   * Opens (creating when missing) the store of {@code storeKey} under {@code root}, checking its shards.
   *
   * @throws UncheckedIOException naming the folder when it cannot be created or listed
   */
  public static ShardStore open(Path root, String storeKey) {
    Path folder = root.resolve("shards-" + sha256(storeKey).substring(0, 24));
    ShardStore store = new ShardStore(folder, storeKey);
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("store-key.txt"), storeKey + System.lineSeparator(), StandardCharsets.UTF_8);
      List<Path> files;
      try (Stream<Path> s = Files.list(folder)) {
        files = s.sorted().toList();
      }
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(".tmp")) {
          deleteIfStale(f);
        } else if (name.endsWith(ShardFile.SUFFIX)) {
          store.load(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("feature store folder " + folder + " cannot be read or created: "
          + e.getMessage() + "; check the path and its permissions", e);
    }
    return store;
  }

  /**
   * Temporary files are never read. One older than {@link #STALE_TEMP} is a killed writer's and is deleted; a
   * younger one may be another process's shard being written right now, and is left alone.
   */
  private static void deleteIfStale(Path tmp) throws IOException {
    try {
      if (Files.getLastModifiedTime(tmp).toInstant().isBefore(java.time.Instant.now().minus(STALE_TEMP))) {
        Files.deleteIfExists(tmp);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // renamed into place or removed by its writer meanwhile
    }
  }

  /** How old a temporary shard file must be to count as left behind by a killed writer. */
  static final java.time.Duration STALE_TEMP = java.time.Duration.ofHours(1);

  private void load(Path file) {
    try {
      ShardFile.Header h = ShardFile.read(file);
      if (!h.storeKey().equals(storeKey)) {
        throw new IOException("made for another store key");
      }
      if (columns != 0 && h.columns() != columns) {
        throw new IOException("it has " + h.columns() + " columns but the store's other shards have " + columns);
      }
      register(file, h);
    } catch (IOException | RuntimeException e) {
      LOG.warn("feature shard {} is unusable ({}); deleting it, its rows will be computed again", file, e.getMessage());
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // another process may have removed it already
      }
    }
  }

  /** Adds a whole, checked shard to the index. */
  synchronized void register(Path file, ShardFile.Header h) throws IOException {
    FloatBuffer features = ShardFile.map(file, h);
    columns = h.columns();
    shards.add(file);
    for (int r = 0; r < h.rows(); r++) {
      index.putIfAbsent(h.keys().get(r), new Location(features, r));
    }
  }

  /** The folder of this store's shards. */
  public Path folder() {
    return folder;
  }

  /** The store key. */
  public String storeKey() {
    return storeKey;
  }

  /** The length of a feature row, or 0 while nothing is stored. */
  public synchronized int columns() {
    return columns;
  }

  /** Whether the features of {@code contentKey} are stored. */
  public synchronized boolean contains(String contentKey) {
    return index.containsKey(contentKey);
  }

  /** How many distinct keys are stored. */
  public synchronized int rowsStored() {
    return index.size();
  }

  /** How many shard files the store holds. */
  public synchronized int shardCount() {
    return shards.size();
  }

  /** The keys of {@code contentKeys} that are not stored, distinct, in first-seen order. */
  public synchronized List<String> missing(List<String> contentKeys) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String k : contentKeys) {
      if (!index.containsKey(k)) {
        out.add(k);
      }
    }
    return List.copyOf(out);
  }

  /**
   * A writer of rows of {@code columns} values, in shards of about {@code shardBytes} bytes.
   *
   * @throws IllegalArgumentException when {@code columns} differs from the stored rows' or a size is below 1
   */
  public synchronized ShardWriter writer(int columns, long shardBytes) {
    if (columns < 1 || shardBytes < 1) {
      throw new IllegalArgumentException("columns " + columns + " and shard bytes " + shardBytes + " must be positive");
    }
    if (this.columns != 0 && this.columns != columns) {
      throw new IllegalArgumentException("rows of " + columns + " values cannot join a store of rows of "
          + this.columns + " in " + folder);
    }
    int rows = (int) Math.max(1, Math.min(Integer.MAX_VALUE / columns, shardBytes / (4L * columns)));
    return new ShardWriter(this, columns, rows);
  }

  /** A writer with shards of about 64 MiB. */
  public ShardWriter writer(int columns) {
    return writer(columns, 64L << 20);
  }

  /**
   * The features of {@code keysInRowOrder}: row {@code i} of the matrix is the stored row of key {@code i}.
   *
   * @throws IllegalStateException naming the first missing key and how many are missing
   */
  public synchronized FeatureMatrix matrix(List<String> keysInRowOrder) {
    Location[] rows = new Location[keysInRowOrder.size()];
    int missing = 0;
    String first = null;
    for (int i = 0; i < rows.length; i++) {
      rows[i] = index.get(keysInRowOrder.get(i));
      if (rows[i] == null) {
        missing++;
        first = first == null ? keysInRowOrder.get(i) : first;
      }
    }
    if (missing > 0) {
      throw new IllegalStateException(missing + " of " + rows.length + " rows have no stored features (the first: "
          + first + ") in " + folder + "; featurize them first");
    }
    return FeatureMatrix.mapped(rows, columns);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
