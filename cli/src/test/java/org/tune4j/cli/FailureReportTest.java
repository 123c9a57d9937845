package org.tune4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.tune4j.tuning.engine.AllModelsFailedFixture;
import org.tune4j.tuning.input.BadInputException;
import org.tune4j.tuning.results.Note;

/** The mapping from what ended a command to its exit code and message, with constructed failures. */
class FailureReportTest {
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int map(Throwable t, boolean debug) {
    err.reset();
    return FailureReport.exitCode("tune", t, new PrintStream(err, true, StandardCharsets.UTF_8), debug);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anIllegalArgumentFromInsideTheRunIsAnInternalErrorToReport() {
    assertEquals(Main.FAILED, map(new IllegalArgumentException("index 7 out of 5"), false));
    assertEquals("tune4j tune: internal error: index 7 out of 5; please report it with run.log (TUNE4J_DEBUG=1 prints"
        + " the stack trace)" + System.lineSeparator(), err());
    assertEquals(Main.FAILED, map(new IllegalStateException(new NullPointerException()), false));
    assertTrue(err().contains("internal error: java.lang.NullPointerException; please report"), err());
  }

  @Test
  void debugAddsTheStackTrace() {
    assertEquals(Main.FAILED, map(new IllegalArgumentException("boom"), true));
    assertTrue(err().startsWith("tune4j tune: internal error: boom; please report it with run.log"
        + System.lineSeparator()), err());
    assertTrue(err().contains("\tat org.tune4j.cli.FailureReportTest"), "stack trace printed: " + err());
    map(new IllegalArgumentException("boom"), false);
    assertFalse(err().contains("\tat "), err());
  }

  @Test
  void badInputIsExitCode2WithItsMessageEvenWhenWrapped() {
    assertEquals(Main.BAD_INPUT, map(new BadInputException("folds 1 is below 2; give 2 or more"), false));
    assertEquals("tune4j tune: folds 1 is below 2; give 2 or more" + System.lineSeparator(), err());
    assertEquals(Main.BAD_INPUT, map(new IllegalStateException("worker", new BadInputException("bad image x.png")),
        false));
    assertEquals("tune4j tune: bad image x.png" + System.lineSeparator(), err());
  }

  @Test
  void theJavaHeapRunningOutNamesTheHeapSettingWrappedOrNot() {
    OutOfMemoryError heap = new OutOfMemoryError("Java heap space");
    for (Throwable t : List.of(heap, new IllegalStateException("a tuning worker failed outside any fit",
        new ExecutionException(heap)))) {
      assertEquals(Main.BAD_INPUT, map(t, true));
      String e = err();
      assertEquals(1, e.lines().count(), "one line: " + e);
      assertTrue(e.startsWith("tune4j tune: out of memory: the Java heap ran out (\"Java heap space\"); the input does"
          + " not fit in the memory given: give the JVM more heap, e.g. TUNE4J_JAVA_OPTS=-Xmx8g ./tune4j tune …, or"
          + " use fewer or smaller images"), e);
      assertFalse(e.contains("javacpp"), e);
    }
  }

  @Test
  void nativeMemoryRunningOutNamesJavaCppsLimitsWrappedOrNot() {
    OutOfMemoryError physical = new OutOfMemoryError("Physical memory usage is too high: physicalBytes (9G) >"
        + " maxPhysicalBytes (8G)");
    OutOfMemoryError allocate = new OutOfMemoryError("Cannot allocate new FloatPointer(1000): totalBytes = 2G,"
        + " physicalBytes = 9G");
    allocate.initCause(physical);   // as JavaCPP's Pointer does
    RuntimeException javacpp = new RuntimeException("wrapper", allocate);
    for (Throwable t : List.of(physical, javacpp, new OutOfMemoryError("Failed to allocate: maxbytes exceeded"))) {
      assertEquals(Main.BAD_INPUT, map(t, true));
      String e = err();
      assertEquals(1, e.lines().count(), "one line: " + e);
      assertTrue(e.startsWith("tune4j tune: out of memory: native memory outside the Java heap ran out (\""), e);
      assertTrue(e.contains("the input does not fit in the memory given: raise JavaCPP's limits, e.g. TUNE4J_JAVA_OPTS="
          + "\"-Xmx4g -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G\" ./tune4j tune …,"
          + " or use fewer or smaller images"), e);
    }
  }

  @Test
  void everyFitFailingForWantOfMemoryIsTheMemoryLineNotAllFailed() {
    Note oom = new Note("Model1", "Fold1", "fit", "error", "java.lang.OutOfMemoryError: Java heap space");
    assertEquals(Main.BAD_INPUT, map(AllModelsFailedFixture.of(List.of(oom, oom)), false));
    assertTrue(err().startsWith("tune4j tune: out of memory: the Java heap ran out (\"Java heap space\")"), err());
    Note other = new Note("Model2", "Fold1", "fit", "error", "training diverged");
    assertEquals(Main.ALL_FAILED, map(AllModelsFailedFixture.of(List.of(oom, other)), false));
    assertTrue(err().startsWith("tune4j tune: every fit failed: "), err());
  }
}
