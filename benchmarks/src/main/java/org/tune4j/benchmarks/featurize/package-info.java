/** Featurizing benchmarks: the fused inference plan against DL4J's graph and PyTorch; a 50,000-image run. */
package org.tune4j.benchmarks.featurize;
