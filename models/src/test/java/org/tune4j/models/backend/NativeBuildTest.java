package org.tune4j.models.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeBuildTest {
  @TempDir Path dir;

  @Test
  void avx512ProcessorsGetTheAvx512Build() {
    CpuFeatures cpu = CpuFeatures.of("sse2", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl");
    assertEquals(NativeBuild.ONEDNN_AVX512, NativeBuild.bestFor(cpu));
  }

  @Test
  void avx2ProcessorsWithoutFullAvx512GetTheAvx2Build() {
    assertEquals(NativeBuild.ONEDNN_AVX2, NativeBuild.bestFor(CpuFeatures.of("avx2", "fma", "avx512f")));
  }

  @Test
  void olderProcessorsGetTheGenericBuild() {
    assertEquals(NativeBuild.GENERIC, NativeBuild.bestFor(CpuFeatures.of("sse2", "avx")));
    assertEquals(NativeBuild.GENERIC, NativeBuild.bestFor(CpuFeatures.of()));
  }

  @Test
  void classifiersAreTheMavenOnes() {
    assertEquals("linux-x86_64-onednn-avx512", NativeBuild.ONEDNN_AVX512.classifier());
    assertEquals("linux-x86_64-onednn-avx2", NativeBuild.ONEDNN_AVX2.classifier());
    assertEquals("linux-x86_64", NativeBuild.GENERIC.classifier());
  }

  @Test
  void anOverrideWinsAndABadOneIsNamed() {
    CpuFeatures cpu = CpuFeatures.of("avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl");
    assertEquals(NativeBuild.GENERIC, NativeBackend.choose(cpu, "generic"));
    assertEquals(NativeBuild.ONEDNN_AVX512, NativeBackend.choose(cpu, " "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeBackend.choose(cpu, "sse9"));
    assertEquals("native build \"sse9\" is not known; choose from: avx512, avx2, generic", e.getMessage());
  }

  @Test
  void cpuinfoFlagsAreParsed() throws IOException {
    Path f = dir.resolve("cpuinfo");
    Files.writeString(f, "processor\t: 0\nmodel name\t: Test\nflags\t\t: fpu sse2 avx2 fma\n\nprocessor\t: 1\n");
    CpuFeatures cpu = CpuFeatures.parseCpuInfo(f);
    assertTrue(cpu.flags().contains("avx2"));
    assertEquals(NativeBuild.ONEDNN_AVX2, NativeBuild.bestFor(cpu));
    assertTrue(CpuFeatures.parseCpuInfo(dir.resolve("absent")).flags().isEmpty());
  }

  @Test
  void initializeLoadsAOneDnnBuildWithHelpersOnThisMachine() {
    BackendInfo info = NativeBackend.initialize();
    assertEquals(info, NativeBackend.initialize(), "second call returns the first answer");
    assertEquals("CPU", info.backend());
    assertTrue(info.helpersEnabled());
    assertTrue(info.summary().startsWith("ND4J native build nd4j-native:linux-x86_64"), info.summary());
    assertTrue(info.summary().contains("OMP_WAIT_POLICY") || info.summary().contains("GOMP_SPINCOUNT"), info.summary());
    if (info.chosen() != NativeBuild.GENERIC) {
      assertTrue(info.oneDnn(), "a oneDNN build must report ONEDNN: " + info.buildInfo());
    }
  }
}
