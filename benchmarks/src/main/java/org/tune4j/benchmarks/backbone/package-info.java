/** Benchmarks of frozen backbones: ResNet50 throughput through DL4J's graph, helpers on and off. */
package org.tune4j.benchmarks.backbone;
