/**
 * Fine-tuning the top blocks of a frozen backbone with its head, Keras' transfer-learning second stage: once the head
 * is chosen and fitted ({@code lastFit}), {@link org.tune4j.models.finetune.FineTuner} unfreezes the top block(s)
 * named by a {@link org.tune4j.models.finetune.FineTune} and trains them with the head at a low learning rate. The
 * frozen lower part runs once (its output is cached), so an epoch costs only the unfrozen blocks and the head;
 * BatchNorm stays in inference mode. The result is a {@link org.tune4j.models.finetune.FineTunedModel};
 * {@link org.tune4j.models.finetune.FineTuneComparison} puts its test metrics beside the frozen model's.
 */
package org.tune4j.models.finetune;
