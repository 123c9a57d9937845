package org.tune4j.models.data;

import java.net.URI;
import java.nio.file.Path;

/**
 * A published file could not be downloaded: no network, an HTTP error, or content whose md5 is
 * not the published one. The message names the file, the URL, the reason and where to put the
 * file by hand; nothing is left at the target path. Immutable once thrown.
 */
public final class DownloadException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient PublishedFile file;
  private final transient Path target;
  private final String reason;

  DownloadException(PublishedFile file, URI from, Path target, String reason, Throwable cause) {
    super("cannot download " + file.fileName() + " from " + from + ": " + reason + ". Without network, download "
        + file.url() + " by hand (md5 " + file.md5() + ") and put it at " + target, cause);
    this.file = file;
    this.target = target;
    this.reason = reason;
  }

  /** The file that was asked for. */
  public PublishedFile file() {
    return file;
  }

  /** Where it would have been put. */
  public Path target() {
    return target;
  }

  /** Why it failed, in a few words: the HTTP status, the network error, the md5 mismatch. */
  public String reason() {
    return reason;
  }
}
