package dev.kairo.data.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a response body into the {@code .part} file as it arrives (on the HTTP client's
 * threads) and counts the bytes, so that the caller's thread can show progress and notice a
 * stalled connection.
 */
final class PartWriter implements HttpResponse.BodySubscriber<Void> {
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final FileChannel out;
  private final AtomicLong size;
  private volatile Flow.Subscription subscription;

  /** Opens {@code part} to append after {@code from} bytes, or truncated when {@code from} is 0. */
  PartWriter(Path part, long from) {
    try {
      out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          from > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + part, e);
    }
    size = new AtomicLong(from);
  }

  /** Bytes in the part file so far. */
  long size() {
    return size.get();
  }

  /** Stops the transfer (a stalled connection); what was written stays. */
  void abort() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    close();
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    try {
      for (ByteBuffer b : items) {
        while (b.hasRemaining()) {
          size.addAndGet(out.write(b));
        }
      }
    } catch (IOException e) {
      subscription.cancel();
      close();
      done.completeExceptionally(e);
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable t) {
    close();
    done.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    close();
    done.complete(null);
  }

  @Override
  public CompletionStage<Void> getBody() {
    return done;
  }

  private void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // the size check and the checksum catch anything that did not reach the disk
    }
  }
}
