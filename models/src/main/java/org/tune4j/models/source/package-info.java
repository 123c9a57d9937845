/**
 * Image sources: labelled images read on demand, a chunk of rows at a time (image folders, CSV
 * lists of files, CIFAR and IDX files, the in-memory {@code ImageSet}), preparation steps on top of
 * any source ({@link org.tune4j.models.source.PreparedSource}), the bounded prefetcher that decodes
 * the next chunks while the backbone runs on the current one
 * ({@link org.tune4j.models.source.ChunkPrefetcher}), and the content keys of every row computed on
 * a bounded pool ({@link org.tune4j.models.source.ContentKeys}). Start at
 * {@link org.tune4j.models.source.ImageSources}.
 */
package org.tune4j.models.source;
