package org.tune4j.models.head.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The optimizer step of all heads of a {@link HeadPack}: heads with equal updater configurations (type, learning
 * rate, schedule, betas...) form a group, and DL4J's native updater op runs once per contiguous run of the group's
 * active parameters rather than once per head and segment. The pack lays groups out contiguously, so a step is a
 * few ops over long runs. Updater ops are elementwise, so each head gets exactly its own update; stopped heads are
 * left out of the runs, their parameters and moments untouched. L2 and weight decay stay per head. Not thread-safe.
 */
final class PackUpdater {
  private final List<HeadNet> heads;
  private final INDArray grads;
  private final INDArray state1;
  private final INDArray state2;
  private final Map<IUpdater, List<Integer>> groups = new LinkedHashMap<>();
  private final List<IUpdater> runConfigs = new ArrayList<>();
  private final List<INDArray[]> runs = new ArrayList<>(); // {grad, state1, state2}
  private boolean[] runsFor;

  PackUpdater(List<HeadNet> heads, INDArray grads, INDArray state1, INDArray state2) {
    this.heads = heads;
    this.grads = grads;
    this.state1 = state1;
    this.state2 = state2;
    for (int h = 0; h < heads.size(); h++) {
      groups.computeIfAbsent(heads.get(h).updater().config(), k -> new ArrayList<>()).add(h);
    }
  }

  /** Turns the (batch-averaged) flat gradient into every active head's update, in place. */
  void apply(int iteration, boolean[] active) {
    if (!Arrays.equals(active, runsFor)) {
      buildRuns(active);
    }
    for (int h = 0; h < heads.size(); h++) {
      if (active[h]) {
        heads.get(h).updater().addL2();
      }
    }
    for (int r = 0; r < runs.size(); r++) {
      INDArray[] s = runs.get(r);
      HeadUpdater.step(runConfigs.get(r), s[0], s[1], s[2], iteration);
    }
    for (int h = 0; h < heads.size(); h++) {
      if (active[h]) {
        heads.get(h).updater().addDecay(iteration);
      }
    }
  }

  private void buildRuns(boolean[] active) {
    runs.clear();
    runConfigs.clear();
    for (Map.Entry<IUpdater, List<Integer>> g : groups.entrySet()) {
      List<long[]> pieces = new ArrayList<>();
      for (int h : g.getValue()) {
        if (active[h]) {
          for (long[] p : heads.get(h).layout()) {
            if (p[1] > 0) {
              pieces.add(p);
            }
          }
        }
      }
      pieces.sort(Comparator.comparingLong(p -> p[0]));
      long from = -1;
      long to = -1;
      for (long[] p : pieces) {
        if (p[0] != to) {
          addRun(g.getKey(), from, to);
          from = p[0];
        }
        to = p[0] + p[1];
      }
      addRun(g.getKey(), from, to);
    }
    runsFor = active.clone();
  }

  private void addRun(IUpdater config, long from, long to) {
    if (from >= 0 && to > from) {
      runConfigs.add(config);
      runs.add(new INDArray[] {Bufs.seg(grads, from, to - from), Bufs.seg(state1, from, to - from),
          Bufs.seg(state2, from, to - from)});
    }
  }
}
