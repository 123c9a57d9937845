package org.tune4j.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every complete Java sample of the README and of the guides in {@code docs/} compiles against
 * tune4j with every lint warning an error, runs, and prints what the page promises.
 */
class MarkdownSamplesTest {
  /** What each sample's output must contain (a regular expression found anywhere in it). */
  static final Map<String, String> EXPECTED = Map.of(
      "QuickStart", "# A tibble: 3 × [\\s\\S]*test accuracy 0\\.\\d{3}",
      "TuningGuide", "# A tibble: 3 × [\\s\\S]*test accuracy 0\\.\\d{3}",
      "FineTuningGuide", "frozen accuracy [01]\\.\\d{3}, fine-tuned accuracy [01]\\.\\d{3} \\(epoch [1-4] of [1-4] kept\\)",
      "SpecsGuide", "^\\[dense_units, dropout_rate, learn_rate\\][\\s\\S]*all 27 candidates build[\\s\\S]*true\\s*$");

  @TempDir Path work;

  static Stream<Object[]> samples() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(Path.of("..", "README.md"));
    try (Stream<Path> docs = Files.list(Path.of("."))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<Object[]> out = new ArrayList<>();
    for (Path page : pages) {
      for (JavaSamples.Sample s : JavaSamples.of(page).samples()) {
        out.add(new Object[] {page.getFileName().toString(), s});
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("samples")
  void sampleCompilesRunsAndPrintsWhatThePageSays(String page, JavaSamples.Sample sample) throws Exception {
    String expected = EXPECTED.get(sample.className());
    assertTrue(expected != null, "add the expected output of " + sample.className() + " (" + page + ") to EXPECTED");
    String printed = runMain(compile(sample), sample.className());
    assertFalse(printed.isBlank(), sample.className() + " printed nothing");
    assertTrue(java.util.regex.Pattern.compile(expected).matcher(printed).find(),
        sample.className() + " printed:\n" + printed);
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
      assertTrue(ok, sample.className() + " does not compile:\n" + diagnostics);
    }
    return out;
  }

  private static String runMain(Path classes, String className) throws Exception {
    PrintStream realOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        MarkdownSamplesTest.class.getClassLoader())) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(realOut);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
