package org.tune4j.tuning.results;

import java.util.Objects;

/**
 * Something that went wrong, or is worth a warning, while fitting one candidate on one resample:
 * a row of {@code notes()}. A failed fit becomes an error note and the run goes on.
 *
 * @param configId the candidate's config id
 * @param id the resample id (with {@code id2} joined by "/" for repeats)
 * @param stage where: {@code preprocess}, {@code fit}, {@code predict} or {@code metrics}
 * @param type {@code warning} or {@code error}
 * @param message what happened, as the exception or metric said it
 */
public record Note(String configId, String id, String stage, String type, String message) {

  /** Validates the type. */
  public Note {
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(message, "message");
    if (!"warning".equals(type) && !"error".equals(type)) {
      throw new IllegalArgumentException("note type \"" + type + "\" must be warning or error");
    }
  }

  /** True for an error note (a failed fit). */
  public boolean isError() {
    return type.equals("error");
  }
}
