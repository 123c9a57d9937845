package org.tune4j.models.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenMpWaitPolicyTest {
  @Test
  void passiveUnlessTheUserChoseAPolicyOrASpinCount() {
    assertEquals("PASSIVE", OpenMpWaitPolicy.choose(Map.of("PATH", "/bin")));
    assertNull(OpenMpWaitPolicy.choose(Map.of("OMP_WAIT_POLICY", "ACTIVE")));
    assertNull(OpenMpWaitPolicy.choose(Map.of("GOMP_SPINCOUNT", "10000")));
  }

  @Test
  void applySetsTheNativeEnvironmentOrKeepsTheUsersChoice() {
    String said = OpenMpWaitPolicy.apply();
    String user = System.getenv("OMP_WAIT_POLICY");
    String native_ = OpenMpWaitPolicy.libc().getenv("OMP_WAIT_POLICY");
    if (user == null && System.getenv("GOMP_SPINCOUNT") == null) {
      assertEquals("PASSIVE", native_, "the C library sees the variable OpenMP reads");
      assertEquals("OMP_WAIT_POLICY=PASSIVE", said);
    } else {
      assertTrue(said.endsWith("(yours)"), said);
      assertEquals(user, native_, "the user's setting is untouched");
    }
  }
}
