package dev.kairo.data.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP request of a {@link Downloader}: fills or extends the {@code .part} file. */
final class Transfer {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final long POLL_MS = 100;

  private final HttpClient client;
  private final Duration timeout;
  private final DownloadProgress progress;
  private final URI url;
  private final Path part;
  private final long have;
  // Set on the client's thread when the headers arrive, read on the caller's.
  private volatile PartWriter writer;
  private volatile long total = -1;
  private volatile long from;
  private volatile boolean wrongRange;

  Transfer(HttpClient client, Duration timeout, DownloadProgress progress, URI url, Path part)
      throws IOException {
    this.client = client;
    this.timeout = timeout;
    this.progress = progress;
    this.url = url;
    this.part = part;
    this.have = Files.isRegularFile(part) ? Files.size(part) : 0;
  }

  /**
   * Runs the request. Returns false when the file must be started over (the server sent
   * another range than the one asked for, or the partial file is longer than the file).
   */
  boolean run() throws IOException {
    HttpRequest.Builder rb = HttpRequest.newBuilder(url).timeout(timeout).GET();
    if (have > 0) {
      rb.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<Void> r = await(client.sendAsync(rb.build(), this::subscriber));
    int status = r.statusCode();
    if (wrongRange) {
      return false;
    }
    if (status == 416 && have > 0) {
      // Nothing after `have`: the partial file is whole (the checksum decides) or too long.
      return r.headers().firstValue("Content-Range").orElse("").equals("bytes */" + have);
    }
    if (writer == null) {
      throw new DownloadException(url, status, "HTTP " + status + describe(status)
          + (have > 0 ? "; the partial download " + part + " is kept" : ""), null);
    }
    long size = writer.size();
    if (total >= 0 && size != total) {
      throw new DownloadException(url, 0, "the server sent " + size + " of " + total
          + " bytes; the partial download " + part + " is kept: run again to resume", null);
    }
    return true;
  }

  // Called once the status and headers are in: where the body goes.
  private HttpResponse.BodySubscriber<Void> subscriber(HttpResponse.ResponseInfo info) {
    int status = info.statusCode();
    if (status == 206 && have > 0) {
      Matcher m = CONTENT_RANGE.matcher(info.headers().firstValue("Content-Range").orElse(""));
      if (!m.matches() || Long.parseLong(m.group(1)) != have) {
        wrongRange = true;
        return HttpResponse.BodySubscribers.discarding();
      }
      total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
      from = have;
      writer = new PartWriter(part, have);
    } else if (status == 200) {
      // The whole file, whether or not a range was asked for: start over.
      total = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      from = 0;
      writer = new PartWriter(part, 0);
    } else {
      return HttpResponse.BodySubscribers.discarding();
    }
    return writer;
  }

  // Waits for the body, reporting progress from this thread and giving up on a silent server.
  private HttpResponse<Void> await(CompletableFuture<HttpResponse<Void>> f) throws IOException {
    String name = part.getFileName().toString().replaceFirst("\\.part$", "");
    boolean started = false;
    long seen = -1;
    long quietSince = System.nanoTime();
    try {
      while (true) {
        PartWriter w = writer;
        if (w != null && !started) {
          progress.start(name, from, total);
          started = true;
        }
        try {
          return f.get(POLL_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException pending) {
          long now = System.nanoTime();
          if (w != null) {
            long n = w.size();
            progress.update(n);
            if (n != seen) {
              seen = n;
              quietSince = now;
            }
          }
          if (now - quietSince > timeout.toNanos()) {
            f.cancel(true);
            if (w != null) {
              w.abort();
            }
            throw new DownloadException(url, 0, "no data for " + timeout.toSeconds() + " s"
                + (w != null ? " after " + w.size() + " bytes; the partial download " + part
                + " is kept: run again to resume" : ""), null);
          }
        }
      }
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while downloading " + url);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      PartWriter w = writer;
      if (w != null) {
        throw new DownloadException(url, 0, "connection lost after " + w.size() + " of "
            + (total >= 0 ? total : "?") + " bytes (" + cause + "); the partial download "
            + part + " is kept: run again to resume", cause);
      }
      throw new DownloadException(url, 0, "cannot fetch: " + cause, cause);
    } finally {
      PartWriter w = writer;
      if (w != null) {
        if (!started) {
          progress.start(name, from, total);
        }
        progress.finish(w.size());
      }
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
}
