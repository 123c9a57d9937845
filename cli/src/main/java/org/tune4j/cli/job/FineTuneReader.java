package org.tune4j.cli.job;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tune4j.models.backbone.ResNetArchitecture;
import org.tune4j.models.finetune.FineTune;
import org.tune4j.models.finetune.Unfreeze;
import org.tune4j.models.zoo.BackboneFamily;
import org.tune4j.tuning.json.Json;

/**
 * Reads a job's optional {@code fine_tune} section into a {@link FineTune}: which top blocks of the backbone to train
 * with the head after the last fit ({@code blocks}: a count from the top, or a stage name such as {@code conv5}),
 * {@code learn_rate}, {@code epochs}, {@code patience}, {@code batch_size} and {@code validation_split}, each checked
 * against the job's backbone before any work. The job's seed seeds it. Stateless.
 */
final class FineTuneReader {
  static final String PATH = Json.child(Json.ROOT, "fine_tune");
  static final Set<String> KEYS = Set.of("blocks", "learn_rate", "epochs", "patience", "batch_size",
      "validation_split");

  private FineTuneReader() {}

  /**
   * The fine-tune of section {@code t} for the job's backbone, seeded {@code seed}: {@code families} are those it
   * can run (several when the backbone is tuned), and the blocks must fit each of them.
   */
  static FineTune read(Map<String, Object> t, List<BackboneFamily> families, long seed) {
    Json.unknownKeys(t, KEYS, PATH);
    FineTune f = FineTune.of(blocks(t, families)).seed(seed);
    if (t.containsKey("learn_rate")) {
      double rate = Json.requireDouble(t, "learn_rate", PATH);
      if (!(rate > 0 && Double.isFinite(rate))) {
        throw new IllegalArgumentException(Json.child(PATH, "learn_rate") + " is " + rate + "; give a number above 0,"
            + " a low one such as 1e-5 (Keras' guide)");
      }
      f = f.learnRate(rate);
    }
    f = f.epochs(count(t, "epochs", f.epochs(), 0));
    f = f.batchSize(count(t, "batch_size", f.batchSize(), 1));
    if (t.containsKey("validation_split")) {
      double split = Json.requireDouble(t, "validation_split", PATH);
      if (!(split >= 0 && split < 1)) {
        throw new IllegalArgumentException(Json.child(PATH, "validation_split") + " is " + split + "; give the share of"
            + " training images held out to watch the loss, in [0, 1) (default " + FineTune.DEFAULT_VALIDATION_SPLIT
            + ")");
      }
      f = f.validationSplit(split);
    }
    int patience = count(t, "patience", 0, 0);
    if (patience > 0 && f.validationSplit() == 0) {
      throw new IllegalArgumentException(Json.child(PATH, "patience") + " is " + patience + " but "
          + Json.child(PATH, "validation_split") + " is 0: early stopping watches the validation loss; give a split"
          + " above 0 or patience 0");
    }
    return f.patience(patience);
  }

  /** The section's {@code blocks}, checked against each of {@code families}. */
  private static Unfreeze blocks(Map<String, Object> t, List<BackboneFamily> families) {
    String path = Json.child(PATH, "blocks");
    Object raw = t.getOrDefault("blocks", 1L);
    try {
      Unfreeze u = raw instanceof String s ? Unfreeze.stage(s) : Unfreeze.topBlocks(clamp(Json.asLong(raw, path)));
      for (BackboneFamily family : families) {
        u.firstBlock(ResNetArchitecture.of(family));
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private static int count(Map<String, Object> t, String key, int dflt, int min) {
    if (!t.containsKey(key)) {
      return dflt;
    }
    long v = Json.requireLong(t, key, PATH);
    if (v < min || v > 100_000) {
      throw new IllegalArgumentException(Json.child(PATH, key) + " is " + v + "; give " + min + "..100000");
    }
    return (int) v;
  }

  private static int clamp(long v) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }
}
