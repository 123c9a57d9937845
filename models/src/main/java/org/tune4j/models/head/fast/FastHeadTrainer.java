package org.tune4j.models.head.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tune4j.models.head.EarlyStopping;
import org.tune4j.models.head.EpochMetrics;
import org.tune4j.models.head.FitSpec;
import org.tune4j.models.head.HeadSpec;
import org.tune4j.models.head.HeadTrainer;
import org.tune4j.models.head.MinibatchOrder;
import org.tune4j.models.head.ViewOrder;

/**
 * Trains heads on cached features far faster than DL4J's {@code fit}, with the same result: the same
 * initial weights (copied from DL4J's initialisation of {@link HeadTrainer#configuration}), the same
 * validation split, the same {@link MinibatchOrder}, the same gradients and DL4J's own updater ops, the
 * same per-epoch {@link EpochMetrics} (inference mode, on training and validation rows).
 * {@link #trainTogether} trains many candidates in one loop over their shared minibatches, their first
 * dense layers as one wide matrix product; each gets what it would get alone.
 *
 * <pre>{@code
 * FastFittedHead head = FastHeadTrainer.fit(features, labels, levels,
 *     HeadSpec.flatten().dense(64, "relu").dropout(0.5), FitSpec.defaults().epochs(5).validationSplit(0.2),
 *     m -> System.out.println(m.format(5)));
 * }</pre>
 *
 * <p>Dropout masks are the trainer's own ({@link DropoutMasks#bernoulli()}), not DL4J's random stream, so
 * with dropout the two trainers agree in distribution, not in values; with the same masks they agree.
 * Stateless; each call builds its own buffers, so calls on different threads are independent.
 */
public final class FastHeadTrainer {
  /** Probabilities are clipped to {@code [EPS, 1 - EPS]} in the reported loss, as {@link HeadTrainer} and Keras. */
  static final double EPS = 1e-7;

  private FastHeadTrainer() {}

  /** Fits one head; {@code onEpoch} receives each epoch's metrics as it ends. */
  public static FastFittedHead fit(INDArray features, int[] labels, List<String> levels, HeadSpec head, FitSpec fit,
      Consumer<EpochMetrics> onEpoch) {
    return trainTogether(features, labels, levels, List.of(Candidate.of(head, fit)), DropoutMasks.bernoulli(),
        (c, m, soFar) -> onEpoch.accept(m)).get(0);
  }

  /** Fits one candidate, handing the head as trained so far to {@code listener} after every epoch. */
  public static FastFittedHead fitWatching(INDArray features, int[] labels, List<String> levels, Candidate candidate,
      CandidateListener listener) {
    return trainTogether(features, labels, levels, List.of(candidate), DropoutMasks.bernoulli(), listener).get(0);
  }

  /** Trains candidates together with the default dropout masks; see {@link #trainTogether(INDArray, int[], List, List, DropoutMasks, CandidateListener)}. */
  public static List<FastFittedHead> trainTogether(INDArray features, int[] labels, List<String> levels,
      List<Candidate> candidates, CandidateListener listener) {
    return trainTogether(features, labels, levels, candidates, DropoutMasks.bernoulli(), listener);
  }

  /**
   * Trains several candidates on the same features in one loop. They must share batch size, seed and
   * validation split (one minibatch order); each keeps its own layers, optimizer, learning rate, epochs
   * and patience, and stops on its own.
   *
   * @param features one row per example, {@code [n, d]}
   * @param labels one class index per row
   * @param levels the class names
   * @param candidates the heads to train, at least one
   * @param masks where dropout masks come from
   * @param listener receives every candidate's epochs
   * @return one trained head per candidate, in order
   * @throws IllegalArgumentException when the candidates do not share a minibatch order, or the data do not fit
   */
  public static List<FastFittedHead> trainTogether(INDArray features, int[] labels, List<String> levels,
      List<Candidate> candidates, DropoutMasks masks, CandidateListener listener) {
    return trainTogether(features, labels, levels, candidates, masks, listener, true);
  }

