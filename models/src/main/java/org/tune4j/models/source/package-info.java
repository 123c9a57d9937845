/**
 * Image sources: labelled images read on demand, a chunk of rows at a time (image folders, CSV
 * lists of files, CIFAR and IDX files, the in-memory {@code ImageSet}), preparation steps on top of
 * any source, and the bounded prefetcher that decodes the next chunks while the backbone runs on
 * the current one.
 */
package org.tune4j.models.source;
