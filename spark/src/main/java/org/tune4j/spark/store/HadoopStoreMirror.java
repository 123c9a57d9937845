package org.tune4j.spark.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.tune4j.models.tune.StoreMirror;

/**
 * A feature store whose shared home is a Hadoop file-system URI. Each JVM keeps a local copy under
 * {@code ${tune4j.store.local:-java.io.tmpdir}/tune4j-store-<hash of the URI>}; {@link #pull} copies
 * the remote shard files the local copy lacks, {@link #push} the local ones the remote lacks. A file
 * is written under a temporary name and renamed, on both sides, so a reader never sees half of one
 * (the store's own CRC check would reject it anyway). Hadoop's configuration comes from the class
 * path and {@code HADOOP_CONF_DIR}, as for any Hadoop client. Thread-safe.
 *
 * <pre>{@code
 * FeatureCache cache = FeatureCache.mirrored(HadoopStoreMirror.of("hdfs://nn:8020/tune4j/features"));
 * }</pre>
 *
 * @param uri the shared store's root
 */
public record HadoopStoreMirror(String uri) implements StoreMirror {
  private static final long serialVersionUID = 1L;
  /** The system property naming the folder each JVM keeps its local copies in. */
  public static final String LOCAL_PROPERTY = "tune4j.store.local";
  private static final String SHARD_SUFFIX = ".t4js";
  private static final String KEY_FILE = "store-key.txt";

  /** Checks the URI. */
  public HadoopStoreMirror {
    URI parsed = URI.create(uri);
    if (parsed.getScheme() == null) {
      throw new IllegalArgumentException("feature store \"" + uri + "\" has no scheme; give hdfs://…, s3a://… or"
          + " file:/…, or a plain folder every node sees without a mirror");
    }
  }

  /** The mirror of {@code uri}. */
  public static HadoopStoreMirror of(String uri) {
    return new HadoopStoreMirror(uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri);
  }

  @Override
  public java.nio.file.Path localFolder() {
    String base = System.getProperty(LOCAL_PROPERTY, System.getProperty("java.io.tmpdir"));
    return java.nio.file.Path.of(base, "tune4j-store-" + hash(uri));
  }

  @Override
  public void pull(java.nio.file.Path localStoreFolder) {
    Path remote = remoteFolder(localStoreFolder);
    try {
      FileSystem fs = fileSystem();
      if (!fs.exists(remote)) {
        return;
      }
      Files.createDirectories(localStoreFolder);
      for (FileStatus f : fs.listStatus(remote)) {
        String name = f.getPath().getName();
        java.nio.file.Path local = localStoreFolder.resolve(name);
        if (name.endsWith(SHARD_SUFFIX) && !Files.exists(local)) {
          java.nio.file.Path tmp = localStoreFolder.resolve(name + "." + UUID.randomUUID() + ".tmp");
          fs.copyToLocalFile(false, f.getPath(), new Path(tmp.toUri()), true);
          Files.move(tmp, local, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch the feature store's shards from " + remote + ": " + e.getMessage()
          + "; check the URI and that this node can reach it", e);
    }
  }

  @Override
  public void push(java.nio.file.Path localStoreFolder) {
    Path remote = remoteFolder(localStoreFolder);
    try (Stream<java.nio.file.Path> files = Files.list(localStoreFolder)) {
      FileSystem fs = fileSystem();
      fs.mkdirs(remote);
      Set<String> there = new HashSet<>();
      for (FileStatus f : fs.listStatus(remote)) {
        there.add(f.getPath().getName());
      }
      for (java.nio.file.Path local : files.sorted().toList()) {
        String name = local.getFileName().toString();
        boolean wanted = name.endsWith(SHARD_SUFFIX) || name.equals(KEY_FILE);
        if (wanted && !there.contains(name)) {
          Path tmp = new Path(remote, "." + name + "." + UUID.randomUUID() + ".tmp");
          fs.copyFromLocalFile(false, true, new Path(local.toUri()), tmp);
          if (!fs.rename(tmp, new Path(remote, name))) {
            fs.delete(tmp, false); // another writer sent the same file first
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot send the feature store's shards to " + remote + ": " + e.getMessage()
          + "; check the URI and that this node may write there", e);
    }
  }

  @Override
  public String describe() {
    return uri;
  }

  private Path remoteFolder(java.nio.file.Path localStoreFolder) {
    return new Path(uri + "/" + localStoreFolder.getFileName());
  }

  private FileSystem fileSystem() throws IOException {
    return FileSystem.get(URI.create(uri), new Configuration());
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
