/** End-to-end timing of the vignette at tuning scale, beside PyTorch peer scripts. */
package org.tune4j.benchmarks.endtoend;
