package org.tune4j.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.fixtures.LocalHttpServer;

/** {@link Datasets} on cache folders the tests fill; downloads only from a server on 127.0.0.1. */
class DatasetsTest {
  @TempDir Path cache;

  @Test
  void anExtractedFolderInTheCacheIsRead() {
    TarFixture.cifar10Members(true).forEach((name, bytes) -> TarFixture.write(cache.resolve(name), bytes));
    TrainTest t = Datasets.cifar10(cache, Downloader.offline());
    assertEquals(10, t.train().size());
    assertArrayEquals(new int[] {9, 0, 5}, t.test().labels());
  }

  @Test
  void anArchiveThatClaimsToBeThePublishedOneMustHaveItsMd5() {
    Path fake = TarFixture.write(cache.resolve("cifar-10-binary.tar.gz"),
        TarFixture.tarGz(TarFixture.cifar10Members(true)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Datasets.cifar10(cache, Downloader.offline()));
    assertTrue(e.getMessage().contains(fake + " has md5 " + PublishedFile.md5Of(fake)
        + " but the published cifar-10-binary.tar.gz has md5 c32a1d4ab5d03f1284b67883e8d87530"), e.getMessage());
    assertTrue(e.getMessage().contains("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"), e.getMessage());
  }

  @Test
  void offlineWithoutTheArchiveSaysWhichFileToPutWhere() {
    DownloadException e = assertThrows(DownloadException.class, () -> Datasets.cifar10(cache, Downloader.offline()));
    assertTrue(e.getMessage().contains("download https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz by hand"
        + " (md5 c32a1d4ab5d03f1284b67883e8d87530) and put it at " + cache.resolve("cifar-10-binary.tar.gz")),
        e.getMessage());
    DownloadException e100 = assertThrows(DownloadException.class,
        () -> Datasets.cifar100(cache, Downloader.offline(), Cifar.Labels.FINE));
    assertTrue(e100.getMessage().contains("cifar-100-binary.tar.gz by hand (md5 03b5dce01913d631647c71ecec9e9cb8)"),
        e100.getMessage());
  }

  @Test
  void aMirrorServingAnotherArchiveIsRejectedAndLeavesNothingInTheCache() throws IOException {
    try (LocalHttpServer server = LocalHttpServer.start()
        .serve("cifar-10-binary.tar.gz", TarFixture.tarGz(TarFixture.cifar10Members(true)))) {
      DownloadException e = assertThrows(DownloadException.class, () -> Datasets.cifar10(cache, server.downloader()));
      assertTrue(e.getMessage().contains("not the published c32a1d4ab5d03f1284b67883e8d87530"), e.getMessage());
      assertEquals(1, server.requests());
      try (Stream<Path> left = Files.list(cache)) {
        assertFalse(left.findAny().isPresent());
      }
    }
  }
}
