package org.nd4j.nativeblas;

import org.nd4j.linalg.factory.Nd4j;

/**
 * A compatibility shim for a class that DL4J 1.0.0-M2.1 looks up but ND4J 1.0.0-M2.1 no longer has.
 *
 * <p>DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} asks, by reflection, for
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}. ND4J M2.1 moved its
 * bindings to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu}, so the lookup fails, DL4J logs
 * "Cannot find class", and its oneDNN layer helpers stay off even when enabled. This shim answers
 * the lookup: oneDNN helpers are usable when ND4J allows helpers. tune4j's
 * {@code NativeBackend} only relies on it with a oneDNN native build.
 */
public final class Nd4jCpu {
  private Nd4jCpu() {}

  /** The environment object DL4J's reflection expects. Stateless and thread-safe. */
  public static final class Environment {
    private static final Environment INSTANCE = new Environment();

    private Environment() {}

    /** The single instance, as DL4J's reflection expects. */
    public static Environment getInstance() {
      return INSTANCE;
    }

    /** Whether oneDNN helpers may run: ND4J allows helpers (true for the oneDNN builds). */
    public boolean isUseMKLDNN() {
      return Nd4j.getEnvironment().helpersAllowed();
    }
  }
}
