package org.tune4j.models.backend;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses and starts ND4J's native build for this processor, once per process.
 *
 * <p>ND4J loads its native library the first time it is used, and JavaCPP picks the build from
 * the system property {@value #PLATFORM_EXTENSION_PROPERTY}. {@link #initialize()} sets that
 * property to the fastest build this processor runs (oneDNN AVX-512, else oneDNN AVX2, else
 * generic), enables DL4J's layer helpers (off by default in 1.0.0-M2.1, which costs convolutions
 * their oneDNN path), loads ND4J, and logs one line saying which build and instruction set are in
 * use. It also makes OpenMP's threads spin only briefly between native calls ({@link OpenMpWaitPolicy}),
 * which only works before the native library loads. Every tune4j entry point that touches ND4J calls it first; calling it again returns the
 * same answer.
 *
 * <p>A user may force a build with {@code -Dtune4j.nd4j.build=avx512|avx2|generic} (or the
 * environment variable {@code TUNE4J_ND4J_BUILD}); a property the user set explicitly is never
 * overwritten.
 *
 * <p>Thread-safe. This class holds the one piece of process-wide state in tune4j, because the
 * native library itself is process-wide.
 */
public final class NativeBackend {
  /** JavaCPP's system property naming the platform extension to load. */
  public static final String PLATFORM_EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
  /** DL4J's switch for its oneDNN layer helpers; {@code true} by default in 1.0.0-M2.1. */
  public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
  /** tune4j's override for the native build. */
  public static final String BUILD_OVERRIDE_PROPERTY = "tune4j.nd4j.build";

  private static final Logger LOG = LoggerFactory.getLogger(NativeBackend.class);
  private static final Object LOCK = new Object();
  private static BackendInfo info;

  private NativeBackend() {}

  /**
   * Selects the native build, loads ND4J and logs the choice; later calls return the first result.
   *
   * @return what was loaded
   */
  public static BackendInfo initialize() {
    synchronized (LOCK) {
      if (info == null) {
        info = load();
        LOG.info(info.summary());
      }
      return info;
    }
  }

  /** The build this process would choose, without loading anything. */
  public static NativeBuild choose(CpuFeatures cpu, String override) {
    if (override != null && !override.isBlank()) {
      return NativeBuild.parse(override);
    }
    return NativeBuild.bestFor(cpu);
  }

  private static BackendInfo load() {
    CpuFeatures cpu = CpuFeatures.detect();
    String override = System.getProperty(BUILD_OVERRIDE_PROPERTY, System.getenv("TUNE4J_ND4J_BUILD"));
    NativeBuild chosen = choose(cpu, override);
    if (System.getProperty(PLATFORM_EXTENSION_PROPERTY) == null) {
      System.setProperty(PLATFORM_EXTENSION_PROPERTY, chosen.extension());
    }
    if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
      System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
    }
    String openMp = OpenMpWaitPolicy.apply();
    Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
    String buildInfo = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    String requested = System.getProperty(PLATFORM_EXTENSION_PROPERTY);
    return new BackendInfo(
        chosen,
        requested,
        !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLE_PROPERTY)),
        String.valueOf(env.getProperty("backend")),
        buildInfo == null ? "" : buildInfo,
        openMp,
        cpu);
  }
}
