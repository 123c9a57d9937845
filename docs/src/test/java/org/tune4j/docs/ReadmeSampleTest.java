package org.tune4j.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example compiles against tune4j and runs to its accuracy line. */
class ReadmeSampleTest {
  static final Path README = Path.of("..", "README.md");

  @TempDir Path work;

  @Test
  void readmeHasExactlyOneCompleteSample() throws Exception {
    JavaSamples samples = JavaSamples.of(README);
    assertEquals(1, samples.samples().size(), "complete samples in " + README);
  }

  @Test
  void readmeSampleCompilesAndRuns() throws Exception {
    JavaSamples.Sample sample = JavaSamples.of(README).samples().get(0);
    Path classes = compile(sample);
    String printed = runMain(classes, sample.className());
    assertTrue(printed.contains("Epoch 5/5 - loss: "), printed);
    assertTrue(printed.matches("(?s).*accuracy 0\\.\\d{3}\\R.*"), printed);
  }

  private Path compile(JavaSamples.Sample sample) throws Exception {
    Path src = work.resolve("src").resolve(sample.className() + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, sample.source(), StandardCharsets.UTF_8);
    Path out = Files.createDirectories(work.resolve("classes"));
    String classpath = Files.readString(Path.of("target", "test-classpath.txt")).trim();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(src.toFile());
      boolean ok = javac.getTask(diagnostics, files, null,
          List.of("-cp", classpath, "-d", out.toString(), "-Xlint:all", "-Werror"), null, units).call();
      assertTrue(ok, "README sample does not compile:\n" + diagnostics);
    }
    return out;
  }

  private static String runMain(Path classes, String className) throws Exception {
    PrintStream realOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ReadmeSampleTest.class.getClassLoader())) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(realOut);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
