package org.tune4j.spark.store;

import org.tune4j.models.tune.StoreMirror;
import org.tune4j.models.tune.StoreMirrors;

/** Lets {@link StoreMirrors#forUri} find {@link HadoopStoreMirror} for any URI with a scheme. */
public final class HadoopStoreMirrorProvider implements StoreMirrors.Provider {
  /** For {@link java.util.ServiceLoader}. */
  public HadoopStoreMirrorProvider() {}

  @Override
  public boolean accepts(String uri) {
    return uri.matches("[A-Za-z][A-Za-z0-9+.-]*:/.*");
  }

  @Override
  public StoreMirror open(String uri) {
    return HadoopStoreMirror.of(uri);
  }
}
