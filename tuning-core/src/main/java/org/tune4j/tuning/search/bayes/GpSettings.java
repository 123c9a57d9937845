package org.tune4j.tuning.search.bayes;

/**
 * How {@link GaussianProcess#fit} fits: the kernel, the number of optimiser restarts and the
 * nugget (a jitter added to the correlation matrix's diagonal, relative to the process
 * variance).
 *
 * <p>{@link #tuneDefaults()} is what tune 2.x asks GauPro for in {@code fit_gp()}:
 * {@code k_Matern32}, {@code restarts = 5}, the nugget fixed ({@code nug.est = FALSE}) at
 * GauPro's default {@code 1e-6}. {@link #defaults()} is the same with a Matérn 5/2 kernel.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * GpSettings s = GpSettings.defaults().withRestarts(10);
 * }</pre>
 *
 * @param kernel the correlation over numeric coordinates
 * @param restarts how many optimiser runs after the first, each from another start (0 or more)
 * @param nugget the diagonal jitter relative to the process variance, in {@code (0, 1)}
 */
public record GpSettings(Kernel kernel, int restarts, double nugget) {

  /** GauPro's default nugget, which tune keeps fixed. */
  public static final double DEFAULT_NUGGET = 1e-6;
  /** tune's {@code restarts = 5}. */
  public static final int DEFAULT_RESTARTS = 5;

  /** Validates the settings. */
  public GpSettings {
    if (kernel == null) {
      throw new IllegalArgumentException("kernel is null; choose from: MATERN_3_2, MATERN_5_2");
    }
    if (restarts < 0) {
      throw new IllegalArgumentException("restarts is " + restarts + "; give 0 or more");
    }
    if (!(nugget > 0 && nugget < 1)) {
      throw new IllegalArgumentException("nugget is " + nugget
          + "; give a value in (0, 1), e.g. " + DEFAULT_NUGGET);
    }
  }

  /** Matérn 5/2, 5 restarts, nugget 1e-6. */
  public static GpSettings defaults() {
    return new GpSettings(Kernel.MATERN_5_2, DEFAULT_RESTARTS, DEFAULT_NUGGET);
  }

  /** tune 2.x's GauPro settings: Matérn 3/2, 5 restarts, nugget 1e-6. */
  public static GpSettings tuneDefaults() {
    return new GpSettings(Kernel.MATERN_3_2, DEFAULT_RESTARTS, DEFAULT_NUGGET);
  }

  /** A copy with another kernel. */
  public GpSettings withKernel(Kernel newKernel) {
    return new GpSettings(newKernel, restarts, nugget);
  }

  /** A copy with another number of restarts. */
  public GpSettings withRestarts(int newRestarts) {
    return new GpSettings(kernel, newRestarts, nugget);
  }

  /** A copy with another nugget. */
  public GpSettings withNugget(double newNugget) {
    return new GpSettings(kernel, restarts, newNugget);
  }
}