  /**
   * {@link #trainTogether(INDArray, int[], List, List, DropoutMasks, CandidateListener)}, optionally
   * without the per-epoch evaluation passes: with {@code measureEpochs} false the listener still
   * hears every epoch (to score checkpoints) but its {@link EpochMetrics} hold NaN, which saves about
   * a quarter of the work. Early stopping needs the validation loss, so a candidate with patience
   * turns measuring back on.
   */
  public static List<FastFittedHead> trainTogether(INDArray features, int[] labels, List<String> levels,
      List<Candidate> candidates, DropoutMasks masks, CandidateListener listener, boolean measureEpochs) {
    return trainTogether(features, List.of(), labels, levels, candidates, masks, listener, measureEpochs);
  }

  /**
   * Fits one head on augmented views; see {@link #trainTogether(INDArray, List, int[], List, List, DropoutMasks,
   * CandidateListener, boolean)}.
   */
  public static FastFittedHead fit(INDArray features, List<INDArray> views, int[] labels, List<String> levels,
      HeadSpec head, FitSpec fit, Consumer<EpochMetrics> onEpoch) {
    return trainTogether(features, views, labels, levels, List.of(Candidate.of(head, fit)), DropoutMasks.bernoulli(),
        (c, m, soFar) -> onEpoch.accept(m), true).get(0);
  }

  /**
   * {@link #trainTogether(INDArray, int[], List, List, DropoutMasks, CandidateListener, boolean)} on augmented
   * views: each epoch, every training row's minibatch slot reads that row of one of the {@code views} matrices,
   * the view chosen by {@link ViewOrder#viewOf}(seed, epoch, row) alone, so a head trained together with others
   * sees the views it sees alone. Validation rows, the per-epoch metrics and predictions read the plain
   * {@code features} (augmentation is off at inference, as in Keras). With no views this is the plain training.
   *
   * @param views {@code [n, d]} matrices of the same rows as {@code features}, one per view (may be empty)
   * @throws IllegalArgumentException when a view's shape differs from the features'
   */
  public static List<FastFittedHead> trainTogether(INDArray features, List<INDArray> views, int[] labels,
      List<String> levels, List<Candidate> candidates, DropoutMasks masks, CandidateListener listener,
      boolean measureEpochs) {
    boolean measure = measureEpochs || candidates.stream().anyMatch(c -> c.fit().patience() > 0);
    FitSpec shared = checkShared(candidates);
    int n = (int) features.rows();
    checkLabels(n, labels, levels.size());
    int nTrain = (int) Math.floor(n * (1 - shared.validationSplit())); // Keras: split_at = int(n * (1 - split))
    if (nTrain < 1) {
      throw new IllegalArgumentException("validation split " + shared.validationSplit() + " of " + n
          + " rows leaves no training rows; lower the split or add rows");
    }
    HeadPack pack = new HeadPack(stacked(features, views), repeated(labels, 1 + views.size()), levels.size(),
        candidates, masks);
    int k = candidates.size();
    boolean[] active = new boolean[k];
    java.util.Arrays.fill(active, true);
    List<List<EpochMetrics>> histories = new ArrayList<>();
    EarlyStopping[] stops = new EarlyStopping[k];
    int maxEpochs = 0;
    for (int h = 0; h < k; h++) {
      histories.add(new ArrayList<>());
      stops[h] = new EarlyStopping(candidates.get(h).fit().patience());
      maxEpochs = Math.max(maxEpochs, candidates.get(h).fit().epochs());
    }
    int[] trainRows = range(0, nTrain);
    int[] valRows = range(nTrain, n);
    int iteration = 0;
    try {
      for (int epoch = 1; epoch <= maxEpochs && anyActive(active); epoch++) {
        for (int[] batch : MinibatchOrder.batches(nTrain, shared.batchSize(), shared.seed(), epoch)) {
          pack.step(views.isEmpty() ? batch : inViews(batch, shared.seed(), epoch, n, views.size()), iteration++,
              active);
        }
        double[][] train = measure ? pack.evaluate(trainRows, active, EPS) : unmeasured(k);
        double[][] val = valRows.length == 0 ? null : measure ? pack.evaluate(valRows, active, EPS) : unmeasured(k);
        for (int h = 0; h < k; h++) {
          if (!active[h]) {
            continue;
          }
          EpochMetrics m = new EpochMetrics(epoch, train[h][0], train[h][1], val == null ? Double.NaN : val[h][0],
              val == null ? Double.NaN : val[h][1]);
          histories.get(h).add(m);
          boolean early = stops[h].stopsAfter(m.valLoss(), epoch);
          listener.afterEpoch(h, m, new FastFittedHead(pack, h, candidates.get(h), levels, histories.get(h), 0));
          if (early || epoch == candidates.get(h).fit().epochs()) {
            active[h] = false; // later steps leave its parameters and optimizer state alone
          }
        }
      }
    } finally {
      pack.endTraining(); // the optimizer's helper threads end with the training
    }
    List<FastFittedHead> out = new ArrayList<>();
    for (int h = 0; h < k; h++) {
      out.add(new FastFittedHead(pack, h, candidates.get(h), levels, histories.get(h), stops[h].stoppedEpoch()));
    }
    return out;
  }

