package org.tune4j.tuning.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Invariants over arbitrary estimates: exact round trips and counts of defined estimates. */
class RoundTripPropertiesTest {

  @Property(tries = 50)
  void anyEstimatesRoundTripExactly(@ForAll @Size(12) List<Double> estimates)
      throws IOException {
    TuneResults original = build(estimates);
    Path dir = Files.createTempDirectory("tune4j-results");
    try {
      assertEquals(original, TuneResults.read(original.writeCsv(dir)));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Property(tries = 200)
  void nCountsTheDefinedEstimates(@ForAll @Size(12) List<Double> estimates) {
    TuneResults r = build(estimates);
    for (int c = 0; c < 3; c++) {
      long defined = estimates.subList(4 * c, 4 * c + 4).stream()
          .filter(d -> !Double.isNaN(d)).count();
      assertEquals(defined, r.collectMetrics().getInt(c, "n"));
    }
  }

  /** 3 configs × 4 folds of accuracy with the given estimates (config-major). */
  private static TuneResults build(List<Double> estimates) {
    List<MetricRow> rows = new ArrayList<>();
    for (int i = 0; i < estimates.size(); i++) {
      rows.add(ResultsFixtures.row(i / 4, ResultsFixtures.FOLDS.get(i % 4), "accuracy",
          estimates.get(i)));
    }
    return TuneResults.of(ResultsFixtures.parameters(), List.of("cat", "dog"),
        ResultsFixtures.metrics(), "fp", rows, List.of(), List.of());
  }
}
