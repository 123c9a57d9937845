package org.tune4j.tuning.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares text with a golden file under {@code src/test/resources/json/}.
 *
 * <p>To regenerate the golden files after an intended format change, run from the repository
 * root: {@code mvn -o install -pl tuning-core -Dtune4j.updateGolden=true} (surefire runs in the
 * module directory, so the files are rewritten in {@code tuning-core/src/test/resources/json/});
 * then review the diff before committing.
 */
public final class GoldenFiles {

  /** System property that makes {@link #assertMatches} rewrite instead of compare. */
  public static final String UPDATE_PROPERTY = "tune4j.updateGolden";

  private GoldenFiles() {}

  /** Asserts {@code actual} equals the golden file {@code name}, or rewrites it on request. */
  public static void assertMatches(String name, String actual) {
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      try {
        Files.writeString(Path.of("src", "test", "resources", "json", name), actual,
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    assertEquals(read(name), actual, "golden file json/" + name + " differs; if the change is"
        + " intended, rerun with -D" + UPDATE_PROPERTY + "=true and review the diff");
  }

  /** The golden file {@code name} from the test classpath. */
  public static String read(String name) {
    try (InputStream in = GoldenFiles.class.getResourceAsStream("/json/" + name)) {
      assertNotNull(in, "golden file json/" + name + " is missing; create it with -D"
          + UPDATE_PROPERTY + "=true");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
