package org.tune4j.models.zoo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tune4j.models.data.Preprocessing;
import org.tune4j.models.data.PublishedFile;

/**
 * The pretrained backbones tune4j builds, one constant each: the one place that says what a backbone
 * is. Each constant gives the model's name as Keras calls it, its residual block ({@link ResNetVersion}),
 * its topology (stem width, bottleneck blocks and filters per stage), Keras' published ImageNet
 * weights without the top (file name and md5), the preprocessing mode those weights were trained
 * with, and whether the fused inference plan runs it. Everything else derives from it: the DL4J graph
 * with Keras' layer names ({@code org.tune4j.models.backbone.ResNetArchitecture#of(BackboneFamily)}),
 * the spec block ({@code Blocks.backbone(name, weights)}) and the job's {@code backbone: {name: ...}},
 * the weights check and download ({@code PublishedWeights.of(family)}), and the feature cache's key
 * (the architecture's name, version and topology).
 *
 * <table>
 *   <caption>The families, as Keras' {@code resnet.py} and {@code resnet_v2.py} build them</caption>
 *   <tr><th>name</th><th>block</th><th>blocks per stage</th><th>parameters without the top</th>
 *       <th>preprocessing</th></tr>
 *   <tr><td>{@code resnet50}</td><td>v1</td><td>3, 4, 6, 3</td><td>23,587,712</td><td>caffe</td></tr>
 *   <tr><td>{@code resnet101}</td><td>v1</td><td>3, 4, 23, 3</td><td>42,658,176</td><td>caffe</td></tr>
 *   <tr><td>{@code resnet152}</td><td>v1</td><td>3, 8, 36, 3</td><td>58,370,944</td><td>caffe</td></tr>
 *   <tr><td>{@code resnet50v2}</td><td>v2</td><td>3, 4, 6, 3</td><td>23,564,800</td><td>tf</td></tr>
 *   <tr><td>{@code resnet101v2}</td><td>v2</td><td>3, 4, 23, 3</td><td>42,626,560</td><td>tf</td></tr>
 *   <tr><td>{@code resnet152v2}</td><td>v2</td><td>3, 8, 36, 3</td><td>58,331,648</td><td>tf</td></tr>
 * </table>
 *
 * <p>All have a 7×7 stem of 64 filters and bottleneck filters 64, 128, 256, 512 (×4 out: 2,048
 * channels). Their weights files share Keras' legacy HDF5 layout (a group per layer name, HWIO
 * kernels), which {@code KerasWeightsLoader} reads by those layer names. Adding one means adding a
 * constant here. Immutable and thread-safe.
 *
 * <pre>{@code
 * BackboneFamily f = BackboneFamily.parse("resnet101v2");
 * Backbone b = Backbone.of(f, Weights.imagenet()).inputSize(32, 32);
 * }</pre>
 */
public enum BackboneFamily {
  /** Keras' {@code ResNet50}: blocks 3, 4, 6, 3; 23,587,712 parameters without the top. */
  RESNET50("resnet50", "ResNet50", ResNetVersion.V1, List.of(3, 4, 6, 3),
      "4d473c1dd8becc155b73f8504c6f6626", Preprocessing.CAFFE, true),
  /** Keras' {@code ResNet101}: blocks 3, 4, 23, 3; 42,658,176 parameters without the top. */
  RESNET101("resnet101", "ResNet101", ResNetVersion.V1, List.of(3, 4, 23, 3),
      "88cf7a10940856eca736dc7b7e228a21", Preprocessing.CAFFE, true),
  /** Keras' {@code ResNet152}: blocks 3, 8, 36, 3; 58,370,944 parameters without the top. */
  RESNET152("resnet152", "ResNet152", ResNetVersion.V1, List.of(3, 8, 36, 3),
      "ee4c566cf9a93f14d82f913c2dc6dd0c", Preprocessing.CAFFE, true),
  /** Keras' {@code ResNet50V2}: pre-activation blocks 3, 4, 6, 3; 23,564,800 parameters without the top. */
  RESNET50V2("resnet50v2", "ResNet50V2", ResNetVersion.V2, List.of(3, 4, 6, 3),
      "fac2f116257151a9d068a22e544a4917", Preprocessing.TF, true),
  /** Keras' {@code ResNet101V2}: pre-activation blocks 3, 4, 23, 3; 42,626,560 parameters without the top. */
  RESNET101V2("resnet101v2", "ResNet101V2", ResNetVersion.V2, List.of(3, 4, 23, 3),
      "c0ed64b8031c3730f411d2eb4eea35b5", Preprocessing.TF, true),
  /** Keras' {@code ResNet152V2}: pre-activation blocks 3, 8, 36, 3; 58,331,648 parameters without the top. */
  RESNET152V2("resnet152v2", "ResNet152V2", ResNetVersion.V2, List.of(3, 8, 36, 3),
      "ed17cf2e0169df9d443503ef94b23b33", Preprocessing.TF, true);

