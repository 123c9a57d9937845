package org.tune4j.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.tune4j.cli.job.Job;
import org.tune4j.models.finetune.FineTune;
import org.tune4j.models.finetune.FineTuneComparison;
import org.tune4j.models.finetune.FineTunedModel;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.tuning.engine.LastFit;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.metrics.MetricEstimate;

/**
 * A run's last step when the job has a {@code fine_tune} section: fine-tunes the last fit's model on the training
 * images, scores it on the test images, prints the frozen and fine-tuned test metrics side by side and writes them,
 * with the options and each epoch's losses, to {@value #FILE}. Stateless.
 */
final class FineTuneStep {
  /** The file of the fine-tune's results in the run directory. */
  static final String FILE = "fine_tune.json";

  private FineTuneStep() {}

  /** Runs the fine-tune of {@code job} after {@code fit}; returns the fine-tuned test metrics by name. */
  static Map<String, Double> run(Job job, FineTune options, LastFit fit, ImageSplit split, RunDirectory run,
      Console console, RunLog log, LongSupplier nanoClock) {
    long t0 = nanoClock.getAsLong();
    console.message(String.format(Locale.ROOT, "Fine-tuning the top blocks (%s) with the head: learn rate %s, %d epochs"
        + "%s", options.blocks().describe(), options.learnRate(), options.epochs(), options.patience() > 0
        ? ", patience " + options.patience() : ""));
    FineTuneComparison both = FineTuneComparison.of(fit, split, options, job.metrics(), job.eventLevel());
    FineTunedModel model = both.model();
    model.history().forEach(m -> log.line("fine-tune " + m.format(options.epochs())));
    Map<String, Double> frozen = byName(both.frozen().rows());
    Map<String, Double> tuned = byName(both.fineTuned().rows());
    log.line(String.format(Locale.ROOT, "fine-tune below %s kept epoch %d of %d: test %s (frozen %s) (%.1f s)",
        model.frozenOutput(), model.bestEpoch(), model.history().size(), tuned, frozen,
        (nanoClock.getAsLong() - t0) / 1e9));
    console.message(table(frozen, tuned));
    run.write(FILE, json(options, model, frozen, tuned));
    return tuned;
  }

  /** The console table: one row per metric, frozen and fine-tuned columns. */
  static String table(Map<String, Double> frozen, Map<String, Double> tuned) {
    int width = "test metric".length();
    for (String m : frozen.keySet()) {
      width = Math.max(width, m.length());
    }
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-" + width + "s  %10s  %10s", "test metric", "frozen", "fine-tuned"));
    for (Map.Entry<String, Double> e : frozen.entrySet()) {
      b.append('\n').append(String.format(Locale.ROOT, "%-" + width + "s  %10.4f  %10.4f", e.getKey(), e.getValue(),
          tuned.getOrDefault(e.getKey(), Double.NaN)));
    }
    return b.toString();
  }

  private static String json(FineTune options, FineTunedModel model, Map<String, Double> frozen,
      Map<String, Double> tuned) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("blocks", options.blocks().describe());
    o.put("learn_rate", options.learnRate());
    o.put("epochs", options.epochs());
    o.put("patience", options.patience());
    o.put("batch_size", options.batchSize());
    o.put("validation_split", options.validationSplit());
    o.put("seed", options.seed());
    List<Object> history = new ArrayList<>();
    for (EpochMetrics m : model.history()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("epoch", m.epoch());
      e.put("loss", finite(m.loss()));
      e.put("accuracy", finite(m.accuracy()));
      e.put("val_loss", finite(m.valLoss()));
      e.put("val_accuracy", finite(m.valAccuracy()));
      history.add(e);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("options", o);
    m.put("frozen_output", model.frozenOutput());
    m.put("best_epoch", model.bestEpoch());
    m.put("history", history);
    m.put("test_frozen", finiteMap(frozen));
    m.put("test_fine_tuned", finiteMap(tuned));
    return Json.write(m);
  }

  static Map<String, Double> byName(List<MetricEstimate> rows) {
    Map<String, Double> out = new LinkedHashMap<>();
    rows.forEach(e -> out.put(e.metric(), e.estimate()));
    return out;
  }

  static Map<String, Object> finiteMap(Map<String, Double> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, finite(v)));
    return out;
  }

  private static Object finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
