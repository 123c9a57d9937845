package org.tune4j.models.backend;

import java.util.Locale;
import java.util.Set;

/**
 * The ND4J native builds that tune4j ships for Linux x86-64, best first.
 *
 * <p>Each constant names the JavaCPP platform extension of its {@code nd4j-native} classifier
 * ({@code linux-x86_64-onednn-avx512} has extension {@code -onednn-avx512}) and the processor
 * flags it needs.
 */
public enum NativeBuild {
  /** oneDNN, compiled for AVX-512 (Skylake-X and later, Zen 4). */
  ONEDNN_AVX512("-onednn-avx512", Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx2", "fma")),
  /** oneDNN, compiled for AVX2 and FMA (Haswell and later, Zen). */
  ONEDNN_AVX2("-onednn-avx2", Set.of("avx2", "fma")),
  /** The generic x86-64 build: slowest, runs everywhere. */
  GENERIC("", Set.of());

  private final String extension;
  private final Set<String> requiredFlags;

  NativeBuild(String extension, Set<String> requiredFlags) {
    this.extension = extension;
    this.requiredFlags = requiredFlags;
  }

  /** The JavaCPP platform extension, empty for the generic build. */
  public String extension() {
    return extension;
  }

  /** The processor flags this build needs. */
  public Set<String> requiredFlags() {
    return requiredFlags;
  }

  /** The Maven classifier of this build's {@code nd4j-native} jar. */
  public String classifier() {
    return "linux-x86_64" + extension;
  }

  /** The fastest build that the given processor can run. */
  public static NativeBuild bestFor(CpuFeatures cpu) {
    for (NativeBuild build : values()) {
      if (cpu.hasAll(build.requiredFlags)) {
        return build;
      }
    }
    return GENERIC;
  }

  /**
   * Parses a user's choice: {@code avx512}, {@code avx2} or {@code generic} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static NativeBuild parse(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "avx512":
      case "onednn-avx512":
        return ONEDNN_AVX512;
      case "avx2":
      case "onednn-avx2":
        return ONEDNN_AVX2;
      case "generic":
        return GENERIC;
      default:
        throw new IllegalArgumentException("native build \"" + name
            + "\" is not known; choose from: avx512, avx2, generic");
    }
  }
}
