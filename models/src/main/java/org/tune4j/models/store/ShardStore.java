package org.tune4j.models.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shards of one store key (backbone, weights, pooling, input size, reduction, image preparation)
 * in a folder of their own under a root: which content keys have features, a {@link ShardWriter} to
 * add rows, a memory-mapped {@link FeatureMatrix} and a {@link Manifest} over any list of keys.
 *
 * <p>Opening maps and checks every shard once — header, store key, sizes and the CRC32 of the whole
 * file — so a damaged shard is found before any head reads it. The cost is one sequential read of
 * the store: from the page cache about 0.35 s per GB (200 MB in 0.07 s on the 2-core test machine),
 * from disk at the disk's speed — small beside featurizing the same rows — and about 150 bytes of
 * heap per stored row for the index (150 MB for a million rows).
 * A truncated, damaged or foreign shard is deleted with one warning naming it, and its rows count as
 * missing. A killed writer's temporary files are never read, and are deleted once older than an hour
 * (a younger one may be another process's shard in the making).
 *
 * <p>Two processes, or two stores opened on one folder, may write at once: each writer writes its
 * own files, and a key stored twice is read from one of them. A store sees the shards of other
 * stores after {@link #refresh()}. Thread-safe.
 *
 * <pre>{@code
 * ShardStore store = ShardStore.open(Path.of("feature-cache"), "resnet50 imagenet avg 224x224", 2048);
 * List<String> todo = store.missing(contentKeys);
 * try (ShardWriter w = store.writer()) {
 *   for (String key : todo) { w.append(key, featuresOf(key), 0); }
 * }
 * try (FeatureMatrix m = store.matrix(contentKeys)) { m.gather(foldRows, target); }
 * }</pre>
 */
public final class ShardStore {
  private static final Logger LOG = LoggerFactory.getLogger(ShardStore.class);
  /** How old a temporary shard file must be to count as left behind by a killed writer. */
  static final Duration STALE_TEMP = Duration.ofHours(1);
  /** The size shards are written at unless told: 64 MiB, about 8,000 rows of 2,048 features. */
  public static final long DEFAULT_SHARD_BYTES = 64L << 20;
  /** The name of the file in the store's folder that holds its store key, for people. */
  static final String KEY_FILE = "store-key.txt";

  /** Where a stored row is: its shard (an index into the store's shards) and its row in the shard. */
  record Location(int shard, int row) {}

  private final Path folder;
  private final String storeKey;
  private final List<ShardFile.Mapped> shards = new ArrayList<>();
  private final Set<Path> seen = new HashSet<>();
  private final Map<String, Location> index = new HashMap<>();
  private int columns;

  private ShardStore(Path folder, String storeKey, int columns) {
    this.folder = folder;
    this.storeKey = storeKey;
    this.columns = columns;
  }

  /**
   * Opens (creating when missing) the store of {@code storeKey} under {@code root}, its rows' length set by its
   * first shard, and checks its shards.
   *
   * @throws IllegalArgumentException when the store key is blank
   * @throws IllegalStateException when two whole shards of the store disagree on the row length
   * @throws UncheckedIOException naming the folder when it cannot be created or listed
   */
  public static ShardStore open(Path root, String storeKey) {
    return create(root, storeKey, 0);
  }

  /**
   * Opens (creating when missing) the store of {@code storeKey} under {@code root} for rows of {@code columns}
   * values, and checks its shards.
   *
   * @throws IllegalArgumentException when the store key is blank or {@code columns} is below 1
   * @throws IllegalStateException naming a whole shard whose rows are not {@code columns} long
   * @throws UncheckedIOException naming the folder when it cannot be created or listed
   */
  public static ShardStore open(Path root, String storeKey, int columns) {
    if (columns < 1) {
      throw new IllegalArgumentException("columns " + columns + " must be at least 1: the length of a feature row");
    }
    return create(root, storeKey, columns);
  }

  private static ShardStore create(Path root, String storeKey, int columns) {
    Objects.requireNonNull(root, "root");
    if (storeKey == null || storeKey.isBlank()) {
      throw new IllegalArgumentException("store key " + ContentKeys.shown(storeKey) + " is blank; name the backbone,"
          + " weights, pooling, input size, reduction and preparation the features come from");
    }
    ShardStore store = new ShardStore(root.resolve(folderName(storeKey)), storeKey, columns);
    try {
      Files.createDirectories(store.folder);
      store.writeKeyFile();
    } catch (IOException e) {
      throw store.unreadable(e);
    }
    store.refresh();
    return store;
  }

  /** The folder of a store key under its root: {@code shards-} and 24 hex digits of the key's SHA-256. */
  static String folderName(String storeKey) {
    return "shards-" + ContentKeys.sha256(storeKey).substring(0, 24);
  }

  private void writeKeyFile() throws IOException {
    Path file = folder.resolve(KEY_FILE);
    String text = storeKey + System.lineSeparator();
    if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
      return;
    }
    Path tmp = Files.createTempFile(folder, "store-key-", ShardFile.TEMP_SUFFIX);
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private UncheckedIOException unreadable(IOException e) {
    return new UncheckedIOException("feature store folder " + folder + " cannot be read or created: " + e.getMessage()
        + "; check the path and its permissions", e);
  }

  /**
   * Reads the shards written to the folder since this store was opened or last refreshed (by other stores or
   * processes), checking each, and deletes stale temporary files.
   *
   * @return the number of shards added
   * @throws IllegalStateException naming a whole shard whose rows have another length than the store's
   * @throws UncheckedIOException naming the folder when it cannot be listed
   */
  public synchronized int refresh() {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.sorted().toList();
    } catch (IOException e) {
      throw unreadable(e);
    }
    int before = shards.size();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(ShardFile.TEMP_SUFFIX)) {
        deleteIfStale(f);
      } else if (name.endsWith(ShardFile.SUFFIX) && !seen.contains(f)) {
        load(f);
      }
    }
    return shards.size() - before;
  }

  private static void deleteIfStale(Path tmp) {
    try {
      if (Files.getLastModifiedTime(tmp).toInstant().isBefore(Instant.now().minus(STALE_TEMP))) {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      // renamed into place or removed by its writer meanwhile; or not ours to remove
    }
  }

  private void load(Path file) {
    ShardFile.Mapped shard;
    try {
      shard = ShardFile.read(file);
      if (!shard.header().storeKey().equals(storeKey)) {
        throw new IOException("it was made for the store key " + ContentKeys.shown(shard.header().storeKey()));
      }
    } catch (NoSuchFileException e) {
      return; // deleted by another process since the listing
    } catch (IOException | RuntimeException e) {
      LOG.warn("feature shard {} is unusable ({}); deleting it, its rows will be computed again", file, e.getMessage());
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // another process may have removed it already
      }
      return;
    }
    add(shard);
  }

  /** Adds a whole, checked shard to the index: the first shard holding a key is the one read. */
  synchronized void add(ShardFile.Mapped shard) {
    int shardColumns = shard.header().columns();
    if (columns != 0 && shardColumns != columns) {
      throw new IllegalStateException("feature shard " + shard.file() + " holds rows of " + shardColumns
          + " values, but the store has rows of " + columns + "; a store key must name everything that sets the row"
          + " length (backbone, pooling, input size): use another store key, or delete " + folder);
    }
    columns = shardColumns;
    seen.add(shard.file());
    int number = shards.size();
    shards.add(shard);
    List<String> keys = shard.header().keys();
    for (int r = 0; r < keys.size(); r++) {
      index.putIfAbsent(keys.get(r), new Location(number, r));
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

  /** The length of a feature row, or 0 while nothing is stored and none was given to {@link #open(Path, String, int)}. */
  public synchronized int columns() {
    return columns;
  }

  /**
   * Whether the features of {@code contentKey} are stored.
   *
   * @throws IllegalArgumentException when the key is not 64 lower-case hex digits
   */
  public synchronized boolean contains(String contentKey) {
    return index.containsKey(ContentKeys.require(contentKey));
  }

  /** How many distinct keys are stored. */
  public synchronized int rowsStored() {
    return index.size();
  }

  /** How many shard files the store holds. */
  public synchronized int shardCount() {
    return shards.size();
  }

  /**
   * The keys of {@code contentKeys} that are not stored, distinct, in first-seen order.
   *
   * @throws IllegalArgumentException naming the first key that is not 64 lower-case hex digits
   */
  public synchronized List<String> missing(List<String> contentKeys) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String k : contentKeys) {
      if (!index.containsKey(ContentKeys.require(k))) {
        out.add(k);
      }
    }
    return List.copyOf(out);
  }

  /**
   * A writer of rows of {@code columns} values in shards of about {@code shardBytes} bytes of features:
   * {@code max(1, shardBytes / (4 · columns))} rows.
   *
   * @throws IllegalArgumentException when {@code columns} differs from the store's, or a size is below 1, or
   *     {@code shardBytes} is above {@link ShardFile#MAX_BYTES} (1 GiB)
   */
  public synchronized ShardWriter writer(int columns, long shardBytes) {
    if (columns < 1) {
      throw new IllegalArgumentException("columns " + columns + " must be at least 1: the length of a feature row");
    }
    if (shardBytes < 1 || shardBytes > ShardFile.MAX_BYTES) {
      throw new IllegalArgumentException("shard size " + shardBytes + " bytes must be between 1 and "
          + ShardFile.MAX_BYTES + " (1 GiB, a shard is mapped as one buffer); the default is " + DEFAULT_SHARD_BYTES);
    }
    if (this.columns != 0 && this.columns != columns) {
      throw new IllegalArgumentException("rows of " + columns + " values cannot join a store of rows of "
          + this.columns + " in " + folder + "; a store key must name everything that sets the row length");
    }
    long perRow = (long) columns * Float.BYTES;
    long rows = Math.min(shardBytes / perRow, ShardFile.MAX_BYTES / (perRow + ContentKeys.BYTES));
    return new ShardWriter(this, columns, (int) Math.max(1, rows));
  }

  /** A writer of rows of {@code columns} values in shards of {@link #DEFAULT_SHARD_BYTES}. */
  public ShardWriter writer(int columns) {
    return writer(columns, DEFAULT_SHARD_BYTES);
  }

  /**
   * A writer of rows of the store's length in shards of {@link #DEFAULT_SHARD_BYTES}.
   *
   * @throws IllegalStateException when the store does not know its row length yet
   */
  public ShardWriter writer() {
    return writer(requireColumns(), DEFAULT_SHARD_BYTES);
  }

  /**
   * A writer of rows of the store's length in shards of about {@code shardBytes} bytes of features.
   *
   * @throws IllegalStateException when the store does not know its row length yet
   */
  public ShardWriter writer(long shardBytes) {
    return writer(requireColumns(), shardBytes);
  }

  private synchronized int requireColumns() {
    if (columns == 0) {
      throw new IllegalStateException("the store in " + folder + " is empty and was opened without a row length; open"
          + " it with ShardStore.open(root, storeKey, columns) or use writer(columns)");
    }
    return columns;
  }

  /**
   * The features of {@code keysInRowOrder}, mapped: row {@code i} of the matrix is the stored row of key {@code i}
   * (a key may repeat). Nothing is copied until {@link FeatureMatrix#gather}.
   *
   * @throws IllegalStateException naming the first missing key and how many rows are missing
   * @throws IllegalArgumentException naming the first key that is not 64 lower-case hex digits
   */
  public synchronized FeatureMatrix matrix(List<String> keysInRowOrder) {
    Location[] rows = locate(keysInRowOrder);
    java.nio.FloatBuffer[] features = new java.nio.FloatBuffer[shards.size()];
    for (int s = 0; s < features.length; s++) {
      features[s] = shards.get(s).features();
    }
    return FeatureMatrix.mapped(features, rows, columns);
  }

  /**
   * The manifest of {@code keysInRowOrder}: row, item, content key and label of every row, the shard and row in the
   * shard it is read from, and the CRC32 of every shard it reads.
   *
   * @param item the item of row {@code i} (a file path or record), called once per row
   * @param label the label of row {@code i}, called once per row
   * @throws IllegalStateException naming the first missing key and how many rows are missing
   */
  public synchronized Manifest manifest(List<String> keysInRowOrder, IntFunction<String> item,
      IntFunction<String> label) {
    Location[] rows = locate(keysInRowOrder);
    Map<Integer, Manifest.Shard> used = new java.util.TreeMap<>();
    List<Manifest.Row> out = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      ShardFile.Mapped s = shards.get(rows[i].shard());
      Manifest.Shard entry = used.computeIfAbsent(rows[i].shard(), n -> new Manifest.Shard(
          s.file().getFileName().toString(), s.header().crc(), s.header().rows(), s.header().dataOffset()));
      out.add(new Manifest.Row(i, item.apply(i), keysInRowOrder.get(i), label.apply(i), entry.file(), rows[i].row()));
    }
    return Manifest.of(storeKey, columns, List.copyOf(used.values()), out);
  }

  private Location[] locate(List<String> keys) {
    Location[] rows = new Location[keys.size()];
    int missing = 0;
    String first = null;
    for (int i = 0; i < rows.length; i++) {
      rows[i] = index.get(ContentKeys.require(keys.get(i)));
      if (rows[i] == null) {
        missing++;
        first = first == null ? keys.get(i) : first;
      }
    }
    if (missing > 0) {
      throw new IllegalStateException(missing + " of " + rows.length + " rows have no stored features (the first: "
          + first + ") in " + folder + "; featurize them first (missing() lists them)");
    }
    return rows;
  }
}
