package dev.kairo.data.download;

import java.io.IOException;
import java.net.URI;

/**
 * A download that failed: the message names the URL and says what went wrong and what was
 * kept, e.g. {@code https://host/mnist/train-labels-idx1-ubyte.gz: HTTP 404 (not found)} or
 * {@code ...: SHA-256 mismatch: expected 3552..., got 9f1c...; the download has been deleted}.
 *
 * <pre>{@code
 * try {
 *   Mnist.download();
 * } catch (DownloadException e) {
 *   System.err.println(e.getMessage());
 *   int status = e.status();   // the HTTP status, or 0 when the failure was not an HTTP answer
 * }
 * }</pre>
 */
public final class DownloadException extends IOException {
  private final URI url;
  private final int status;

  /**
   * @param url what was being fetched
   * @param status the HTTP status that caused the failure, or 0
   * @param problem what went wrong, and what was kept or deleted
   * @param cause the lower-level error, or null
   */
  public DownloadException(URI url, int status, String problem, Throwable cause) {
    super(url + ": " + problem, cause);
    this.url = url;
    this.status = status;
  }

  /** The URL that was being fetched. */
  public URI url() {
    return url;
  }

  /** The HTTP status that caused the failure, or 0 when it was not an HTTP answer. */
  public int status() {
    return status;
  }
}
