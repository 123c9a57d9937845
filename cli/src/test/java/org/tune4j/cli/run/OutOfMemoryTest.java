package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;

/** A real run in a JVM far too small for it ends with the one out-of-memory line, exit 2, no stack trace. */
class OutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void aRunInA48MegabyteJvmEndsWithOneLineNamingTheSetting() throws Exception {
    Path job = Files.writeString(dir.resolve("job.yaml"), CrashResumeTest.JOB);
    ChildJvm.Child child = ChildJvm.start(dir.resolve("tune"), List.of("-Xmx48m"), "tune", job.toString(),
        "--run-dir", dir.resolve("run").toString());
    int code = child.waitFor(120);
    String err = child.stderr();
    assertEquals(Main.BAD_INPUT, code, "stderr: " + err);
    assertFalse(err.contains("\tat "), "no stack trace: " + err);
    List<String> lines = err.lines().filter(l -> l.startsWith("tune4j tune: ")).toList();
    assertEquals(1, lines.size(), "one line: " + err);
    String line = lines.get(0);
    assertTrue(line.startsWith("tune4j tune: out of memory: "), line);
    assertTrue(line.contains("; the input does not fit in the memory given: "), line);
    assertTrue(line.contains("TUNE4J_JAVA_OPTS=") && line.contains("or use fewer or smaller images"), line);
    assertTrue(line.contains("the Java heap ran out") || line.contains("-Dorg.bytedeco.javacpp.maxbytes="), line);
  }
}
