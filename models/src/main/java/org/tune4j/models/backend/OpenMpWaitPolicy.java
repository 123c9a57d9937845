package org.tune4j.models.backend;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;

/**
 * Makes the OpenMP threads of ND4J and OpenBLAS sleep between parallel regions instead of spinning.
 *
 * <p>GNU OpenMP's default keeps each worker thread busy-waiting for a while after every parallel region. A
 * tuning run alternates short native calls with Java work (the fused optimizer step, the softmax, the
 * scheduler), so on a small machine the spinning workers take the cores that Java needs: on the 2-core
 * reference machine the fast head trainer ran at about half speed (measured 2,200 head iterations/s with
 * passive waiting against 1,100 without, 27 heads). Sleeping workers cost a few microseconds to wake, which a
 * native call of ours never notices.
 *
 * <p>OpenMP reads its environment once, when its library loads, so {@link #apply()} must run before ND4J is
 * first touched; {@link NativeBackend#initialize()} does that. A user's own {@code OMP_WAIT_POLICY} or
 * {@code GOMP_SPINCOUNT} is kept as it is. Thread-safe (it only sets a process environment variable once).
 */
final class OpenMpWaitPolicy {
  /** OpenMP's standard variable. */
  static final String VARIABLE = "OMP_WAIT_POLICY";
  /** GNU OpenMP's own spin setting, which overrides the policy. */
  static final String SPIN_VARIABLE = "GOMP_SPINCOUNT";
  /** The value tune4j sets. */
  static final String PASSIVE = "PASSIVE";

  /** The C library's environment functions. */
  interface CLibrary extends Library {
    int setenv(String name, String value, int overwrite);

    String getenv(String name);
  }

  private OpenMpWaitPolicy() {}

  /**
   * The value to set given the process environment, or {@code null} when the user already chose a policy or a
   * spin count.
   */
  static String choose(Map<String, String> env) {
    if (env.containsKey(VARIABLE) || env.containsKey(SPIN_VARIABLE)) {
      return null;
    }
    return PASSIVE;
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
      if (c.setenv(VARIABLE, value, 0) != 0) {
        return "OpenMP default wait policy (setenv failed)";
      }
      return VARIABLE + "=" + c.getenv(VARIABLE);
    } catch (LinkageError | RuntimeException e) {
      return "OpenMP default wait policy (no C library through JNA: " + e.getMessage() + ")";
    }
  }

  /** The C library of this process. */
  static CLibrary libc() {
    return (CLibrary) Native.loadLibrary("c", CLibrary.class);
  }
}
