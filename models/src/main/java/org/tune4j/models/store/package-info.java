/**
 * The feature store on disk: for one frozen prefix (backbone, weights, reduction, image
 * preparation), fixed-size shard files of feature rows keyed by the content hash of the image each
 * row came from. Shards are written whole and atomically, carry a checksum, and are read
 * memory-mapped, so a data set of any size is featurized once, a killed featurization resumes from
 * its last whole shard, and a data set that gained images featurizes only the new ones.
 */
package org.tune4j.models.store;
