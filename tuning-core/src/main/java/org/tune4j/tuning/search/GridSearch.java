package org.tune4j.tuning.search;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.tune4j.tuning.grid.Grid;

/**
 * tune's {@code tune_grid}: one round of every candidate of a grid on every resample. Immutable.
 *
 * <pre>{@code
 * TuneResults res = Tune.search(spec, folds, GridSearch.of(grid), control);   // what Tune.tuneGrid does
 * }</pre>
 */
public final class GridSearch implements SearchStrategy {
  private final Grid grid;

  private GridSearch(Grid grid) {
    this.grid = grid;
  }

  /** A search of every candidate of {@code grid}. */
  public static GridSearch of(Grid grid) {
    return new GridSearch(java.util.Objects.requireNonNull(grid, "grid"));
  }

  /** The grid searched. */
  public Grid grid() {
    return grid;
  }

  @Override
  public String name() {
    return "grid";
  }

  @Override
  public Optional<Round> next(SearchState state) {
    if (!state.rounds().isEmpty()) {
      return Optional.empty();
    }
    List<Integer> all = IntStream.range(0, state.resamples().size()).boxed().toList();
    return Optional.of(new Round(1, grid.candidates(), all, List.of(), ""));
  }
}
