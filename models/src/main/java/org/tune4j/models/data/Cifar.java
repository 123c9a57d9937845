package org.tune4j.models.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the binary versions of CIFAR-10 and CIFAR-100 (University of Toronto): the archive
 * ({@code cifar-10-binary.tar.gz}, {@code cifar-100-binary.tar.gz}) or the folder it extracts to.
 *
 * <p>Each record is the label byte(s) then 3,072 pixel bytes: 1,024 red, 1,024 green, 1,024 blue,
 * each 32×32 row-major, which is already {@link ImageSet}'s CHW layout; pixels stay 0–255. CIFAR-10
 * trains on {@code data_batch_1.bin}…{@code data_batch_5.bin} (50,000 images) and tests on
 * {@code test_batch.bin} (10,000); CIFAR-100 on {@code train.bin} and {@code test.bin} with fine
 * (100) or coarse (20) labels. Class names come from the archive's text files. Full CIFAR-10 as
 * floats takes about 740 MB of heap. These readers never download and never check the archive's
 * md5 (so they read any archive of this format); {@link Datasets} finds, downloads and verifies the
 * published archive. {@link CifarFiles} finds the files of one split on disk instead, for
 * {@code ImageSources.cifar10}, which reads records on demand. Stateless and thread-safe.
 *
 * <pre>{@code
 * TrainTest cifar = Cifar.read10(Path.of("cifar-10-binary.tar.gz"));      // or the extracted folder
 * TrainTest coarse = Cifar.read100(Path.of("cifar-100-binary"), Cifar.Labels.COARSE);
 * }</pre>
 */