  /** Output channels of every family's {@code conv1_conv}. */
  private static final int STEM_FILTERS = 64;
  /** Bottleneck width of stages 2 to 5 in every family. */
  private static final List<Integer> FILTERS = List.of(64, 128, 256, 512);

  /** Where Keras downloads the ResNet weights from ({@code BASE_WEIGHTS_PATH} of its resnet module). */
  public static final String KERAS_RESNET_WEIGHTS_URL =
      "https://storage.googleapis.com/tensorflow/keras-applications/resnet/";

  private final String kerasName;
  private final String applicationName;
  private final ResNetVersion version;
  private final List<Integer> blocksPerStage;
  private final String notopMd5;
  private final Preprocessing preprocessing;
  private final boolean fusedPlan;

  BackboneFamily(String kerasName, String applicationName, ResNetVersion version, List<Integer> blocksPerStage,
      String notopMd5, Preprocessing preprocessing, boolean fusedPlan) {
    this.kerasName = kerasName;
    this.applicationName = applicationName;
    this.version = version;
    this.blocksPerStage = blocksPerStage;
    this.notopMd5 = notopMd5;
    this.preprocessing = preprocessing;
    this.fusedPlan = fusedPlan;
  }

  /** The model's name in Keras ({@code model_name}, e.g. {@code resnet101}): in specs, jobs and file names. */
  public String kerasName() {
    return kerasName;
  }

  /** The Keras application that builds it, e.g. {@code ResNet101} ({@code keras.applications.ResNet101}). */
  public String applicationName() {
    return applicationName;
  }

  /** The residual block it stacks: v1 post-activation or v2 pre-activation. */
  public ResNetVersion version() {
    return version;
  }

  /** Output channels of {@code conv1_conv}. */
  public int stemFilters() {
    return STEM_FILTERS;
  }

  /** Bottleneck blocks in stages 2, 3, 4, 5 ({@code conv2_block1} …). */
  public List<Integer> blocksPerStage() {
    return blocksPerStage;
  }

  /** Bottleneck width of stages 2, 3, 4, 5; each stage outputs four times as many channels. */
  public List<Integer> filtersPerStage() {
    return FILTERS;
  }

  /** Keras' file of ImageNet weights without the top: name, md5 and URL, as Keras' {@code get_file} fetches it. */
  public PublishedFile notopWeights() {
    String fileName = kerasName + "_weights_tf_dim_ordering_tf_kernels_notop.h5";
    return PublishedFile.of(fileName, notopMd5, KERAS_RESNET_WEIGHTS_URL + fileName);
  }

  /** The preprocessing Keras' {@code preprocess_input} applies for these weights. */
  public Preprocessing preprocessing() {
    return preprocessing;
  }

  /**
   * Whether the fused inference plan ({@code org.tune4j.models.fused.FusedResNet}) runs it; DL4J's graph
   * otherwise. It runs both block versions.
   */
  public boolean hasFusedPlan() {
    return fusedPlan;
  }

  /** Every family's Keras name, in declaration order: the choices of a backbone's name. */
  public static List<String> names() {
    return Arrays.stream(values()).map(BackboneFamily::kerasName).toList();
  }

  /**
   * The family Keras calls {@code name} (any case, surrounding blanks ignored).
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static BackboneFamily parse(String name) {
    String wanted = Objects.requireNonNull(name, "backbone name").strip().toLowerCase(Locale.ROOT);
    for (BackboneFamily f : values()) {
      if (f.kerasName.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("backbone \"" + name + "\" is not known; choose from: "
        + String.join(", ", names()));
  }
}
