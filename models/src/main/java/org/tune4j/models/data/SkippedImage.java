package org.tune4j.models.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A note that an image file was skipped, and why. Immutable and thread-safe.
 *
 * @param file the file
 * @param reason what was wrong with it, such as "truncated or damaged: Premature end of JPEG file"
 */
public record SkippedImage(Path file, String reason) {
  /** Requires both parts. */
  public SkippedImage {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
