package org.tune4j.tuning.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a golden file under {@code src/test/resources/results/}.
 *
 * <p>To regenerate after an intended format change, run from the repository root:
 * {@code mvn -o install -pl tuning-core -Dtune4j.updateGolden=true} (surefire runs in the
 * module directory, so files are rewritten in {@code tuning-core/src/test/resources/results/});
 * then review the diff before committing.
 */
final class ResultsGolden {

  static final String UPDATE_PROPERTY = "tune4j.updateGolden";

  private ResultsGolden() {}

  static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      try {
        Files.writeString(Path.of("src", "test", "resources", "results", name), actual,
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertEquals(read(name), actual, "golden file results/" + name + " differs; if the change"
        + " is intended, rerun with -D" + UPDATE_PROPERTY + "=true and review the diff");
  }

  static String read(String name) {
    try (InputStream in = ResultsGolden.class.getResourceAsStream("/results/" + name)) {
      assertNotNull(in, "golden file results/" + name + " is missing; create it with -D"
          + UPDATE_PROPERTY + "=true");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
