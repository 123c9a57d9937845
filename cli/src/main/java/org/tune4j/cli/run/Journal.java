package org.tune4j.cli.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tune4j.resampling.Resamples;
import org.tune4j.tuning.engine.TaskOutcome;
import org.tune4j.tuning.engine.TaskOutcomeJson;
import org.tune4j.tuning.grid.Candidate;
import org.tune4j.tuning.grid.Grid;
import org.tune4j.tuning.json.Json;
import org.tune4j.tuning.params.ParameterSet;
import org.tune4j.tuning.search.Round;
import org.tune4j.tuning.search.RoundJson;

/**
 * The append-only journal of a run ({@code journal.jsonl}): one JSON line per finished task, and
 * one per round a search decided (written before its fits start, with its decisions), each written
 * and forced to the disk before the next task is reported, so a run killed at any moment (SIGKILL,
 * power loss, out of memory) loses at most the task being written. On resume, {@link #read} drops a
 * torn last line (no newline, or not valid JSON) and rejects damage anywhere else.
 *
 * <p>{@link #append} and {@link #stop} are thread-safe and exclusive, so a shutdown hook that
 * stops the journal never leaves a torn line; reading is stateless.
 *
 * <pre>{@code
 * try (Journal j = Journal.open(dir.resolve(Journal.FILE))) {
 *   control.onTaskDone(j::append);
 * }
 * }</pre>
 */
public final class Journal implements Closeable {
  /** The journal's file name in a run directory. */
  public static final String FILE = "journal.jsonl";

  private final Path file;
  private final FileChannel channel;
  private int appended;
  private boolean stopped;

  private Journal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens {@code file} for appending, creating it if needed.
   *
   * @throws RunDirectoryException if it cannot be opened for writing
   */
  public static Journal open(Path file) {
    try {
      return new Journal(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new RunDirectoryException(file, e);
    }
  }

  /**
   * Appends one outcome as one line and forces it to the disk; after {@link #stop} it does nothing
   * (the process is ending, and the task runs again on resume).
   *
   * @throws RunDirectoryException if the write fails (disk full, read-only)
   */
  public synchronized void append(TaskOutcome outcome) {
    if (appendLine(TaskOutcomeJson.toLine(outcome))) {
      appended++;
    }
  }

  /**
   * Appends one round a search decided ({@link RoundJson#toTree}) as one line and forces it to the disk; after
   * {@link #stop} it does nothing.
   *
   * @throws RunDirectoryException if the write fails
   */
  public synchronized void appendRound(Map<String, Object> roundTree) {
    appendLine(Json.write(roundTree).replaceAll("\n *", ""));
  }

  /** Writes one line; false after {@link #stop}. */
  private boolean appendLine(String line) {
    if (stopped) {
      return false;
    }
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
      return true;
    } catch (IOException e) {
      throw new RunDirectoryException(file, e);
    }
  }

  /**
   * Stops appending (for a shutdown hook): waits for a line being written to be written whole, then
   * makes every later {@link #append} do nothing.
   *
   * @return how many task lines this journal appended
   */
  public synchronized int stop() {
    stopped = true;
    return appended;
  }

  /** How many task lines this journal appended (not counting round lines, nor those of earlier runs). */
  public synchronized int appended() {
    return appended;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new RunDirectoryException(file, e);
    }
  }

  /**
   * What a journal holds.
   *
   * @param outcomes the finished tasks, in the order they finished
   * @param rounds the rounds a search decided, in order, as trees for {@link RoundJson#fromTree} (read once the
   *     resamples exist)
   * @param tornLine the torn last line that was dropped, if any (as text, cut to 200 characters)
   * @param validBytes the length of the journal without the torn line
   */
  public record Contents(List<TaskOutcome> outcomes, List<Map<String, Object>> rounds, Optional<String> tornLine,
      long validBytes) {
    /** Copies. */
    public Contents {
      outcomes = List.copyOf(outcomes);
      rounds = List.copyOf(rounds);
    }

    /** The rounds, read with the run's parameters and resamples. */
    public List<Round> rounds(ParameterSet params, Resamples resamples) {
      List<Round> out = new ArrayList<>();
      for (int i = 0; i < rounds.size(); i++) {
        out.add(RoundJson.fromTree(rounds.get(i), "journal round " + (i + 1), params, resamples));
      }
      return out;
    }
  }

  /**
   * Reads a journal; a missing file is an empty journal.
   *
   * @param grid the job's grid (parameter values are taken from it, or from the journal's rounds, and must match)
   * @throws IllegalArgumentException naming the line for a damaged line that is not the last, a
   *     task key that appears twice, or rounds out of order
   */
  public static Contents read(Path file, Grid grid) throws IOException {
    if (!Files.exists(file)) {
      return new Contents(List.of(), List.of(), Optional.empty(), 0);
    }
    Map<String, Candidate> candidates = new HashMap<>();
    grid.candidates().forEach(c -> candidates.put(c.configId(), c));
    List<Map<String, Object>> rounds = new ArrayList<>();
    byte[] all = Files.readAllBytes(file);
    List<TaskOutcome> outcomes = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    int start = 0;
    int lineNo = 0;
    while (start < all.length) {
      lineNo++;
      int end = indexOf(all, (byte) '\n', start);
      String text = new String(all, start, (end < 0 ? all.length : end) - start, StandardCharsets.UTF_8);
      boolean last = end < 0 || end == all.length - 1;
      if (end < 0) {
        return new Contents(outcomes, rounds, Optional.of(cut(text)), start);
      }
      TaskOutcome o;
      try {
        Map<String, Object> tree = Json.requireObject(Json.parse(text), Json.ROOT);
        if (tree.containsKey(RoundJson.ROUND_KEY)) {
          if (Json.requireInt(tree, RoundJson.ROUND_KEY, Json.ROOT) != rounds.size() + 1) {
            throw new IllegalArgumentException("round " + tree.get(RoundJson.ROUND_KEY) + " follows round "
                + rounds.size());
          }
          RoundJson.candidates(tree, Json.ROOT, grid.parameters()).forEach(c -> candidates.putIfAbsent(c.configId(), c));
          rounds.add(tree);
          start = end + 1;
          continue;
        }
        o = TaskOutcomeJson.fromLine(text, id -> {
          Candidate c = candidates.get(id);
          if (c == null) {
            throw new IllegalArgumentException("no candidate " + id);
          }
          return c;
        });
      } catch (IllegalArgumentException e) {
        if (last) {
          return new Contents(outcomes, rounds, Optional.of(cut(text)), start);
        }
        throw new IllegalArgumentException("journal " + file + " line " + lineNo + " is damaged (" + e.getMessage()
            + "); only a torn last line can be dropped: this run directory cannot be resumed, start a new one", e);
      }
      if (!keys.add(o.key())) {
        throw new IllegalArgumentException("journal " + file + " line " + lineNo + " repeats task " + o.key()
            + "; this run directory cannot be resumed, start a new one");
      }
      outcomes.add(o);
      start = end + 1;
    }
    return new Contents(outcomes, rounds, Optional.empty(), all.length);
  }

  /** Cuts the journal back to {@code validBytes}, removing a torn last line before appending again. */
  public static void truncate(Path file, long validBytes) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(validBytes);
      ch.force(true);
    } catch (IOException e) {
      throw new RunDirectoryException(file, e);
    }
  }

  private static int indexOf(byte[] a, byte b, int from) {
    for (int i = from; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static String cut(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
