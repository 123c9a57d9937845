/**
 * Where a run's fits execute: the seam between the search (which decides what to fit) and the
 * machines that fit it. {@link org.tune4j.tuning.execution.TaskExecutor} is the one interface; this
 * JVM's threads ({@link org.tune4j.tuning.execution.LocalExecutor}, the default) is one
 * implementation, the {@code tune4j-spark} module's cluster executor another. An engine that can be
 * rebuilt on another JVM is a {@link org.tune4j.tuning.execution.PortableEngine}; what travels is its
 * {@link org.tune4j.tuning.execution.EngineRecipe}, final specs as text, row indices and seeds, and
 * predictions back. Another executor is one more implementation of {@code TaskExecutor}, found by
 * name through {@link org.tune4j.tuning.execution.ExecutorProvider}.
 */
package org.tune4j.tuning.execution;
