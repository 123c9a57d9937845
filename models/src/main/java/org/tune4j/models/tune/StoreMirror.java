package org.tune4j.models.tune;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * A shared home for a {@link FeatureCache} that is not a local path (a Hadoop file system such as
 * {@code hdfs://} or {@code s3a://}, say): each JVM works on a local copy ({@link #localFolder()}),
 * fetches the shards it lacks before reading a store ({@link #pull}) and sends the shards it wrote
 * ({@link #push}). Shards are immutable files with unique names, so copying whole files both ways
 * is all the synchronisation there is. tune4j-spark implements it for Hadoop URIs; find one by URI
 * with {@link StoreMirrors#forUri}. Implementations are serialisable (they travel to cluster
 * executors) and thread-safe.
 */
public interface StoreMirror extends Serializable {

  /** This JVM's copy of the store: the feature cache's folder here. */
  Path localFolder();

  /** Copies into {@code localStoreFolder} (one store key's folder under {@link #localFolder()}) the shards it lacks. */
  void pull(Path localStoreFolder);

  /** Copies from {@code localStoreFolder} the shards the shared store lacks. */
  void push(Path localStoreFolder);

  /** Where the shared store is, for logs ({@code hdfs://nn/tune4j/features}). */
  String describe();
}
