package org.tune4j.spark.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.ImageTransforms;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.spec.ModelSpec;
import org.tune4j.models.tune.FeatureCache;
import org.tune4j.models.tune.FeaturizeStats;
import org.tune4j.models.tune.ImageSplit;
import org.tune4j.models.tune.StoreMirror;
import org.tune4j.models.tune.StoreMirrors;

/**
 * A feature store at a Hadoop URI ({@code file:} through Hadoop's own local file system): what one JVM featurizes
 * into its local copy reaches another JVM's copy, which then computes nothing.
 */
class HadoopStoreMirrorTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty(HadoopStoreMirror.LOCAL_PROPERTY);
  }

  private static ImageSplit split() {
    TrainTest sample = EmbeddedSample.fashionMnist();
    return ImageSplit.of(new TrainTest(prep(sample.train().firstPerClass(3)), prep(sample.test().firstPerClass(1))));
  }

  private static org.tune4j.models.data.ImageSet prep(org.tune4j.models.data.ImageSet s) {
    return ImageTransforms.scale01(ImageTransforms.toRgb(ImageTransforms.padTo(s, 32, 32)));
  }

  /** A cache on the mirror of {@code uri} whose local copy is {@code local}, as on a node of its own. */
  private static FeatureCache cacheOn(String uri, Path local) {
    System.setProperty(HadoopStoreMirror.LOCAL_PROPERTY, local.toString());
    return FeatureCache.mirrored(StoreMirrors.forUri(uri));
  }

  @Test
  void shardsWrittenOnOneNodeAreReadOnAnotherThroughTheUri() throws IOException {
    String uri = dir.resolve("remote").toUri().toString();
    ModelSpec spec = org.tune4j.spark.SparkFixturesAccess.finalSpec();
    FeaturizeStats first = split().withFeatureCache(cacheOn(uri, dir.resolve("node-a"))).featurize(spec, 2, p -> { });
    assertEquals(40, first.computed());
    assertTrue(count(dir.resolve("remote"), ".t4js") >= 1, "node a sent its shards");
    assertEquals(0, count(dir.resolve("remote"), ".tmp"), "no temporary file is left at the URI");

    FeaturizeStats second = split().withFeatureCache(cacheOn(uri, dir.resolve("node-b"))).featurize(spec, 2, p -> { });
    assertEquals(0, second.computed(), "node b fetched every row's features from the URI");
    assertEquals(40, second.fromCache());
    assertEquals(count(dir.resolve("node-a"), ".t4js"), count(dir.resolve("node-b"), ".t4js"));
  }

  @Test
  void aPushSendsOnlyWhatTheUriLacksAndAUriWithoutSchemeIsRefused() throws IOException {
    StoreMirror mirror = HadoopStoreMirror.of(dir.resolve("remote").toUri().toString());
    Path store = Files.createDirectories(dir.resolve("local").resolve("store-x"));
    Files.writeString(store.resolve("shard-1.t4js"), "one");
    Files.writeString(store.resolve("shard-2.t4js.tmp"), "half written");
    mirror.push(store);
    Path remote = dir.resolve("remote").resolve("store-x");
    assertTrue(Files.exists(remote.resolve("shard-1.t4js")));
    assertTrue(Files.notExists(remote.resolve("shard-2.t4js.tmp")), "a temporary file is not sent");
    Files.writeString(remote.resolve("shard-1.t4js"), "kept");
    Files.writeString(store.resolve("shard-3.t4js"), "three");
    mirror.push(store);
    assertEquals("kept", Files.readString(remote.resolve("shard-1.t4js")), "a shard the URI has is not sent again");
    assertEquals("three", Files.readString(remote.resolve("shard-3.t4js")));
    String bad = assertThrows(IllegalArgumentException.class, () -> HadoopStoreMirror.of("features/here"))
        .getMessage();
    assertEquals("feature store \"features/here\" has no scheme; give hdfs://…, s3a://… or file:/…, or a plain"
        + " folder every node sees without a mirror", bad);
    String folder = assertThrows(IllegalArgumentException.class, () -> StoreMirrors.forUri("/shared/features"))
        .getMessage();
    assertEquals("feature store \"/shared/features\": none of [HadoopStoreMirrorProvider] accepts it; give a URI with"
        + " a scheme (hdfs://…, s3a://…, file:/…), or keep the features in a folder every node sees"
        + " (FeatureCache.at(folder); in jobs, the output folder)", folder);
  }

  private static long count(Path root, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    }
  }
}
