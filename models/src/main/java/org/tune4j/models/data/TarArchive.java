package org.tune4j.models.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A minimal reader of tar archives, gzipped or not (ustar, GNU long names, pax {@code path}
 * records): enough for data set archives, without a dependency. Every header's checksum is
 * checked, so a file that is not a tar archive fails at once. Stateless and thread-safe.
 */
final class TarArchive {
  private static final int BLOCK = 512;

  private TarArchive() {}

  /** Receives each regular file of the archive; the stream ends with the member. */
  @FunctionalInterface
  interface MemberHandler {
    void member(String name, long size, InputStream content) throws IOException;
  }

  /**
   * Calls {@code handler} for every regular file, in archive order.
   *
   * @throws IllegalArgumentException naming the archive when it is missing, not gzip/tar, or truncated
   */
  static void forEach(Path archive, MemberHandler handler) {
    try (InputStream in = open(archive)) {
      String longName = null;
      byte[] header = new byte[BLOCK];
      while (true) {
        if (!readBlock(in, header)) {
          return;                                   // end of the stream without end blocks: accepted
        }
        if (isZero(header)) {
          return;
        }
        checkChecksum(header, archive);
        String name = longName != null ? longName : name(header);
        longName = null;
        long size = size(header, archive);
        char type = (char) header[156];
        Bounded content = new Bounded(in, size);
        if (type == 'L') {
          longName = trimNul(new String(content.readAllBytes(), StandardCharsets.UTF_8));
        } else if (type == 'x') {
          longName = paxPath(new String(content.readAllBytes(), StandardCharsets.UTF_8));
        } else if (type == '0' || type == '\0' || type == '7') {
          handler.member(name, size, content);
        }
        content.skipRest(archive);
        skipFully(in, (BLOCK - size % BLOCK) % BLOCK, archive);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("archive " + archive + " does not exist; check the path", e);
    } catch (EOFException e) {
      throw truncated(archive);
    } catch (ZipException e) {
      throw new IllegalArgumentException(archive + " is a corrupt gzip file (" + e.getMessage()
          + "); download it again", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + archive + ": " + e.getMessage(), e);
    }
  }

  private static InputStream open(Path archive) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
    raw.mark(2);
    int b1 = raw.read();
    int b2 = raw.read();
    raw.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
    }
    if (archive.getFileName().toString().endsWith(".gz")) {
      raw.close();
      throw new IllegalArgumentException(String.format("%s is not a gzip file: it starts with 0x%02X%02X,"
          + " not the gzip magic number 0x1F8B; download it again", archive, Math.max(b1, 0), Math.max(b2, 0)));
    }
    return raw;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, BLOCK);
    if (n == 0) {
      return false;
    }
    if (n < BLOCK) {
      throw new EOFException();
    }
    return true;
  }

  private static void checkChecksum(byte[] header, Path archive) {
    long stored = octal(header, 148, 8, archive);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xFF;
    }
    if (stored != sum) {
      throw new IllegalArgumentException(archive + " is not a tar archive or is corrupt: a member header's"
          + " checksum is " + stored + " but its bytes sum to " + sum + "; download or create it again");
    }
  }

  private static String name(byte[] header) {
    String name = field(header, 0, 100);
    boolean ustar = field(header, 257, 6).startsWith("ustar");
    String prefix = ustar ? field(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static long size(byte[] header, Path archive) {
    if ((header[124] & 0x80) != 0) {                // GNU base-256 for sizes of 8 GiB and more
      long v = 0;
      for (int i = 125; i < 136; i++) {
        v = (v << 8) | (header[i] & 0xFF);
      }
      return v;
    }
    return octal(header, 124, 12, archive);
  }

  private static long octal(byte[] header, int offset, int length, Path archive) {
    String text = field(header, offset, length).trim();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(archive + " is not a tar archive or is corrupt: header field \""
          + text + "\" is not an octal number; download or create it again", e);
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String paxPath(String records) {
    for (String line : records.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith("path=", space + 1)) {
        return line.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static String trimNul(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static void skipFully(InputStream in, long n, Path archive) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw truncated(archive);
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  static IllegalArgumentException truncated(Path archive) {
    return new IllegalArgumentException(archive + " is truncated: it ends inside a member; download or copy it again");
  }

  /** The content of one member: reads at most {@code size} bytes and reports an early end. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long size) {
      super(in);
      this.left = size;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      left--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException();
      }
      left -= n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = Math.min(Math.max(n, 0), left);
      byte[] buf = new byte[(int) Math.min(k, 8192)];
      long done = 0;
      while (done < k) {
        int r = read(buf, 0, (int) Math.min(buf.length, k - done));
        done += r;
      }
      return done;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() {
      // the archive's stream stays open for the next member
    }

    void skipRest(Path archive) throws IOException {
      skipFully(in, left, archive);
      left = 0;
    }
  }
}
