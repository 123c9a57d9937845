package org.tune4j.models.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenMpWaitPolicyTest {
  @Test
  void shortSpinsUnlessTheUserChoseAPolicyOrASpinCount() {
    assertEquals("10000", OpenMpWaitPolicy.choose(Map.of("PATH", "/bin")));
    assertNull(OpenMpWaitPolicy.choose(Map.of("OMP_WAIT_POLICY", "ACTIVE")));
    assertNull(OpenMpWaitPolicy.choose(Map.of("GOMP_SPINCOUNT", "10000")));
  }

  @Test
  void applySetsTheNativeEnvironmentOrKeepsTheUsersChoice() {
    String said = OpenMpWaitPolicy.apply();
    String user = System.getenv("GOMP_SPINCOUNT");
    String native_ = OpenMpWaitPolicy.libc().getenv("GOMP_SPINCOUNT");
    if (user == null && System.getenv("OMP_WAIT_POLICY") == null) {
      assertEquals("10000", native_, "the C library sees the variable OpenMP reads");
      assertEquals("GOMP_SPINCOUNT=10000", said);
    } else {
      assertTrue(said.endsWith("(yours)"), said);
      assertEquals(user, native_, "the user's setting is untouched");
    }
  }
}
