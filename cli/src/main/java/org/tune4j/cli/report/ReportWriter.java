package org.tune4j.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tune4j.cli.job.Job;
import org.tune4j.cli.run.RunDirectory;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.results.TuneResults;

/** Writes {@code report.html} into a finished run directory. Stateless; thread-safe for different directories. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Reads the run's results, {@code best.json}, job and log, and writes {@code report.html}.
   *
   * @return the report's path
   * @throws IllegalArgumentException when the directory holds no finished run
   */
  public static Path write(RunDirectory run) {
    Job job = run.job();
    if (!Files.isRegularFile(run.file("results.json"))) {
      throw new IllegalArgumentException(run.dir() + " holds no results.json: the run has not finished; run tune4j resume "
          + run.dir() + " first");
    }
    try {
      TuneResults results = TuneResults.read(run.dir());
      Map<String, Object> best = Files.isRegularFile(run.file(RunDirectory.BEST))
          ? Json.requireObject(Json.parse(read(run.file(RunDirectory.BEST))), Json.ROOT) : Map.of();
      String log = Files.isRegularFile(run.file(RunDirectory.LOG)) ? read(run.file(RunDirectory.LOG)) : "";
      String html = HtmlReport.render(new HtmlReport.Input(job.name(), results, job.selectBy(), nonNull(best),
          read(run.file(RunDirectory.JOB)), log));
      run.write(RunDirectory.REPORT, html);
      return run.file(RunDirectory.REPORT);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the run in " + run.dir() + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> nonNull(Map<String, Object> m) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (v != null) {
        copy.put(k, v);
      }
    });
    return copy;
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
