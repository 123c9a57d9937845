/**
 * Model specs as named blocks, kerasnip-style: {@link org.tune4j.models.spec.ModelSpec},
 * {@link org.tune4j.models.spec.Blocks}, {@link org.tune4j.models.spec.Fit} and
 * {@link org.tune4j.models.spec.Compile}; their tuned parameters; the compiler to a trainable
 * {@link org.tune4j.models.transfer.TransferModel}; and the pre-flight check of a grid.
 */
package org.tune4j.models.spec;
