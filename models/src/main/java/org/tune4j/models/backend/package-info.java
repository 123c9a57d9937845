/**
 * Chooses, loads and describes ND4J's native build: the fastest oneDNN build the processor runs,
 * DL4J's layer helpers on, OpenMP's threads spinning only briefly between native calls, and one
 * log line saying so. Call {@link org.tune4j.models.backend.NativeBackend#initialize()} before
 * touching ND4J.
 */
package org.tune4j.models.backend;
