package org.tune4j.tuning.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.spec.TunableSpec;

/**
 * Groups a grid's candidates into fits: candidates that differ only in their number of epochs
 * share one training run, scored after each of their epoch counts (the epoch sub-model trick).
 *
 * @param groups the fits to run on every resample, in grid order of their first candidate
 */
record TaskPlan(List<Group> groups) {

  /**
   * One training run.
   *
   * @param finalSpec the spec finalized with the group's largest epoch count
   * @param members the config ids it scores, in grid order
   * @param memberValues each member's parameter values
   * @param memberCheckpoint for each member, the index of its checkpoint
   * @param checkpoints ascending epoch counts to score after (empty: once, at the end)
   */
  record Group(TunableSpec finalSpec, List<String> members, List<Map<String, Object>> memberValues,
      List<Integer> memberCheckpoint, List<Integer> checkpoints) {
    int[] checkpointArray() {
      return checkpoints.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  static TaskPlan of(TunableSpec spec, Grid grid) {
    Optional<String> epochsId = spec.epochsParameterId().filter(id -> grid.parameters().contains(id));
    Map<Map<String, Object>, List<Candidate>> byRest = new LinkedHashMap<>();
    for (Candidate c : grid.candidates()) {
      Map<String, Object> rest = new LinkedHashMap<>(c.values());
      epochsId.ifPresent(rest::remove);
      byRest.computeIfAbsent(rest, k -> new ArrayList<>()).add(c);
    }
    List<Group> groups = new ArrayList<>();
    for (List<Candidate> members : byRest.values()) {
      if (epochsId.isEmpty()) {
        groups.add(new Group(spec.finalize(members.get(0)), ids(members), values(members), List.of(0), List.of()));
        continue;
      }
      String id = epochsId.get();
      TreeSet<Integer> epochs = new TreeSet<>();
      members.forEach(c -> epochs.add(((Number) c.value(id)).intValue()));
      List<Integer> checkpoints = new ArrayList<>(epochs);
      Map<String, Object> longest = new LinkedHashMap<>(members.get(0).values());
      longest.put(id, checkpoints.get(checkpoints.size() - 1));
      List<Integer> index = members.stream().map(c -> checkpoints.indexOf(((Number) c.value(id)).intValue())).toList();
      groups.add(new Group(spec.finalize(longest), ids(members), values(members), index, checkpoints));
    }
    return new TaskPlan(List.copyOf(groups));
  }

  /** A plan of one fit: a final spec scored as one candidate, {@code configId} ({@code fitResamples}). */
  static TaskPlan single(TunableSpec finalSpec, String configId) {
    return new TaskPlan(List.of(new Group(finalSpec, List.of(configId), List.of(Map.of()), List.of(0), List.of())));
  }

  private static List<String> ids(List<Candidate> members) {
    return members.stream().map(Candidate::configId).toList();
  }

  private static List<Map<String, Object>> values(List<Candidate> members) {
    return members.stream().map(Candidate::values).toList();
  }
}
