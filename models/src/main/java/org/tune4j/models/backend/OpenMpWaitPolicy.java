package org.tune4j.models.backend;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;

/**
 * Makes the OpenMP threads of ND4J and OpenBLAS spin only briefly between parallel regions, then sleep.
 *
 * <p>GNU OpenMP's default keeps each worker thread busy-waiting for a long while (300,000 spins) after every
 * parallel region. A tuning run alternates short native calls with Java work (the fused optimizer step, the
 * softmax, the scheduler), so on a small machine the spinning workers take the cores that Java needs: on the
 * 2-core reference machine the fast head trainer ran at about half speed (27 heads: ~1,100 head iterations/s
 * spinning, ~2,200 with short spins). Sleeping at once ({@code OMP_WAIT_POLICY=PASSIVE}) gave the same head
 * speed but cost featurizing ~10% (back-to-back convolutions wake the workers thousands of times); a spin count
 * of {@value #SPINS} keeps both (scratch A/B runs, same minutes: heads 2,160 against 2,170 passive, featurizing
 * 1,550 images/s against 1,530 spinning and 1,370 passive).
 *
 * <p>OpenMP reads its environment once, when its library loads, so {@link #apply()} must run before ND4J is
 * first touched; {@link NativeBackend#initialize()} does that. A user's own {@code OMP_WAIT_POLICY} or
 * {@code GOMP_SPINCOUNT} is kept as it is. Thread-safe (it only sets a process environment variable once).
 */
final class OpenMpWaitPolicy {
  /** OpenMP's standard variable. */
  static final String VARIABLE = "OMP_WAIT_POLICY";
  /** GNU OpenMP's own spin count (ND4J bundles GNU OpenMP). */
  static final String SPIN_VARIABLE = "GOMP_SPINCOUNT";
  /** The spin count tune4j sets. */
  static final String SPINS = "10000";

  /** The C library's environment functions. */
  interface CLibrary extends Library {
    int setenv(String name, String value, int overwrite);

    String getenv(String name);
  }

  private OpenMpWaitPolicy() {}

  /**
   * The spin count to set given the process environment, or {@code null} when the user already chose a policy or
   * a spin count.
   */
  static String choose(Map<String, String> env) {
    if (env.containsKey(VARIABLE) || env.containsKey(SPIN_VARIABLE)) {
      return null;
    }
    return SPINS;
  }

  /** Sets the policy unless the user chose one; returns one phrase for the backend's log line. */
  static String apply() {
    Map<String, String> env = System.getenv();
    String value = choose(env);
    if (value == null) {
      return env.containsKey(VARIABLE) ? VARIABLE + "=" + env.get(VARIABLE) + " (yours)"
          : SPIN_VARIABLE + "=" + env.get(SPIN_VARIABLE) + " (yours)";
    }
    try {
      CLibrary c = libc();
      if (c.setenv(SPIN_VARIABLE, value, 0) != 0) {
        return "OpenMP default wait policy (setenv failed)";
      }
      return SPIN_VARIABLE + "=" + c.getenv(SPIN_VARIABLE);
    } catch (LinkageError | RuntimeException e) {
      return "OpenMP default wait policy (no C library through JNA: " + e.getMessage() + ")";
    }
  }

  /** The C library of this process. */
  static CLibrary libc() {
    return (CLibrary) Native.loadLibrary("c", CLibrary.class);
  }
}