public final class Cifar {
  /** The published CIFAR-10 binary archive (170,052,171 bytes). */
  public static final PublishedFile CIFAR10_ARCHIVE = PublishedFile.of("cifar-10-binary.tar.gz",
      "c32a1d4ab5d03f1284b67883e8d87530", "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
  /** The published CIFAR-100 binary archive (168,513,733 bytes). */
  public static final PublishedFile CIFAR100_ARCHIVE = PublishedFile.of("cifar-100-binary.tar.gz",
      "03b5dce01913d631647c71ecec9e9cb8", "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz");
  /** CIFAR-10's class names in label order, as in {@code batches.meta.txt}. */
  public static final List<String> CIFAR10_LEVELS = List.of(
      "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

  /** Which CIFAR-100 label to read. */
  public enum Labels {
    /** The 100 classes ({@code fine_label_names.txt}), the second label byte. */
    FINE,
    /** The 20 superclasses ({@code coarse_label_names.txt}), the first label byte. */
    COARSE
  }

  static final CifarLayout CIFAR10 = new CifarLayout("CIFAR-10", CIFAR10_ARCHIVE, "cifar-10-batches-bin",
      List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"),
      "test_batch.bin", 1, 0, "batches.meta.txt", CIFAR10_LEVELS, 10);

  private Cifar() {}

  static CifarLayout cifar100(Labels labels) {
    boolean fine = labels == Labels.FINE;
    return new CifarLayout("CIFAR-100", CIFAR100_ARCHIVE, "cifar-100-binary", List.of("train.bin"), "test.bin",
        2, fine ? 1 : 0, fine ? "fine_label_names.txt" : "coarse_label_names.txt", List.of(), fine ? 100 : 20);
  }

  /**
   * Reads CIFAR-10 from the binary archive or from the folder holding the extracted files (or
   * their {@code cifar-10-batches-bin} folder).
   *
   * @throws IllegalArgumentException naming the file: missing, not gzip/tar, truncated, a record
   *     cut short, or a label outside 0–9
   */
  public static TrainTest read10(Path source) {
    return read(source, CIFAR10);
  }

  /**
   * Reads CIFAR-100 from the binary archive or its extracted folder, with fine or coarse labels.
   *
   * @throws IllegalArgumentException as {@link #read10}, or when the label names file is missing
   */
  public static TrainTest read100(Path source, Labels labels) {
    return read(source, cifar100(java.util.Objects.requireNonNull(labels, "labels")));
  }

  static TrainTest read(Path source, CifarLayout layout) {
    Map<String, byte[]> bytes = new HashMap<>();
    Map<String, String> where = new HashMap<>();
    if (Files.isDirectory(source)) {
      readFolder(source, layout, bytes, where);
    } else {
      readArchive(source, layout, bytes, where);
    }
    List<String> levels = levels(bytes.get(layout.namesMember()), where.get(layout.namesMember()), source, layout);
    List<String> train = layout.trainMembers();
    ImageSet trainSet = decode(train.stream().map(bytes::get).toList(), train.stream().map(where::get).toList(),
        layout, levels);
    ImageSet testSet = decode(List.of(bytes.get(layout.testMember())), List.of(where.get(layout.testMember())),
        layout, levels);
    return new TrainTest(trainSet, testSet);
  }

  private static void readArchive(Path archive, CifarLayout layout, Map<String, byte[]> bytes,
      Map<String, String> where) {
    List<String> wanted = layout.members();
    TarArchive.forEach(archive, (name, size, content) -> {
      String base = name.substring(name.lastIndexOf('/') + 1);
      if (wanted.contains(base) && !bytes.containsKey(base)) {
        if (size > Integer.MAX_VALUE - 16) {
          throw new IllegalArgumentException(archive + "!" + name + " is " + size + " bytes, too large for a "
              + layout.title() + " member; this is not the " + layout.title() + " binary archive");
        }
        bytes.put(base, content.readAllBytes());
        where.put(base, archive + "!" + name);
      }
    });
    for (String member : layout.trainMembers()) {
      requireMember(bytes, member, archive, layout);
    }
    requireMember(bytes, layout.testMember(), archive, layout);
  }

  private static void requireMember(Map<String, byte[]> bytes, String member, Path archive, CifarLayout layout) {
    if (!bytes.containsKey(member)) {
      throw new IllegalArgumentException("archive " + archive + " has no member " + layout.folder() + "/" + member
          + ": it is not the " + layout.title() + " binary version (" + layout.archive().fileName()
          + "; the Python and MATLAB versions have other members)");
    }
  }

  private static void readFolder(Path folder, CifarLayout layout, Map<String, byte[]> bytes,
      Map<String, String> where) {
    Path dir = Files.isDirectory(folder.resolve(layout.folder())) ? folder.resolve(layout.folder()) : folder;
    for (String member : layout.members()) {
      Path file = dir.resolve(member);
      if (!Files.isRegularFile(file)) {
        if (member.equals(layout.namesMember())) {
          continue;
        }
        throw new IllegalArgumentException(layout.title() + " file " + file + " does not exist; put the files"
            + " extracted from " + layout.archive().fileName() + " (" + String.join(", ", layout.trainMembers())
            + ", " + layout.testMember() + ") in " + dir + ", or pass the archive itself");
      }
      try {
        bytes.put(member, Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
      where.put(member, file.toString());
    }
  }

  /** The class names from the names file's bytes (read from {@code where}), or the defaults when it is absent. */
  static List<String> levels(byte[] names, String where, Path source, CifarLayout layout) {
    if (names == null) {
      if (layout.defaultLevels().isEmpty()) {
        throw new IllegalArgumentException(source + " has no " + layout.namesMember() + " with the class names;"
            + " use the complete " + layout.archive().fileName() + " or its extracted folder");
      }
      return layout.defaultLevels();
    }
    List<String> levels = new ArrayList<>();
    for (String line : new String(names, StandardCharsets.UTF_8).split("\\R")) {
      if (!line.isBlank()) {
        levels.add(line.strip());
      }
    }
    if (levels.size() != layout.levelCount()) {
      throw new IllegalArgumentException(where + " names " + levels.size()
          + " classes but " + layout.title() + " has " + layout.levelCount() + "; the file is corrupt or from"
          + " another data set");
    }
    return levels;
  }

  private static ImageSet decode(List<byte[]> members, List<String> names, CifarLayout layout, List<String> levels) {
    int record = layout.recordSize();
    long total = 0;
    for (int m = 0; m < members.size(); m++) {
      int length = members.get(m).length;
      if (length == 0 || length % record != 0) {
        throw new IllegalArgumentException(names.get(m) + " has " + length + " bytes, not a whole number of "
            + record + "-byte " + layout.title() + " records (the last is cut after " + (length % record)
            + " bytes): the file is truncated or not a " + layout.title() + " file; download or extract it again");
      }
      total += length / record;
    }
    float[] pixels = new float[ImageSet.arrayLength(total, CifarLayout.PIXELS)];
    int[] labels = new int[(int) total];
    int row = 0;
    for (int m = 0; m < members.size(); m++) {
      byte[] data = members.get(m);
      for (int r = 0; r < data.length / record; r++, row++) {
        int at = r * record;
        int label = data[at + layout.labelIndex()] & 0xFF;
        if (label >= levels.size()) {
          throw new IllegalArgumentException(names.get(m) + ": label " + label + " of record " + r
              + " is outside [0, " + (levels.size() - 1) + "]; this is not a " + layout.title() + " file"
              + " (CIFAR-10 records have 1 label byte, CIFAR-100 records 2)");
        }
        labels[row] = label;
        int px = row * CifarLayout.PIXELS;
        for (int i = 0; i < CifarLayout.PIXELS; i++) {
          pixels[px + i] = data[at + layout.labelBytes() + i] & 0xFF;
        }
      }
    }
    return ImageSet.wrap(32, 32, 3, pixels, labels, levels);
  }
}
