package dev.kairo.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private final HttpClient client;
  private final Duration timeout;
  private final DownloadProgress progress;

  private Downloader(Builder b) {
    this.client = b.client != null ? b.client : HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(b.timeout).build();
    this.timeout = b.timeout;
    this.progress = b.progress;
  }

  /** Options; defaults: 30 s timeout (to connect, and for the response headers), no progress shown. */
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
    if (!transfer(url, part)) {
      // The server answered the resumed request with another range: start over, without Range.
      Files.deleteIfExists(part);
      transfer(url, part);
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

  /**
   * One request: resumes {@code part} if it holds bytes. Returns false when the file must be
   * started over (the server sent another range than the one asked for).
   */
  private boolean transfer(URI url, Path part) throws IOException {
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    HttpRequest.Builder rb = HttpRequest.newBuilder(url).timeout(timeout).GET();
    if (have > 0) {
      rb.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> r = send(url, rb.build());
    try (InputStream body = r.body()) {
      int status = r.statusCode();
      long total;
      boolean append;
      if (status == 206 && have > 0) {
        Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
        if (!m.matches() || Long.parseLong(m.group(1)) != have) {
          return false;
        }
        total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        append = true;
      } else if (status == 416 && have > 0) {
        // Nothing left after `have`: the partial file may already be whole (the checksum decides).
        String range = r.headers().firstValue("Content-Range").orElse("");
        return range.equals("bytes */" + have);
      } else if (status == 200) {
        total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        append = false;  // the whole file, whether or not we asked for a range: start over
      } else {
        throw new DownloadException(url, status, "HTTP " + status + describe(status)
            + (have > 0 ? "; the partial download " + part + " is kept" : ""), null);
      }
      copy(url, body, part, append ? have : 0, total);
      return true;
    }
  }

  private HttpResponse<InputStream> send(URI url, HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while connecting to " + url);
    } catch (IOException e) {
      throw new DownloadException(url, 0, "cannot fetch: " + e, e);
    }
  }

  private void copy(URI url, InputStream body, Path part, long from, long total)
      throws IOException {
    String name = part.getFileName().toString().replaceFirst("\\.part$", "");
    long done = from;
    progress.start(name, done, total);
    try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, from > 0 ? StandardOpenOption.APPEND
            : StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buf = new byte[1 << 16];
      int r;
      while (true) {
        try {
          r = body.read(buf);
        } catch (IOException e) {
          throw new DownloadException(url, 0, "connection lost after " + done + " of "
              + (total >= 0 ? total : "?") + " bytes (" + e.getMessage() + "); the partial"
              + " download " + part + " is kept: run again to resume", e);
        }
        if (r < 0) {
          break;
        }
        out.write(buf, 0, r);
        done += r;
        progress.update(done);
      }
    } finally {
      progress.finish(done);
    }
    if (total >= 0 && done != total) {
      throw new DownloadException(url, 0, "the server sent " + done + " of " + total
          + " bytes; the partial download " + part + " is kept: run again to resume", null);
    }
  }

  private static String describe(int status) {
    switch (status) {
      case 401:
      case 403:
        return " (forbidden: the mirror refuses this file)";
      case 404:
        return " (not found: check the base URL)";
      default:
        return status >= 500 ? " (server error: try again later or another mirror)" : "";
    }
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

    /** How long to wait to connect, and then for the response headers (default 30 s). */
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
        throw new IllegalArgumentException("Downloader: progress is null; use DownloadProgress.none()");
      }
      this.progress = progress;
      return this;
    }

    /** A client of your own (proxy, authenticator, TLS settings); the timeout still applies per request. */
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
