package org.tune4j.models.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** ND4J's one thread setting follows the smallest open lease and returns to what it was after the last. */
class NativeThreadsTest {
  @Test
  void theSettingIsTheSmallestOpenLeaseAndIsRestoredAfterTheLast() {
    NativeBackend.initialize();
    int before = NativeThreads.current();
    int leasesBefore = NativeThreads.leases();
    // ND4J caps its setting at the machine's cores; 2 and 1 are within every machine tune4j supports
    try (NativeThreads.Lease a = NativeThreads.lease(2)) {
      assertEquals(2, NativeThreads.current());
      try (NativeThreads.Lease b = NativeThreads.lease(1)) {
        assertEquals(1, NativeThreads.current(), "a second run wanting fewer threads");
        b.set(2);
        assertEquals(2, NativeThreads.current());
        a.set(1);
        assertEquals(1, NativeThreads.current(), "the first run wants fewer now");
        b.set(1);
        a.set(2);
        assertEquals(1, NativeThreads.current(), "the first run cannot raise it past the second's");
      }
      assertEquals(2, NativeThreads.current(), "the second run ended: the first's own choice");
      a.close();
      a.close();
      assertEquals(leasesBefore, NativeThreads.leases(), "closing twice is harmless");
    }
    assertEquals(before, NativeThreads.current(), "back to the setting before any lease");
    String bad = assertThrows(IllegalArgumentException.class, () -> NativeThreads.lease(0)).getMessage();
    assertEquals("native threads 0 must be at least 1", bad);
  }
}
