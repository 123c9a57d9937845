package org.tune4j.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.tune4j.cli.job.Job;
import org.tune4j.cli.job.JobReader;
import org.tune4j.tuning.json.Json;

/**
 * A run directory: {@code job.json} (the job as run, canonical), {@code job.yaml} (the text given),
 * {@code journal.jsonl}, {@code run.log}, and when done {@code metrics.csv}, {@code notes.csv},
 * {@code results.json}, {@code predictions.csv} (when asked), {@code best.json} and
 * {@code report.html}. Immutable; the files it names are written by one run at a time.
 *
 * @param dir the directory
 */
public record RunDirectory(Path dir) {
  /** The job as run. */
  public static final String JOB = "job.json";
  /** The job text as given. */
  public static final String JOB_TEXT = "job.yaml";
  /** The log. */
  public static final String LOG = "run.log";
  /** The chosen candidate and the last fit's metrics. */
  public static final String BEST = "best.json";
  /** The HTML report. */
  public static final String REPORT = "report.html";

  /**
   * Makes (or reopens) the run directory of {@code job}: creates it and writes the job, or, when it
   * already holds the same job, keeps its journal so the run continues.
   *
   * @throws IllegalArgumentException when the directory holds a different job
   * @throws RunDirectoryException when it cannot be created or written
   */
  public static RunDirectory create(Path dir, Job job, String jobText) {
    RunDirectory run = new RunDirectory(dir);
    if (Files.isRegularFile(run.file(JOB))) {
      Map<String, Object> existing;
      try {
        existing = Json.requireObject(Json.parse(Files.readString(run.file(JOB), StandardCharsets.UTF_8)), Json.ROOT);
      } catch (IOException | IllegalArgumentException e) {
        throw new IllegalArgumentException("run directory " + dir + " holds an unreadable " + JOB + " (" + e.getMessage()
            + "); give another --run-dir", e);
      }
      if (!job.sameWorkAs(existing)) {
        throw new IllegalArgumentException("run directory " + dir + " already holds a different job (\""
            + existing.get("name") + "\"); give another --run-dir, or tune4j resume " + dir + " to finish that one");
      }
      return run;
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("run directory " + dir + " is a file; give a folder path as --run-dir");
    }
    try {
      if (Files.isDirectory(dir)) {
        try (var entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new IllegalArgumentException("run directory " + dir + " is not empty and holds no " + JOB
                + "; give a new or empty folder as --run-dir");
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new RunDirectoryException(dir, e);
    }
    run.write(JOB_TEXT, jobText);
    run.write(JOB, job.toJson());
    return run;
  }

  /**
   * Reads the job of an existing run directory (for resume and report).
   *
   * @throws IllegalArgumentException when there is no readable job
   */
  public Job job() {
    Path file = file(JOB);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(dir + " is not a run directory (no " + JOB + "); give a folder made by"
          + " tune4j tune or tune4j demo");
    }
    try {
      return JobReader.fromTree(Json.parse(Files.readString(file, StandardCharsets.UTF_8)), dir);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** A file of the run directory. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  /**
   * Writes a file atomically (a temporary file, then a rename).
   *
   * @throws RunDirectoryException when it cannot be written
   */
  public void write(String name, String text) {
    Path target = file(name);
    Path tmp = file(name + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new RunDirectoryException(target, e);
    }
  }
}
