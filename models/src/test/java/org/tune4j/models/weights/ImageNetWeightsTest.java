package org.tune4j.models.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.backbone.Backbone;
import org.tune4j.models.backbone.BackboneNetwork;
import org.tune4j.models.data.DownloadException;
import org.tune4j.models.data.Downloader;
import org.tune4j.models.data.PublishedFile;
import org.tune4j.models.fixtures.KerasH5Fixture;
import org.tune4j.models.fixtures.LocalHttpServer;
import org.tune4j.models.zoo.BackboneFamily;

/**
 * Resolving {@link Weights#imagenet()} over folders the tests make, and downloading a weights file
 * from a server on 127.0.0.1; the real file (94 MB) is never needed and no other host is contacted.
 */
class ImageNetWeightsTest {
  static final String NAME = PublishedWeights.RESNET50_NOTOP.fileName();

  @TempDir Path dir;

  private ImageNetWeights resolver(Downloader downloader) {
    return ImageNetWeights.of(new KerasModelsCache(dir.resolve("keras")), dir.resolve("tune4j"), downloader);
  }

  @Test
  void kerasCopyComesFirstAndIsCheckedWhenLoaded() throws IOException {
    Path keras = Files.createDirectories(dir.resolve("keras")).resolve(NAME);
    Files.writeString(keras, "not really weights");
    Files.createDirectories(dir.resolve("tune4j"));
    Files.writeString(dir.resolve("tune4j").resolve(NAME), "also not");
    assertEquals(keras, resolver(Downloader.offline()).resolve());
  }

