/**
 * Images as users have them: the in-memory {@link org.tune4j.models.data.ImageSet}, the IDX reader
 * for (Fashion-)MNIST, the embedded Fashion-MNIST sample, and deterministic pixel transforms.
 */
package org.tune4j.models.data;
