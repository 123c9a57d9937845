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
import org.tune4j.tuning.results.PredictionRow;
import org.tune4j.tuning.results.TuneResults;

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

  @Test
  void groupFoldsFollowACsvColumnAndKeepEachGroupOnOneSideAfterUnreadableFilesAreLeftOut() throws IOException {
    csv("train", 20, 0);
    csv("test", 6, 100);
    // a group column: images 4k..4k+3 are group g<k> (five groups); image 7 is damaged and left out
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("train.csv")));
    lines.set(0, lines.get(0) + ",session");
    for (int i = 1; i < lines.size(); i++) {
      lines.set(i, lines.get(i) + ",g" + (i - 1) / 4);
    }
    Files.write(dir.resolve("train.csv"), lines);
    Path damaged = dir.resolve("img/train7.png");
    Files.write(damaged, java.util.Arrays.copyOf(Files.readAllBytes(damaged), 40));
    String text = Files.readString(job(true)).replace("resampling: {folds: 2}",
        "resampling: {type: group_vfold, folds: 2, group: session}\nsave_predictions: true");
    Path jobFile = Files.writeString(dir.resolve("groups.yaml"), text);
    Path run = dir.resolve("runs/g");
    assertEquals(Main.OK, run("tune", jobFile.toString(), "--run-dir", run.toString()),
        err.toString(StandardCharsets.UTF_8));
    TuneResults res = TuneResults.read(run);
    // training rows after the skip: listing rows 0..6 and 8..19
    int[] listing = java.util.stream.IntStream.range(0, 20).filter(i -> i != 7).toArray();
    java.util.Map<String, java.util.Set<String>> groupsByFold = new java.util.TreeMap<>();
    for (PredictionRow p : res.predictionRows()) {
      groupsByFold.computeIfAbsent(p.id(), k -> new java.util.TreeSet<>()).add("g" + listing[p.row()] / 4);
    }
    assertEquals(2, groupsByFold.size(), groupsByFold.toString());
    java.util.Set<String> all = new java.util.TreeSet<>();
    groupsByFold.values().forEach(g -> {
      assertTrue(java.util.Collections.disjoint(all, g), "a group on both sides: " + groupsByFold);
      all.addAll(g);
    });
    assertEquals(java.util.Set.of("g0", "g1", "g2", "g3", "g4"), all);
    assertEquals(19, res.predictionRows().size(), "every kept training image assessed once");

    String missing = Files.readString(jobFile).replace("group: session", "group: patient");
    assertEquals(Main.BAD_INPUT, run("tune", Files.writeString(dir.resolve("bad.yaml"), missing).toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("has no column \"patient\""), err.toString());
  }
}
