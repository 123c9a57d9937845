/**
 * What the tuning engine knows of a model: the {@link org.tune4j.tuning.spec.Tunable} placeholder
 * ({@code tune()}), the {@link org.tune4j.tuning.spec.TunableSpec} interface a model library
 * implements, and the checks of a grid against a spec.
 */
package org.tune4j.tuning.spec;
