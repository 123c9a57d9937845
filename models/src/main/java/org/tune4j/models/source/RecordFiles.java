package org.tune4j.models.source;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Fixed-size byte records laid end to end in one or more files, each file's records starting at an
 * offset, read one at a time at their position (CIFAR batches, IDX image files); or the same records
 * held in memory (an inflated gzipped IDX file). Row {@code r} is record {@code r} of all files
 * taken in order. Immutable and thread-safe: each {@link Reader} opens its own channels.
 */
final class RecordFiles {
  private final List<Path> files;
  private final long[] offsets;
  private final int[] firstRow;
  private final int recordBytes;
  private final byte[] held;

  private RecordFiles(List<Path> files, long[] offsets, int[] counts, int recordBytes, byte[] held) {
    this.files = List.copyOf(files);
    this.offsets = offsets.clone();
    this.recordBytes = recordBytes;
    this.held = held;
    this.firstRow = new int[counts.length + 1];
    for (int f = 0; f < counts.length; f++) {
      firstRow[f + 1] = Math.addExact(firstRow[f], counts[f]);
    }
  }

  /** {@code counts[f]} records of {@code recordBytes} in file {@code f}, from byte {@code offsets[f]}. */
  static RecordFiles onDisk(List<Path> files, long[] offsets, int[] counts, int recordBytes) {
    if (files.size() != offsets.length || files.size() != counts.length || recordBytes < 1) {
      throw new IllegalArgumentException(files.size() + " files, " + offsets.length + " offsets and " + counts.length
          + " counts of " + recordBytes + "-byte records do not describe record files; give one offset and count"
          + " per file");
    }
    return new RecordFiles(files, offsets, counts, recordBytes, null);
  }

  /** The records of {@code file} held as {@code bytes} (already inflated), {@code recordBytes} each. */
  static RecordFiles inMemory(Path file, byte[] bytes, int recordBytes) {
    return new RecordFiles(List.of(file), new long[] {0}, new int[] {bytes.length / recordBytes}, recordBytes,
        bytes);
  }

  int count() {
    return firstRow[firstRow.length - 1];
  }

  int recordBytes() {
    return recordBytes;
  }

  /** Which file holds row {@code row} (a few files, so a scan). */
  private int fileOf(int row) {
    Objects.checkIndex(row, count());
    int f = 0;
    while (firstRow[f + 1] <= row) {
      f++;
    }
    return f;
  }

  /** Where row {@code row} is, for messages: {@code <file> record <k>}. */
  String item(int row) {
    int f = fileOf(row);
    return files.get(f) + " record " + (row - firstRow[f]);
  }

  /** A reader with its own open files; close it when done. */
  Reader reader() {
    return new Reader();
  }

  /** Reads records into a caller's buffer; one thread at a time. */
  final class Reader implements AutoCloseable {
    private final FileChannel[] channels = new FileChannel[files.size()];

    private Reader() {}

    /**
     * Reads row {@code row}'s record into {@code into[0 … recordBytes)}.
     *
     * @throws IOException when its file cannot be opened or ends before the record
     */
    void read(int row, byte[] into) throws IOException {
      int f = fileOf(row);
      long position = offsets[f] + (long) (row - firstRow[f]) * recordBytes;
      if (held != null) {
        System.arraycopy(held, (int) position, into, 0, recordBytes);
        return;
      }
      if (channels[f] == null) {
        channels[f] = FileChannel.open(files.get(f), StandardOpenOption.READ);
      }
      ByteBuffer buf = ByteBuffer.wrap(into, 0, recordBytes);
      while (buf.hasRemaining()) {
        int n = channels[f].read(buf, position + buf.position());
        if (n < 0) {
          throw new EOFException("the file ends before this record; it was truncated after the source was made");
        }
      }
    }

    @Override
    public void close() {
      for (FileChannel c : channels) {
        if (c != null) {
          try {
            c.close();
          } catch (IOException e) {
            // a read-only channel that fails to close loses nothing
          }
        }
      }
    }
  }
}
