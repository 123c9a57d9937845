package org.tune4j.models.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches {@link PublishedFile}s into a folder: a copy already there is checked against the
 * published md5; otherwise the file is downloaded to a temporary file in the same folder, its md5
 * checked, and only then renamed into place (atomically where the file system can). A failed or
 * tampered download leaves nothing behind and throws a {@link DownloadException} saying where to
 * put the file by hand.
 *
 * <p>{@link #standard()} downloads from each file's own URL (unless the system property
 * {@code tune4j.offline} or the environment variable {@code TUNE4J_OFFLINE} is {@code true});
 * {@link #mirror} fetches {@code <base>/<file name>} instead (a local mirror, or a test server);
 * {@link #offline()} never touches the network. Immutable and thread-safe: concurrent fetches of
 * the same file each write their own temporary file and the last verified rename wins.
 *
 * <pre>{@code
 * Path archive = Downloader.standard().fetch(Cifar.CIFAR10_ARCHIVE, Path.of("/data/cache"));
 * }</pre>
 */
public final class Downloader {
  /** The system property that switches downloads off. */
  public static final String OFFLINE_PROPERTY = "tune4j.offline";
  /** The environment variable that switches downloads off. */
  public static final String OFFLINE_ENVIRONMENT = "TUNE4J_OFFLINE";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client;
  private final URI mirrorBase;
  private final Duration responseTimeout;

  private Downloader(HttpClient client, URI mirrorBase, Duration responseTimeout) {
    this.client = client;
    this.mirrorBase = mirrorBase;
    this.responseTimeout = responseTimeout;
  }

  /** Downloads from each file's published URL, unless {@code tune4j.offline} / {@code TUNE4J_OFFLINE} is true. */
  public static Downloader standard() {
    if (Boolean.parseBoolean(System.getProperty(OFFLINE_PROPERTY))
        || Boolean.parseBoolean(System.getenv(OFFLINE_ENVIRONMENT))) {
      return offline();
    }
    return of(defaultClient(), RESPONSE_TIMEOUT);
  }

  /**
   * Downloads from each file's published URL with the given client.
   *
   * @param responseTimeout how long to wait for the response headers (the body may take longer)
   */
  public static Downloader of(HttpClient client, Duration responseTimeout) {
    return new Downloader(Objects.requireNonNull(client, "client"), null, positive(responseTimeout));
  }

  /**
   * Downloads {@code <base>/<file name>} instead of the published URL; the md5 is still the
   * published one.
   *
   * @param base an absolute http(s) URL of a folder, such as {@code http://127.0.0.1:8000/files/}
   */
  public static Downloader mirror(URI base, HttpClient client, Duration responseTimeout) {
    Objects.requireNonNull(base, "base");
    if (!base.isAbsolute() || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
      throw new IllegalArgumentException("mirror base " + base + " is not an absolute http(s) URL; give"
          + " one such as http://127.0.0.1:8000/files/");
    }
    URI folder = base.toString().endsWith("/") ? base : URI.create(base + "/");
    return new Downloader(Objects.requireNonNull(client, "client"), folder, positive(responseTimeout));
  }

  /** Never downloads: a file that is not in place fails with the by-hand instructions. */
  public static Downloader offline() {
    return new Downloader(null, null, RESPONSE_TIMEOUT);
  }

  /** The HTTP client {@link #standard()} uses: 20 s connect timeout, redirects followed (not https→http). */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Whether this downloader may use the network. */
  public boolean isOnline() {
    return client != null;
  }

  /** The URL this downloader would fetch the file from. */
  public URI source(PublishedFile file) {
    return mirrorBase == null ? file.url() : mirrorBase.resolve(file.fileName());
  }

  /**
   * Returns {@code folder/<file name>}, checked against the published md5, downloading it first
   * when it is not there.
   *
   * @throws IllegalArgumentException when a copy is there but its md5 differs (delete it)
   * @throws DownloadException when the file is not there and cannot be downloaded and verified
   */
  public Path fetch(PublishedFile file, Path folder) {
    Path target = folder.resolve(file.fileName());
    if (Files.isRegularFile(target)) {
      file.verify(target);
      return target;
    }
    URI from = source(file);
    if (client == null) {
      throw new DownloadException(file, from, target, "downloads are switched off (offline)", null);
    }
    Path temp = null;
    try {
      Files.createDirectories(folder);
      temp = Files.createTempFile(folder, "." + file.fileName() + ".", ".part");
      String actual = download(file, from, target, temp);
      if (!actual.equals(file.md5())) {
        throw new DownloadException(file, from, target, "the downloaded content has md5 " + actual
            + ", not the published " + file.md5() + " (tampered, truncated or another file; it was deleted)", null);
      }
      moveIntoPlace(temp, target);
      return target;
    } catch (IOException e) {
      throw new DownloadException(file, from, target, describe(e), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  /** Streams the body into {@code temp} and returns its md5. */
  private String download(PublishedFile file, URI from, Path target, Path temp) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(from).timeout(responseTimeout).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownloadException(file, from, target, "interrupted", e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new DownloadException(file, from, target, "the server answered HTTP " + response.statusCode(), null);
      }
      MessageDigest digest = PublishedFile.newMd5();
      try (OutputStream out = Files.newOutputStream(temp)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = body.read(buf)) > 0; ) {
          digest.update(buf, 0, n);
          out.write(buf, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return Optional.ofNullable(e.getMessage()).filter(m -> !m.isBlank()).map(m -> kind + ": " + m).orElse(kind);
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // Not thrown: it would hide the error being reported. The leftover is a hidden ".part" file.
    }
  }

  private static Duration positive(Duration d) {
    Objects.requireNonNull(d, "responseTimeout");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("responseTimeout " + d + " must be positive, such as Duration.ofSeconds(60)");
    }
    return d;
  }

  @Override
  public String toString() {
    return client == null ? "Downloader[offline]" : "Downloader[" + (mirrorBase == null ? "published URLs" : mirrorBase) + "]";
  }
}