  @Test
  void aCorruptCopyInTune4jsCacheIsRejectedWithItsMd5() throws IOException {
    Path copy = Files.createDirectories(dir.resolve("tune4j")).resolve(NAME);
    Files.writeString(copy, "truncated");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver(Downloader.offline()).resolve());
    assertTrue(e.getMessage().contains(copy + " has md5 " + PublishedFile.md5Of(copy)), e.getMessage());
    assertTrue(e.getMessage().contains(PublishedWeights.RESNET50_NOTOP.md5()), e.getMessage());
  }

  @Test
  void offlineAndNowhereNamesTheFileTheUrlAndBothFolders() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> resolver(Downloader.offline()).resolve());
    String m = e.getMessage();
    assertTrue(m.contains(NAME + " are not in " + dir.resolve("keras") + " nor in " + dir.resolve("tune4j")), m);
    assertTrue(m.contains("Download " + PublishedWeights.RESNET50_NOTOP.url() + " by hand (md5 "
        + PublishedWeights.RESNET50_NOTOP.md5() + ") and put it in either folder"), m);
    assertInstanceOf(DownloadException.class, e.getCause());
  }

  @Test
  void aDownloadThatIsNotThePublishedFileIsRejectedAndLeavesNoFile() throws IOException {
    try (LocalHttpServer server = LocalHttpServer.start().serve(NAME, "tampered weights".getBytes())) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> resolver(server.downloader()).resolve());
      assertTrue(e.getMessage().contains("the download from " + server.base() + NAME + " failed"), e.getMessage());
      assertTrue(e.getMessage().contains("not the published " + PublishedWeights.RESNET50_NOTOP.md5()), e.getMessage());
      assertEquals(1, server.requests());
      try (Stream<Path> left = Files.list(dir.resolve("tune4j"))) {
        assertEquals(List.of(), left.toList());
      }
    }
  }

  @Test
  void aVerifiedWeightsDownloadLoadsAndItsCorruptAndTruncatedCopiesDoNot() throws IOException {
    Path made = dir.resolve("made.h5");
    KerasH5Fixture.write(Backbone.resnet(KerasWeightsLoaderTest.TINY, Weights.random(3)).inputSize(32, 32)
        .build().graph(), made, Set.of());
    byte[] h5 = Files.readAllBytes(made);
    PublishedFile published = PublishedFile.of("tiny.h5", PublishedFile.md5Of(made), "https://example.invalid/tiny.h5");
    try (LocalHttpServer server = LocalHttpServer.start().serve("tiny.h5", h5)) {
      Path got = server.downloader().fetch(published, dir.resolve("cache"));
      BackboneNetwork net = Backbone.resnet(KerasWeightsLoaderTest.TINY, Weights.file(got)).inputSize(32, 32).build();
      assertEquals(net.graph().numParams(), Backbone.resnet(KerasWeightsLoaderTest.TINY, Weights.random(3))
          .inputSize(32, 32).build().graph().numParams());
      byte[] corrupt = h5.clone();
      corrupt[h5.length / 3] ^= 0x5A;
      for (byte[] bad : new byte[][] {corrupt, Arrays.copyOf(h5, h5.length / 2)}) {
        server.serve("tiny.h5", bad);
        Path other = dir.resolve("other-" + bad.length);
        assertThrows(DownloadException.class, () -> server.downloader().fetch(published, other));
        assertTrue(Files.notExists(other.resolve("tiny.h5")));
      }
    }
  }

  @Test
  void imagenetWeightsAreForTheKerasFamiliesOnly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Backbone.resnet(KerasWeightsLoaderTest.TINY, Weights.imagenet()).inputSize(32, 32)
            .build(resolver(Downloader.offline())));
    assertTrue(e.getMessage().contains("Weights.imagenet() holds Keras' published weights of resnet50, resnet101,"
        + " resnet152, resnet50v2, resnet101v2, resnet152v2 but this backbone is resnet-custom"), e.getMessage());
    IllegalArgumentException v2 = assertThrows(IllegalArgumentException.class,
        () -> Backbone.resnet(KerasWeightsLoaderTest.TINY_V2, Weights.imagenet()).inputSize(32, 32)
            .build(resolver(Downloader.offline())));
    assertTrue(v2.getMessage().contains("but this backbone is resnetv2-custom"), v2.getMessage());
  }

  @Test
  void buildingResNet50WithImagenetWeightsResolvesThemFirst() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Backbone.resnet50(Weights.imagenet()).inputSize(32, 32).build(resolver(Downloader.offline())));
    assertTrue(e.getMessage().contains(NAME), e.getMessage());
    assertEquals("Keras ImageNet weights (the backbone's published notop file)", Weights.imagenet().describe());
    assertEquals(Weights.imagenet(), new Weights.ImageNet());
  }

  @Test
  void aV2FamilyResolvesItsOwnPublishedFile() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Backbone.of(BackboneFamily.RESNET50V2, Weights.imagenet()).inputSize(32, 32)
            .build(resolver(Downloader.offline())));
    PublishedWeights v2 = PublishedWeights.of(BackboneFamily.RESNET50V2);
    assertEquals("resnet50v2_weights_tf_dim_ordering_tf_kernels_notop.h5", v2.fileName());
    assertTrue(e.getMessage().contains(v2.fileName() + " are not in"), e.getMessage());
    assertTrue(e.getMessage().contains("Download " + v2.url() + " by hand (md5 " + v2.md5() + ")"), e.getMessage());
  }

  @Test
  void eachFamilyResolvesItsOwnPublishedFile() throws IOException {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Backbone.of(BackboneFamily.RESNET101, Weights.imagenet()).inputSize(32, 32)
            .build(resolver(Downloader.offline())));
    PublishedWeights resnet101 = PublishedWeights.of(BackboneFamily.RESNET101);
    assertTrue(e.getMessage().contains(resnet101.fileName() + " are not in"), e.getMessage());
    assertTrue(e.getMessage().contains("Download " + resnet101.url() + " by hand (md5 " + resnet101.md5() + ")"),
        e.getMessage());
    PublishedWeights resnet152 = PublishedWeights.of(BackboneFamily.RESNET152);
    Path keras = Files.createDirectories(dir.resolve("keras")).resolve(resnet152.fileName());
    Files.writeString(keras, "checked when loaded");
    assertEquals(keras, resolver(Downloader.offline()).resolve(resnet152));
  }
}
