package org.tune4j.models.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tune4j.models.data.Preprocessing;
import org.tune4j.models.data.PublishedFile;

/** The families say what Keras' {@code keras/src/applications/resnet.py} says. */
class BackboneFamilyTest {
  @Test
  void namesAreKerasModelNamesAndParseIgnoresCase() {
    assertEquals(List.of("resnet50", "resnet101", "resnet152", "resnet50v2", "resnet101v2", "resnet152v2"),
        BackboneFamily.names());
    assertEquals(BackboneFamily.RESNET101, BackboneFamily.parse(" ResNet101 "));
    assertEquals(BackboneFamily.RESNET101V2, BackboneFamily.parse("ResNet101V2"));
    assertEquals("ResNet152", BackboneFamily.RESNET152.applicationName());
    assertEquals("ResNet50V2", BackboneFamily.RESNET50V2.applicationName());
    assertEquals("ResNet152V2", BackboneFamily.RESNET152V2.applicationName());
  }

  @Test
  void anUnknownNameIsNamedWithTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackboneFamily.parse("resnet18"));
    assertEquals("backbone \"resnet18\" is not known; choose from: resnet50, resnet101, resnet152, resnet50v2, resnet101v2, resnet152v2", e.getMessage());
  }

  @Test
  void blocksPerStageAreKeras() {
    assertEquals(List.of(3, 4, 6, 3), BackboneFamily.RESNET50.blocksPerStage());
    assertEquals(List.of(3, 4, 23, 3), BackboneFamily.RESNET101.blocksPerStage());
    assertEquals(List.of(3, 8, 36, 3), BackboneFamily.RESNET152.blocksPerStage());
    assertEquals(List.of(3, 4, 6, 3), BackboneFamily.RESNET50V2.blocksPerStage());
    assertEquals(List.of(3, 4, 23, 3), BackboneFamily.RESNET101V2.blocksPerStage());
    assertEquals(List.of(3, 8, 36, 3), BackboneFamily.RESNET152V2.blocksPerStage());
    for (BackboneFamily f : BackboneFamily.values()) {
      assertEquals(64, f.stemFilters(), f.kerasName());
      assertEquals(List.of(64, 128, 256, 512), f.filtersPerStage(), f.kerasName());
    }
  }

  @Test
  void notopWeightsAreKerasPublishedFilesWithTheirMd5() {
    String base = "https://storage.googleapis.com/tensorflow/keras-applications/resnet/";
    assertEquals(PublishedFile.of("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "4d473c1dd8becc155b73f8504c6f6626", base + "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5"),
        BackboneFamily.RESNET50.notopWeights());
    assertEquals(PublishedFile.of("resnet101_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "88cf7a10940856eca736dc7b7e228a21", base + "resnet101_weights_tf_dim_ordering_tf_kernels_notop.h5"),
        BackboneFamily.RESNET101.notopWeights());
    assertEquals(PublishedFile.of("resnet152_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "ee4c566cf9a93f14d82f913c2dc6dd0c", base + "resnet152_weights_tf_dim_ordering_tf_kernels_notop.h5"),
        BackboneFamily.RESNET152.notopWeights());
  }

  /** Keras' {@code WEIGHTS_HASHES} of {@code resnet.py}, the notop entry of each v2 model, same folder. */
  @Test
  void v2NotopWeightsAreKerasPublishedFilesWithTheirMd5() {
    String base = "https://storage.googleapis.com/tensorflow/keras-applications/resnet/";
    assertEquals(PublishedFile.of("resnet50v2_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "fac2f116257151a9d068a22e544a4917", base + "resnet50v2_weights_tf_dim_ordering_tf_kernels_notop.h5"),
        BackboneFamily.RESNET50V2.notopWeights());
    assertEquals(PublishedFile.of("resnet101v2_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "c0ed64b8031c3730f411d2eb4eea35b5", base + "resnet101v2_weights_tf_dim_ordering_tf_kernels_notop.h5"),
        BackboneFamily.RESNET101V2.notopWeights());
    assertEquals(PublishedFile.of("resnet152v2_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "ed17cf2e0169df9d443503ef94b23b33", base + "resnet152v2_weights_tf_dim_ordering_tf_kernels_notop.h5"),
        BackboneFamily.RESNET152V2.notopWeights());
  }

  @Test
  void v1TakesCaffeAndV2TakesTfPreprocessingAndAllTheFusedPlan() {
    for (BackboneFamily f : BackboneFamily.values()) {
      boolean v2 = f.kerasName().endsWith("v2");
      assertEquals(v2 ? ResNetVersion.V2 : ResNetVersion.V1, f.version(), f.kerasName());
      assertEquals(v2 ? Preprocessing.TF : Preprocessing.CAFFE, f.preprocessing(), f.kerasName());
      assertEquals(true, f.hasFusedPlan(), f.kerasName());
    }
    assertEquals(3, java.util.Arrays.stream(BackboneFamily.values()).filter(f -> f.version() == ResNetVersion.V2)
        .count());
  }
}
