package org.tune4j.models.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.tune4j.models.data.CifarFiles;

/**
 * Builds the source of one CIFAR split from its files on disk: checks that every file is whole
 * records and reads the label bytes (one sequential pass); the pixels stay in the files and are
 * read a record at a time. Stateless.
 */
final class CifarSource {
  private static final int SCAN_BUFFER = 1 << 20;

  private CifarSource() {}

  /**
   * The split's records as a source.
   *
   * @throws IllegalArgumentException naming the file when it is not whole records or has a label outside the levels
   */
  static ImageSource of(CifarFiles files, String split) {
    int record = files.recordBytes();
    int n = files.files().size();
    int[] counts = new int[n];
    long total = 0;
    for (int f = 0; f < n; f++) {
      Path file = files.files().get(f);
      long length = size(file);
      if (length == 0 || length % record != 0) {
        throw new IllegalArgumentException(file + " has " + length + " bytes, not a whole number of " + record
            + "-byte " + files.title() + " records (the last is cut after " + (length % record) + " bytes): the"
            + " file is truncated or not a " + files.title() + " file; download or extract it again");
      }
      counts[f] = Math.toIntExact(length / record);
      total += counts[f];
    }
    int[] labels = new int[Math.toIntExact(total)];
    int row = 0;
    for (int f = 0; f < n; f++) {
      row = scanLabels(files, files.files().get(f), labels, row);
    }
    Path folder = files.files().get(0).toAbsolutePath().getParent();
    String describe = String.format(Locale.ROOT, "%s %s %s (%,d images, %d classes)", files.title(), split, folder,
        labels.length, files.levels().size());
    RecordSource.Shape shape = new RecordSource.Shape(files.labelBytes(), 3, 32, 32, describe,
        "decode=cifar-bin|mode=RGB|size=32x32");
    return new RecordSource(RecordFiles.onDisk(files.files(), new long[n], counts, record), shape, labels,
        files.levels());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads file's labels into {@code labels} from {@code row}; returns the next row. */
  private static int scanLabels(CifarFiles files, Path file, int[] labels, int row) {
    int record = files.recordBytes();
    ByteBuffer buf = ByteBuffer.allocate(SCAN_BUFFER / record * record);
    int next = row;
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      int inFile = 0;
      while (true) {
        buf.clear();
        while (buf.hasRemaining() && in.read(buf) >= 0) {
          // fill the buffer with whole records
        }
        buf.flip();
        if (buf.remaining() == 0) {
          return next;
        }
        for (int at = 0; at + record <= buf.remaining(); at += record, inFile++, next++) {
          int label = buf.get(at + files.labelIndex()) & 0xFF;
          if (label >= files.levels().size()) {
            throw new IllegalArgumentException(file + ": label " + label + " of record " + inFile + " is outside [0, "
                + (files.levels().size() - 1) + "]; this is not a " + files.title() + " file (CIFAR-10 records"
                + " have 1 label byte, CIFAR-100 records 2)");
          }
          labels[next] = label;
        }
        if (buf.remaining() < buf.capacity()) {
          return next;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
