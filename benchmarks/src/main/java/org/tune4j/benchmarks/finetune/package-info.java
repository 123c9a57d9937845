/**
 * Fine-tuning the top blocks of a backbone: {@link org.tune4j.benchmarks.finetune.FineTuneRun} times an epoch of the
 * cached-prefix fine-tune against training the whole DL4J graph with its lower part frozen.
 */
package org.tune4j.benchmarks.finetune;
