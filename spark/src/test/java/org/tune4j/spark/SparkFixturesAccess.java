package org.tune4j.spark;

import org.tune4j.models.spec.ModelSpec;

/** The fixtures' final spec for tests in other packages of this module. */
public final class SparkFixturesAccess {
  private SparkFixturesAccess() {}

  /** The first grid candidate's final spec. */
  public static ModelSpec finalSpec() {
    ModelSpec spec = SparkFixtures.spec();
    return spec.finalize(SparkFixtures.grid(spec).candidate(0).values());
  }
}
