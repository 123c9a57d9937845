package org.tune4j.models.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tune4j.models.data.EmbeddedSample;
import org.tune4j.models.data.TrainTest;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.tuning.execution.EngineRecipe;
import org.tune4j.tuning.execution.PortableEngine;

/** The recipe a cluster worker builds tune4j's engine from: refused with the fix when it cannot be made or opens other images. */
class ImageEngineRecipeTest {
  @TempDir Path dir;

  private static ImageSource images(int perClass) {
    TrainTest sample = EmbeddedSample.fashionMnist();
    return ImageSources.of(TuneGridTest.prepare(sample.train().firstPerClass(perClass)));
  }

  private static ImageSource fourPerClass() {
    return images(4);
  }

  private static ImageSource threePerClass() {
    return images(3);
  }

  @Test
  void aWorkerThatOpensOtherImagesFailsNamingBothCounts() {
    ImageData data = ImageData.of(fourPerClass()).withRecipe(ImageEngineRecipeTest::threePerClass)
        .withFeatureCache(FeatureCache.at(dir));
    EngineRecipe recipe = ((PortableEngine) data.engine(TuneGridTest.spec())).recipe();
    String message = assertThrows(IllegalStateException.class, recipe::build).getMessage();
    assertTrue(message.startsWith("the image recipe opened 30 images of levels ["), message);
    assertTrue(message.contains("but the driver has 40 of levels ["), message);
    assertTrue(message.endsWith("every node must see the same images at the same paths"), message);
  }

  @Test
  void dataWithoutASharedStoreIsNotPortableAndSaysWhy() {
    PortableEngine engine = (PortableEngine) ImageData.of(fourPerClass()).withRecipe(ImageEngineRecipeTest::fourPerClass)
        .engine(TuneGridTest.spec());
    assertEquals("the features have no shared store; give the data or split"
        + " withFeatureCache(FeatureCache.at(<a folder every worker sees>))", engine.notPortableReason().orElseThrow());
    String message = assertThrows(IllegalStateException.class, engine::recipe).getMessage();
    assertEquals("this engine cannot run on other machines: " + engine.notPortableReason().orElseThrow(), message);
  }
}
