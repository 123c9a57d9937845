package org.tune4j.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file published at a fixed address with a known md5: a data set archive or a weights file.
 *
 * <p>{@link Downloader} fetches it and checks the md5; {@link #verify(Path)} checks a copy the user
 * placed by hand. Immutable and thread-safe.
 *
 * <pre>{@code
 * PublishedFile f = PublishedFile.of("cifar-10-binary.tar.gz", "c32a1d4ab5d03f1284b67883e8d87530",
 *     "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
 * }</pre>
 *
 * @param fileName the file's name, without folders
 * @param md5 the published md5, 32 lower-case hex digits
 * @param url where it is published
 */
public record PublishedFile(String fileName, String md5, URI url) {
  private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

  /** Checks the three parts. */
  public PublishedFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(md5, "md5");
    Objects.requireNonNull(url, "url");
    if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
      throw new IllegalArgumentException("file name \"" + fileName + "\" must be a plain file name such as"
          + " weights.h5, without folders and not starting with a dot");
    }
    if (!MD5.matcher(md5).matches()) {
      throw new IllegalArgumentException("md5 \"" + md5 + "\" of " + fileName
          + " is not 32 lower-case hex digits such as c32a1d4ab5d03f1284b67883e8d87530");
    }
    if (!url.isAbsolute()) {
      throw new IllegalArgumentException("url " + url + " of " + fileName + " is not absolute; give http(s)://host/path");
    }
  }

  /** A published file from its name, md5 and URL text. */
  public static PublishedFile of(String fileName, String md5, String url) {
    return new PublishedFile(fileName, md5, URI.create(url));
  }

  /**
   * Checks that {@code path} holds this file.
   *
   * @throws IllegalArgumentException naming the path, both checksums and where to get a good copy
   */
  public void verify(Path path) {
    String actual = md5Of(path);
    if (!actual.equals(md5)) {
      throw new IllegalArgumentException(path + " has md5 " + actual + " but the published " + fileName
          + " has md5 " + md5 + ": the file is corrupt, incomplete or another file; delete it and download it"
          + " again from " + url);
    }
  }

  /**
   * The md5 of a file's content, lower-case hex.
   *
   * @throws IllegalArgumentException when the file does not exist
   * @throws UncheckedIOException when it cannot be read
   */
  public static String md5Of(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      MessageDigest digest = newMd5();
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("file " + path + " does not exist; check the path", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no MD5 digest", e);
    }
  }
}
