/**
 * The feature store on disk: for one frozen prefix (backbone, weights, pooling, input size,
 * reduction, image preparation), a folder of fixed-size shard files of feature rows, each row keyed
 * by the SHA-256 of the bytes its image came from.
 *
 * <p>{@link org.tune4j.models.store.ShardStore} opens and checks a store;
 * {@link org.tune4j.models.store.ShardWriter} appends rows, writing each full shard whole and
 * atomically (temporary file, fsync, rename) with a CRC32; {@link
 * org.tune4j.models.store.FeatureMatrix} reads any rows of a run from the memory-mapped shards
 * without copying the whole matrix; {@link org.tune4j.models.store.Manifest} records which item,
 * label and shard row each row of a run is. So a data set of any size is featurized once, a killed
 * featurization resumes from its last whole shard, a data set that gained images featurizes only
 * the new ones, and removed images simply drop out. Plain Java: no ND4J here.
 */
package org.tune4j.models.store;
