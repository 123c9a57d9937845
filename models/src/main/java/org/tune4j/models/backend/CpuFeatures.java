package org.tune4j.models.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instruction-set flags of this machine's processor, as the operating system reports them.
 *
 * <p>On Linux the flags come from the first {@code flags} line of {@code /proc/cpuinfo}; elsewhere
 * the set is empty, which makes {@link NativeBuild#bestFor} fall back to the generic build.
 * Immutable and thread-safe.
 */
public final class CpuFeatures {
  private final Set<String> flags;

  private CpuFeatures(Set<String> flags) {
    this.flags = Set.copyOf(flags);
  }

  /** Returns features with exactly the given flags (lower case), for tests and overrides. */
  public static CpuFeatures of(String... flags) {
    Set<String> set = new TreeSet<>();
    for (String f : flags) {
      set.add(f.toLowerCase(Locale.ROOT));
    }
    return new CpuFeatures(set);
  }

  /** Reads the flags of this machine; an unreadable or absent {@code /proc/cpuinfo} gives none. */
  public static CpuFeatures detect() {
    return parseCpuInfo(Path.of("/proc/cpuinfo"));
  }

  /** Parses a file in {@code /proc/cpuinfo} format; an unreadable file gives no flags. */
  static CpuFeatures parseCpuInfo(Path cpuinfo) {
    try {
      for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
        if (line.startsWith("flags")) {
          int colon = line.indexOf(':');
          if (colon >= 0) {
            String[] parts = line.substring(colon + 1).trim().split("\\s+");
            return of(Arrays.stream(parts).filter(s -> !s.isEmpty()).toArray(String[]::new));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: no flags known, so the generic build is chosen.
    }
    return new CpuFeatures(Set.of());
  }

  /** Returns whether every named flag is present. */
  public boolean hasAll(Set<String> required) {
    return flags.containsAll(required);
  }

  /** The flags, sorted. */
  public Set<String> flags() {
    return flags;
  }
}
