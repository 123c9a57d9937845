package org.tune4j.models.backend;

import java.util.Locale;
import java.util.Objects;

/**
 * What {@link NativeBackend#initialize()} loaded: the build chosen, whether DL4J's helpers are on,
 * and ND4J's own description of its native library.
 *
 * @param chosen the build tune4j selected for this processor (or the user's override)
 * @param loadedExtension the JavaCPP platform extension in force when ND4J loaded
 * @param helpersEnabled whether DL4J's oneDNN layer helpers are enabled
 * @param backend ND4J's backend name, such as {@code CPU}
 * @param buildInfo ND4J's native build description (compiler flags, oneDNN, BLAS)
 * @param openMp how OpenMP's threads wait between native calls, such as {@code GOMP_SPINCOUNT=10000}
 * @param cpu the processor flags read at start
 */
public record BackendInfo(
    NativeBuild chosen,
    String loadedExtension,
    boolean helpersEnabled,
    String backend,
    String buildInfo,
    String openMp,
    CpuFeatures cpu) {

  /** Validates that no component is null. */
  public BackendInfo {
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(loadedExtension, "loadedExtension");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(buildInfo, "buildInfo");
    Objects.requireNonNull(openMp, "openMp");
    Objects.requireNonNull(cpu, "cpu");
  }

  /** Whether ND4J's native library reports that it was built with oneDNN. */
  public boolean oneDnn() {
    return buildInfo.toUpperCase(Locale.ROOT).contains("ONEDNN")
        || buildInfo.toUpperCase(Locale.ROOT).contains("MKLDNN");
  }

  /** One line for the log: build, instruction set, helpers and OpenMP wait policy. */
  public String summary() {
    String isa = chosen == NativeBuild.ONEDNN_AVX512 ? "AVX-512"
        : chosen == NativeBuild.ONEDNN_AVX2 ? "AVX2" : "generic x86-64";
    return String.format(Locale.ROOT,
        "ND4J native build nd4j-native:%s (%s, oneDNN %s), %s backend, DL4J layer helpers %s, %s",
        "linux-x86_64" + loadedExtension, isa, oneDnn() ? "yes" : "no", backend,
        helpersEnabled ? "enabled" : "disabled", openMp);
  }
}