  /** The features with the views below them: view {@code v}'s row {@code r} is row {@code v·n + r}. */
  private static INDArray stacked(INDArray features, List<INDArray> views) {
    if (views.isEmpty()) {
      return features;
    }
    INDArray[] all = new INDArray[1 + views.size()];
    all[0] = features;
    for (int v = 0; v < views.size(); v++) {
      INDArray view = views.get(v);
      if (view.rows() != features.rows() || view.columns() != features.columns()) {
        throw new IllegalArgumentException("view " + (v + 1) + " is " + view.rows() + "×" + view.columns()
            + " but the features are " + features.rows() + "×" + features.columns() + "; every view has the rows and"
            + " columns of the features");
      }
      all[v + 1] = view;
    }
    return Nd4j.concat(0, all);
  }

  private static int[] repeated(int[] labels, int times) {
    int[] out = new int[labels.length * times];
    for (int t = 0; t < times; t++) {
      System.arraycopy(labels, 0, out, t * labels.length, labels.length);
    }
    return out;
  }

  /** The stacked rows a minibatch reads: row {@code r} of the view {@link ViewOrder} picks for it this epoch. */
  private static int[] inViews(int[] batch, long seed, int epoch, int n, int views) {
    int[] out = new int[batch.length];
    for (int i = 0; i < batch.length; i++) {
      out[i] = ViewOrder.viewOf(seed, epoch, batch[i], views) * n + batch[i];
    }
    return out;
  }

  private static double[][] unmeasured(int k) {
    double[][] nan = new double[k][2];
    for (double[] row : nan) {
      java.util.Arrays.fill(row, Double.NaN);
    }
    return nan;
  }

  private static FitSpec checkShared(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates is empty; give at least one");
    }
    FitSpec first = candidates.get(0).fit();
    for (int i = 1; i < candidates.size(); i++) {
      FitSpec f = candidates.get(i).fit();
      if (f.batchSize() != first.batchSize() || f.seed() != first.seed() || f.validationSplit() != first.validationSplit()) {
        throw new IllegalArgumentException("candidate " + i + " has batch size " + f.batchSize() + ", seed " + f.seed()
            + ", validation split " + f.validationSplit() + " but candidate 0 has " + first.batchSize() + ", "
            + first.seed() + ", " + first.validationSplit() + "; candidates trained together share all three");
      }
    }
    for (Candidate c : candidates) {
      EarlyStopping.requireValidation(c.fit());
    }
    return first;
  }

  private static void checkLabels(int n, int[] labels, int nClasses) {
    if (n != labels.length) {
      throw new IllegalArgumentException("features have " + n + " rows but there are " + labels.length + " labels");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= nClasses) {
        throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not in [0, " + nClasses + ")");
      }
    }
  }

  private static boolean anyActive(boolean[] active) {
    for (boolean a : active) {
      if (a) {
        return true;
      }
    }
    return false;
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
