/**
 * The tuning engine: {@link org.tune4j.tuning.engine.Tune} ({@code tuneGrid}, {@code fitResamples},
 * {@code lastFit}), its {@link org.tune4j.tuning.engine.Control}, progress, and the
 * {@link org.tune4j.tuning.engine.ModelEngine} interface through which it fits models without
 * knowing the model library.
 */
package org.tune4j.tuning.engine;
