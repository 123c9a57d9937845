package org.tune4j.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.cli.Main;

/**
 * A {@code csv} job over image files, streamed: a damaged image stops the run naming it (bad input), {@code
 * skip_unreadable} leaves it out, and once it is repaired the next run featurizes only that image.
 */
class ImageFileJobTest {
  @TempDir
  Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    out.reset();
    err.reset();
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  void png(Path file, int seed) throws IOException {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        img.setRGB(x, y, (seed % 2 == 0 ? 0xC00000 : 0x0000C0) + r.nextInt(1 << 14));
      }
    }
    Files.createDirectories(file.getParent());
    ImageIO.write(img, "png", file.toFile());
  }

  /** {@code n} images listed in {@code name}.csv, alternating classes red and blue. */
  Path csv(String name, int n, int seedBase) throws IOException {
    StringBuilder b = new StringBuilder("path,label\n");
    for (int i = 0; i < n; i++) {
      png(dir.resolve("img/" + name + i + ".png"), seedBase + i);
      b.append("img/").append(name).append(i).append(".png,").append((seedBase + i) % 2 == 0 ? "red" : "blue")
          .append('\n');
    }
    return Files.writeString(dir.resolve(name + ".csv"), b);
  }

  Path job(boolean skip) throws IOException {
    return Files.writeString(dir.resolve(skip ? "skip.yaml" : "job.yaml"), String.join("\n",
        "name: files",
        "data: {type: csv, train: train.csv, test: test.csv, skip_unreadable: " + skip + "}",
        "backbone: {weights: random}",
        "head:",
        "  - block: global_average_pooling",
        "  - {block: dense, units: 8, activation: relu}",
        "fit: {epochs: 1, batch_size: 8, learn_rate: tune}",
        "resampling: {folds: 2}",
        "grid: {type: regular, levels: 1}",
        "threads: 2",
        "seed: 3",
        ""));
  }

  @Test
  void aDamagedImageStopsTheRunNamingItAndARepairedOneIsTheOnlyOneFeaturizedAgain() throws IOException {
    csv("train", 20, 0);
    csv("test", 6, 100);
    Path damaged = dir.resolve("img/train7.png");
    byte[] good = Files.readAllBytes(damaged);
    Files.write(damaged, java.util.Arrays.copyOf(good, good.length / 2));

    assertEquals(Main.BAD_INPUT, run("tune", job(false).toString(), "--run-dir", dir.resolve("runs/a").toString()));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains(damaged.toString()) && text.contains("skip unreadable images"), text);
    assertFalse(text.contains("internal error"), text);

    assertEquals(Main.OK, run("tune", job(true).toString(), "--run-dir", dir.resolve("runs/b").toString()),
        err.toString(StandardCharsets.UTF_8));
    String log = Files.readString(dir.resolve("runs/b/run.log"));
    assertTrue(log.contains("skipped: image " + damaged), log);
    assertTrue(log.contains("featurized 25 of 25 images"), log);

    Files.write(damaged, good);
    assertEquals(Main.OK, run("tune", job(false).toString(), "--run-dir", dir.resolve("runs/c").toString()),
        err.toString(StandardCharsets.UTF_8));
    String again = Files.readString(dir.resolve("runs/c/run.log"));
    assertTrue(again.contains("featurized 1 of 26 images") && again.contains("25 from the feature cache"), again);
  }
}
