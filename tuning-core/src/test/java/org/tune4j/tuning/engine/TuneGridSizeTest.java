package org.tune4j.tuning.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tune4j.tuning.grid.Grids;
import org.tune4j.tuning.grid.SpaceFillingType;
import org.tune4j.tuning.results.TuneResults;

/** tune_grid(grid = 10): a size alone means a space-filling grid of that size. */
class TuneGridSizeTest {

  private static final FakeSpec SPEC = FakeSpec.of(TuneTest.UNITS, TuneTest.EPOCHS);

  @Test
  void aSizeIsTheSeededMaxMinSpaceFillingGrid() {
    Control control = Control.builder().threads(2).seed(9).build();
    TuneResults bySize = Tune.tuneGrid(SPEC, TuneTest.data(new FakeEngine(60), 3), 6, control);
    TuneResults byGrid = Tune.tuneGrid(SPEC, TuneTest.data(new FakeEngine(60), 3),
        Grids.spaceFilling(SPEC.parameters(), 6, SpaceFillingType.MAX_MIN_DISTANCE, 9), control);
    assertEquals(byGrid, bySize);
    // six candidates, scored or (units = 13, FakeEngine's failing value) noted
    assertEquals(6, java.util.stream.Stream.concat(
        bySize.metricRows().stream().map(r -> r.configId()),
        bySize.noteRows().stream().map(n -> n.configId())).distinct().count());
    assertNotEquals(bySize, Tune.tuneGrid(SPEC, TuneTest.data(new FakeEngine(60), 3), 6,
        Control.builder().threads(2).seed(10).build()), "another seed, another grid");
  }

  @Test
  void theDefaultControlGivesTheSameGridEveryTime() {
    assertEquals(Tune.tuneGrid(SPEC, TuneTest.data(new FakeEngine(45), 3), 4),
        Tune.tuneGrid(SPEC, TuneTest.data(new FakeEngine(45), 3), 4));
  }

  @Test
  void sizeBelowOneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tune.tuneGrid(SPEC, TuneTest.data(new FakeEngine(30), 3), 0));
    assertEquals("size is 0; give at least 1", e.getMessage());
  }
}
