package org.tune4j.cli.run;

import java.nio.file.Path;
import org.tune4j.cli.job.DataSource;
import org.tune4j.models.source.ImageSource;
import org.tune4j.models.source.ImageSources;
import org.tune4j.models.source.SourceRecipe;

/**
 * Opens a run's images on a cluster executor: reads the job from the run directory (as {@code resume}
 * does), loads its data and prepares it as the driver did, training images first.
 *
 * @param runDir the run directory, a path every node sees
 */
record RunJobSource(String runDir) implements SourceRecipe {
  private static final long serialVersionUID = 1L;

  @Override
  public ImageSource open() {
    DataSource.Sources data = new RunDirectory(Path.of(runDir)).job().sources();
    return ImageSources.concat(data.train(), data.test());
  }
}
