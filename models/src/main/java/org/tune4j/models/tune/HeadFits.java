package org.tune4j.models.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.fast.Candidate;
import org.tune4j.models.head.fast.CandidateListener;
import org.tune4j.models.head.fast.DropoutMasks;
import org.tune4j.models.head.fast.FastFittedHead;
import org.tune4j.models.head.fast.FastHeadTrainer;
import org.tune4j.models.transfer.TransferModel;
import org.tune4j.tuning.engine.ModelEngine.FitResult;
import org.tune4j.tuning.metrics.ClassPredictions;

/**
 * Trains the heads of several cut models on cached features with the fast trainer: models that
 * read the same features (the same augmented views too) and share a minibatch order (batch size,
 * validation split, seed) train together, their first dense layers as one wide matrix product; each is scored on the assessment
 * rows after each of its checkpoints. A model that diverges fails alone. Stateless.
 */
final class HeadFits {
  private HeadFits() {}

  /**
   * One model to fit: its compiled form, features and checkpoints.
   *
   * @param model the compiled, cut model
   * @param featureKey which features it reads (the plain images': validation, assessment, predictions)
   * @param viewKeys the features of its augmented views, one key per view, which its training rows read
   *     (empty without augmentation)
   * @param scoreAt ascending epochs after which to predict
   */
  record Request(TransferModel model, String featureKey, List<String> viewKeys, int[] scoreAt) {
    Request {
      viewKeys = List.copyOf(viewKeys);
    }
  }

  /** What the requests need from the data: features by key, labels, levels, rows. */
  interface Data {
    /** The features of the given rows, read straight from the store (no copy of the whole matrix). */
    INDArray features(String featureKey, int[] rows);

    int[] labels(int[] rows);

    List<String> levels();
  }

  static List<FitResult> fit(List<Request> requests, Data data, int[] analysis, int[] assessment,
      Consumer<String> epochLog) {
    FitResult[] out = new FitResult[requests.size()];
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      var f = requests.get(i).model().fit();
      String key = requests.get(i).featureKey() + "|" + requests.get(i).viewKeys() + "|" + f.batchSize() + "|" + f.validationSplit() + "|" + f.seed();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    int[] truth = data.labels(assessment);
    int[] trainLabels = data.labels(analysis);
    for (List<Integer> group : groups.values()) {
      String featureKey = requests.get(group.get(0)).featureKey();
      INDArray trainX = data.features(featureKey, analysis);
      List<INDArray> trainViews = requests.get(group.get(0)).viewKeys().stream()
          .map(k -> data.features(k, analysis)).toList();
      INDArray assessX = data.features(featureKey, assessment);
      try {
        fitGroup(requests, group, new Training(trainX, trainViews, trainLabels), assessX, truth, data.levels(), epochLog,
            out);
      } catch (RuntimeException together) {
        for (int i : group) {   // one bad member must not fail the others: fit each alone
          try {
            fitGroup(requests, List.of(i), new Training(trainX, trainViews, trainLabels), assessX, truth, data.levels(),
                epochLog, out);
          } catch (RuntimeException alone) {
            out[i] = FitResult.failed(alone);
          }
        }
      }
    }
    return Arrays.asList(out);
  }

  /**
   * Fits one group of heads together. Divergence has one rule, whether or not the epochs are logged: a checkpoint
   * whose assessment probabilities are NaN (the weights went non-finite) is scored as such, and the tuning engine
   * turns it into an error note "training diverged"; the checkpoints before it keep their metrics, and the other
   * members of the group are not affected. The per-epoch loss is only measured for the log, never to decide.
   */
  private static void fitGroup(List<Request> requests, List<Integer> group, Training train, INDArray assessX, int[] truth, List<String> levels, Consumer<String> epochLog, FitResult[] out) {
    List<Candidate> candidates = new ArrayList<>();
    List<List<ClassPredictions>> scored = new ArrayList<>();
    for (int i : group) {
      candidates.add(Candidate.of(requests.get(i).model().head(), requests.get(i).model().fit()));
      scored.add(new ArrayList<>());
    }
    CandidateListener listener = (c, m, soFar) -> {
      Request r = requests.get(group.get(c));
      if (epochLog != null) {
        epochLog.accept(m.format(r.model().fit().epochs()));
      }
      if (Arrays.binarySearch(r.scoreAt(), m.epoch()) >= 0) {
        scored.get(c).add(TransferEngine.toClassPredictions(soFar.predict(assessX), truth));
      }
    };
    List<FastFittedHead> heads = FastHeadTrainer.trainTogether(train.plain(), train.views(), train.labels(), levels,
        candidates, DropoutMasks.bernoulli(), listener, epochLog != null);
    for (int c = 0; c < group.size(); c++) {
      int wanted = requests.get(group.get(c)).scoreAt().length;
      while (scored.get(c).size() < wanted) {
        // stopped early (patience): later checkpoints see the weights it stopped with, as Keras keeps them
        scored.get(c).add(TransferEngine.toClassPredictions(heads.get(c).predict(assessX), truth));
      }
      out[group.get(c)] = FitResult.of(scored.get(c));
    }
  }

  /** The training rows of a group: plain features, one matrix per augmented view (maybe none), labels. */
  private record Training(INDArray plain, List<INDArray> views, int[] labels) {}

  /**
   * Fits one head alone with the fast trainer (the same trainer tuning uses), for the last fit; its training rows
   * read {@code trainViews} when there are any.
   */
  static FastFittedHead fitOne(TransferModel model, INDArray trainX, List<INDArray> trainViews, int[] trainLabels,
      List<String> levels) {
    return FastHeadTrainer.fit(trainX, trainViews, trainLabels, levels, model.head(), model.fit(),
        (EpochMetrics m) -> { });
  }
}
