package org.tune4j.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The complete Java samples of a Markdown page: every fenced {@code java} block that declares a
 * {@code public class}. Blocks without one are fragments and are not compiled.
 *
 * @param page the Markdown file
 * @param samples each sample's class name and source, in page order
 */
record JavaSamples(Path page, List<Sample> samples) {
  private static final Pattern FENCE = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public\\s+class\\s+(\\w+)");

  static JavaSamples of(Path page) throws IOException {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    List<Sample> out = new ArrayList<>();
    Matcher m = FENCE.matcher(text);
    while (m.find()) {
      Matcher c = CLASS.matcher(m.group(1));
      if (c.find()) {
        out.add(new Sample(c.group(1), m.group(1)));
      }
    }
    return new JavaSamples(page, List.copyOf(out));
  }

  /**
   * One sample.
   *
   * @param className the public class it declares
   * @param source its source text
   */
  record Sample(String className, String source) {
    @Override
    public String toString() {
      return className;
    }
  }
}
