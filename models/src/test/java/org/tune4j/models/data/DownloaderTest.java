package org.tune4j.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.fixtures.LocalHttpServer;

/** Downloads from an HTTP server on 127.0.0.1 that the test starts; no other address is contacted. */
class DownloaderTest {
  static final byte[] BODY = "the published content\n".getBytes(StandardCharsets.UTF_8);
  static final PublishedFile FILE = PublishedFile.of("data.bin", md5(BODY), "https://example.invalid/data.bin");

  @TempDir Path dir;

  static String md5(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(PublishedFile.newMd5().digest(bytes));
  }

  private List<Path> filesIn(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }

  @Test
  void aVerifiedDownloadIsRenamedIntoPlaceAndNothingElseIsLeft() throws IOException {
    Path folder = dir.resolve("cache/sub");
    try (LocalHttpServer server = LocalHttpServer.start().serve("data.bin", BODY)) {
      Path got = server.downloader().fetch(FILE, folder);
      assertEquals(folder.resolve("data.bin"), got);
      assertArrayEquals(BODY, Files.readAllBytes(got));
      assertEquals(List.of(got), filesIn(folder));
      assertEquals(1, server.requests());
      server.downloader().fetch(FILE, folder);           // already there and verified: no second request
      assertEquals(1, server.requests());
    }
  }

  @Test
  void aTamperedBodyIsRejectedAndLeavesNoFile() throws IOException {
    byte[] tampered = BODY.clone();
    tampered[3] ^= 1;
    try (LocalHttpServer server = LocalHttpServer.start().serve("data.bin", tampered)) {
      DownloadException e = assertThrows(DownloadException.class, () -> server.downloader().fetch(FILE, dir));
      assertTrue(e.getMessage().contains("has md5 " + md5(tampered) + ", not the published " + FILE.md5()),
          e.getMessage());
      assertTrue(e.getMessage().contains("put it at " + dir.resolve("data.bin")), e.getMessage());
      assertEquals(List.of(), filesIn(dir));
    }
  }

  @Test
  void aTruncatedBodyIsRejectedToo() throws IOException {
    try (LocalHttpServer server = LocalHttpServer.start().serve("data.bin", java.util.Arrays.copyOf(BODY, 5))) {
      assertThrows(DownloadException.class, () -> server.downloader().fetch(FILE, dir));
      assertEquals(List.of(), filesIn(dir));
    }
  }

  @Test
  void a404NamesTheFileTheUrlAndWhereToPutIt() throws IOException {
    try (LocalHttpServer server = LocalHttpServer.start()) {
      DownloadException e = assertThrows(DownloadException.class, () -> server.downloader().fetch(FILE, dir));
      assertEquals("the server answered HTTP 404", e.reason());
      assertTrue(e.getMessage().startsWith("cannot download data.bin from " + server.base() + "data.bin"), e.getMessage());
      assertTrue(e.getMessage().contains("download https://example.invalid/data.bin by hand (md5 " + FILE.md5()
          + ") and put it at " + dir.resolve("data.bin")), e.getMessage());
      assertEquals(List.of(), filesIn(dir));
    }
  }

  @Test
  void aRefusedConnectionNamesTheFileTheUrlAndWhereToPutIt() throws IOException {
    URI closed;
    try (LocalHttpServer server = LocalHttpServer.start()) {
      closed = server.base();                         // the port is free again once the server stops
    }
    Downloader d = Downloader.mirror(closed, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
        Duration.ofSeconds(5));
    DownloadException e = assertThrows(DownloadException.class, () -> d.fetch(FILE, dir));
    assertTrue(e.reason().startsWith("ConnectException"), e.reason());
    assertTrue(e.getMessage().contains("data.bin") && e.getMessage().contains(closed + "data.bin")
        && e.getMessage().contains("put it at " + dir.resolve("data.bin")), e.getMessage());
    assertEquals(List.of(), filesIn(dir));
  }

  @Test
  void offlineUsesAVerifiedCopyAndOtherwiseSaysWhereToPutTheFile() throws IOException {
    DownloadException e = assertThrows(DownloadException.class, () -> Downloader.offline().fetch(FILE, dir));
    assertTrue(e.getMessage().contains("switched off"), e.getMessage());
    assertEquals(FILE.url(), Downloader.offline().source(FILE));
    Files.write(dir.resolve("data.bin"), BODY);
    assertEquals(dir.resolve("data.bin"), Downloader.offline().fetch(FILE, dir));
  }

  @Test
  void aCopyInPlaceWithTheWrongMd5IsReportedNotReplaced() throws IOException {
    Path copy = Files.write(dir.resolve("data.bin"), "something else".getBytes(StandardCharsets.UTF_8));
    try (LocalHttpServer server = LocalHttpServer.start().serve("data.bin", BODY)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> server.downloader().fetch(FILE, dir));
      assertTrue(e.getMessage().contains(copy + " has md5 " + PublishedFile.md5Of(copy)), e.getMessage());
      assertTrue(e.getMessage().contains("delete it"), e.getMessage());
      assertEquals(0, server.requests());
    }
  }

  @Test
  void publishedFilesAndMirrorsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> PublishedFile.of("a/b", FILE.md5(), "https://x/"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PublishedFile.of("a", "ABC", "https://x/"));
    assertTrue(e.getMessage().contains("md5 \"ABC\" of a"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Downloader.mirror(URI.create("ftp://127.0.0.1/"), HttpClient.newHttpClient(), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> Downloader.of(HttpClient.newHttpClient(), Duration.ZERO));
    assertFalse(Downloader.offline().isOnline());
  }

  @Test
  void theCacheFolderFollowsTheSystemProperty() {
    String before = System.getProperty(CacheFolder.PROPERTY);
    try {
      System.setProperty(CacheFolder.PROPERTY, dir.toString());
      assertEquals(dir.resolve("datasets"), CacheFolder.fromEnvironment().datasets());
      assertEquals(dir.resolve("weights"), CacheFolder.fromEnvironment().weights());
    } finally {
      if (before == null) {
        System.clearProperty(CacheFolder.PROPERTY);
      } else {
        System.setProperty(CacheFolder.PROPERTY, before);
      }
    }
  }
}
