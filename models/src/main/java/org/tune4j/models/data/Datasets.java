package org.tune4j.models.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Published data sets, found in a cache folder or downloaded into it and verified.
 *
 * <p>{@link #cifar10(Path, Downloader)} looks in the cache folder for the extracted
 * {@code cifar-10-batches-bin} folder, then for {@code cifar-10-binary.tar.gz} (whose md5 must be
 * the published one), and otherwise downloads the archive from the University of Toronto's page,
 * verifies it and keeps it there. Without network it fails with a message naming the file, the URL
 * and the folder to put it in. The default cache is {@code ~/.tune4j/datasets}, moved by the system
 * property {@code tune4j.cache} or the environment variable {@code TUNE4J_CACHE} (see
 * {@link CacheFolder}). Stateless and thread-safe.
 *
 * <pre>{@code
 * TrainTest cifar = Datasets.cifar10();                     // ~/.tune4j/datasets, downloads once
 * TrainTest offline = Datasets.cifar10(Path.of("/data"), Downloader.offline());
 * }</pre>
 */
public final class Datasets {
  private Datasets() {}

  /** CIFAR-10 from the default cache, downloading it there when it is missing and the network allows. */
  public static TrainTest cifar10() {
    return cifar10(CacheFolder.fromEnvironment().datasets());
  }

  /** CIFAR-10 from {@code cacheFolder}, downloading it there when it is missing and the network allows. */
  public static TrainTest cifar10(Path cacheFolder) {
    return cifar10(cacheFolder, Downloader.standard());
  }

  /**
   * CIFAR-10 from {@code cacheFolder}, fetching a missing archive with {@code downloader}.
   *
   * @throws IllegalArgumentException when a file there is corrupt (naming it and how to fix it)
   * @throws DownloadException when the archive is missing and cannot be downloaded
   */
  public static TrainTest cifar10(Path cacheFolder, Downloader downloader) {
    return fetchAndRead(cacheFolder, downloader, Cifar.CIFAR10);
  }

  /** CIFAR-100 from the default cache, downloading it there when it is missing and the network allows. */
  public static TrainTest cifar100(Cifar.Labels labels) {
    return cifar100(CacheFolder.fromEnvironment().datasets(), Downloader.standard(), labels);
  }

  /**
   * CIFAR-100 from {@code cacheFolder} (the extracted {@code cifar-100-binary} folder or the
   * archive), fetching a missing archive with {@code downloader}.
   *
   * @throws IllegalArgumentException when a file there is corrupt (naming it and how to fix it)
   * @throws DownloadException when the archive is missing and cannot be downloaded
   */
  public static TrainTest cifar100(Path cacheFolder, Downloader downloader, Cifar.Labels labels) {
    return fetchAndRead(cacheFolder, downloader, Cifar.cifar100(Objects.requireNonNull(labels, "labels")));
  }

  /**
   * Where CIFAR-10 is in {@code cacheFolder}: its extracted folder, or its verified archive (fetched with
   * {@code downloader} when missing), for reading a record at a time with {@code ImageSources.cifar10}
   * instead of whole.
   *
   * @throws DownloadException when the archive is missing and cannot be downloaded
   */
  public static Path cifar10Location(Path cacheFolder, Downloader downloader) {
    return locate(cacheFolder, downloader, Cifar.CIFAR10);
  }

  private static TrainTest fetchAndRead(Path cacheFolder, Downloader downloader, CifarLayout layout) {
    return Cifar.read(locate(cacheFolder, downloader, layout), layout);
  }

  private static Path locate(Path cacheFolder, Downloader downloader, CifarLayout layout) {
    Objects.requireNonNull(cacheFolder, "cacheFolder");
    Objects.requireNonNull(downloader, "downloader");
    Path extracted = cacheFolder.resolve(layout.folder());
    if (Files.isDirectory(extracted) && Files.isRegularFile(extracted.resolve(layout.testMember()))) {
      return extracted;
    }
    return downloader.fetch(layout.archive(), cacheFolder);
  }
}
