package org.tune4j.cli.run;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.tune4j.tuning.engine.Progress;
import org.tune4j.tuning.json.Json;

/**
 * Where a run's messages and progress go: a progress bar with ETA redrawn in place ({@link
 * Mode#BAR}, on a terminal), one plain line per finished task ({@link Mode#LINES}), one JSON object
 * per line on {@code out} ({@link Mode#JSON}, for {@code --log-json}), or only the final line ({@link
 * Mode#QUIET}). Thread-safe: every method is synchronized.
 */
public final class Console {
  /** How progress is shown. */
  public enum Mode {
    /** A bar with ETA on the terminal, redrawn in place. */
    BAR,
    /** One plain line per finished task. */
    LINES,
    /** JSON lines on stdout. */
    JSON,
    /** Nothing but the final line and errors. */
    QUIET
  }

  private static final int BAR_WIDTH = 30;
  private final Mode mode;
  private final PrintStream out;
  private final PrintStream err;
  private boolean stopped;

  private Console(Mode mode, PrintStream out, PrintStream err) {
    this.mode = mode;
    this.out = out;
    this.err = err;
  }

  /** A console in {@code mode} writing to the given streams. */
  public static Console of(Mode mode, PrintStream out, PrintStream err) {
    return new Console(mode, out, err);
  }

  /** The mode the options ask for: quiet, JSON, else a bar on a terminal and lines otherwise. */
  public static Mode modeFor(boolean quiet, boolean logJson, boolean terminal) {
    return logJson ? Mode.JSON : quiet ? Mode.QUIET : terminal ? Mode.BAR : Mode.LINES;
  }

  /** The mode. */
  public Mode mode() {
    return mode;
  }

  /** A message for people (a JSON {@code message} event in JSON mode, nothing when quiet). */
  public synchronized void message(String text) {
    if (stopped) {
      return;
    }
    switch (mode) {
      case JSON -> event("message", Map.of("text", text));
      case QUIET -> { }
      default -> out.println(text);
    }
  }

  /** The final line: always shown (a {@code done} event in JSON mode). */
  public synchronized void result(String text, Map<String, Object> fields) {
    if (stopped) {
      return;
    }
    if (mode == Mode.JSON) {
      Map<String, Object> m = new LinkedHashMap<>(fields);
      m.put("text", text);
      event("done", m);
    } else {
      out.println(text);
    }
  }

  /**
   * The last line of a run being stopped, on stderr in every mode (after a progress bar, on a line
   * of its own); every later message, progress and result is dropped, so nothing follows it.
   */
  public synchronized void stopped(String text) {
    if (stopped) {
      return;
    }
    stopped = true;
    if (mode == Mode.BAR) {
      err.println();
    }
    err.println(text);
    err.flush();
  }

  /** Shows progress after a finished task. */
  public synchronized void progress(Progress p) {
    if (stopped) {
      return;
    }
    switch (mode) {
      case BAR -> {
        int filled = p.total() == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * p.completed() / p.total());
        err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + p.format().substring(
            p.format().indexOf(']') + 2) + " " + p.completed() + "/" + p.total() + " " + p.unit() + "   ");
        if (p.completed() >= p.total()) {
          err.println();
        }
        err.flush();
      }
      case LINES -> err.println(p.format());
      case JSON -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", p.unit().equals(Progress.IMAGES) ? "featurize" : "tune");
        m.put("completed", p.completed());
        m.put("total", p.total());
        m.put("elapsed_s", p.elapsedNanos() / 1e9);
        double eta = p.etaSeconds();
        m.put("eta_s", Double.isNaN(eta) ? null : eta);
        event("progress", m);
      }
      default -> { }
    }
  }

  private void event(String name, Map<String, ?> fields) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", name);
    m.putAll(fields);
    out.println(Json.write(m).replaceAll("\n *", ""));
    out.flush();
  }

  @Override
  public String toString() {
    return "Console[" + mode.name().toLowerCase(Locale.ROOT) + "]";
  }
}
