package dev.kairo.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Fetches a file over HTTP(S) into place, only ever with a known SHA-256: the bytes go to
 * {@code name.part} beside the target, an interrupted download resumes from there with an HTTP
 * Range request (and starts over cleanly when the server ignores Range), and the file is moved
 * to its name, atomically where the file system can, only after its checksum has matched. A
 * download whose checksum does not match is deleted.
 *
 * <pre>{@code
 * Downloader d = Downloader.builder().progress(DownloadProgress.console()).build();
 * Path f = d.fetch(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz"),
 *     Path.of("cache/t10k-labels-idx1-ubyte.gz"),
 *     "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");
 * }</pre>
 *
 * <p>A target already present with the right checksum is not fetched again; one with another
 * checksum is replaced (after the new download has been verified). Uses the JDK's
 * {@link HttpClient}, following redirects except from HTTPS to HTTP.
 */
public final class Downloader {
  private final HttpClient client;
  private final Duration timeout;
  private final DownloadProgress progress;

  private Downloader(Builder b) {
    this.client = b.client != null ? b.client : HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(b.timeout).build();
    this.timeout = b.timeout;
    this.progress = b.progress;
  }

  /**
   * Options; defaults: a 30 s timeout (to connect, for the headers, and for silence in the
   * middle of the body), no progress shown.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes {@code target} hold the file at {@code url} whose SHA-256 is {@code sha256}.
   *
   * @param sha256 the expected SHA-256, 64 hexadecimal digits
   * @return {@code target}
   * @throws DownloadException on an HTTP error, a broken connection (the partial file is kept
   *     for the next attempt) or a checksum mismatch (the download is deleted)
   */
  public Path fetch(URI url, Path target, String sha256) throws IOException {
    String expected = checkDigest(sha256);
    Path abs = target.toAbsolutePath();
    if (Files.isRegularFile(abs) && sha256(abs).equals(expected)) {
      return target;
    }
    Files.createDirectories(abs.getParent());
    Path part = abs.resolveSibling(abs.getFileName() + ".part");
    if (!new Transfer(client, timeout, progress, url, part).run()) {
      // The server answered the resumed request with another range: start over, without Range.
      Files.deleteIfExists(part);
      new Transfer(client, timeout, progress, url, part).run();
    }
    String actual = sha256(part);
    if (!actual.equals(expected)) {
      Files.deleteIfExists(part);
      throw new DownloadException(url, 0, "SHA-256 mismatch: expected " + expected + ", got "
          + actual + "; the download has been deleted. Try"
          + " again; if it fails again the server holds a different file", null);
    }
    try {
      Files.move(part, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static String checkDigest(String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("Downloader: an expected SHA-256 of 64 hexadecimal"
          + " digits is required, got " + sha256);
    }
    return sha256.toLowerCase(Locale.ROOT);
  }

  /** The SHA-256 of a file, as 64 lower-case hexadecimal digits. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) >= 0) {
        md.update(buf, 0, r);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Options for a {@link Downloader}.
   *
   * <pre>{@code
   * Downloader d = Downloader.builder().timeout(Duration.ofMinutes(2))
   *     .progress(DownloadProgress.console()).build();
   * }</pre>
   */
  public static final class Builder {
    private Duration timeout = Duration.ofSeconds(30);
    private DownloadProgress progress = DownloadProgress.none();
    private HttpClient client;

    private Builder() {}

    /**
     * How long to wait to connect, then for the response headers, then at most between two
     * pieces of the body before giving up (keeping the partial file); default 30 s.
     */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Downloader: timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Where progress is reported (default: nowhere). */
    public Builder progress(DownloadProgress progress) {
      if (progress == null) {
        throw new IllegalArgumentException(
            "Downloader: progress is null; use DownloadProgress.none()");
      }
      this.progress = progress;
      return this;
    }

    /**
     * A client of your own (proxy, authenticator, TLS settings); the timeout still applies to
     * each request.
     */
    public Builder httpClient(HttpClient client) {
      this.client = client;
      return this;
    }

    /** The downloader. */
    public Downloader build() {
      return new Downloader(this);
    }
  }
}
