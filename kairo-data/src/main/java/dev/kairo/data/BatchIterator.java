package dev.kairo.data;

import dev.kairo.tensor.Tensor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The batches of one epoch of a {@link DataLoader}. With prefetch on it owns one daemon
 * thread that gathers batch {@code k + 1} while the caller works on batch {@code k}; the
 * thread is released when the last batch has been handed out or when {@link #close()} is
 * called, and dies on its own about a second after an abandoned iterator stops asking.
 *
 * <pre>{@code
 * try (BatchIterator it = loader.epoch(3)) {   // replay epoch 3
 *   while (it.hasNext()) {
 *     Batch b = it.next();
 *     if (b.size() < loader.batchSize()) break;  // leaving early: close() frees the thread
 *   }
 * }
 * }</pre>
 */
public final class BatchIterator implements Iterator<Batch>, AutoCloseable {
  private static final AtomicLong THREADS = new AtomicLong();

  private final Dataset dataset;
  private final int[] order;
  private final int batchSize;
  private final int numBatches;
  private final ThreadPoolExecutor worker;
  private final BatchTransform transform;
  private final long transformSeed;
  private Future<Batch> pending;
  private int next;
  private boolean closed;

  BatchIterator(Dataset dataset, int[] order, int batchSize, int numBatches, boolean prefetch,
      BatchTransform transform, long transformSeed) {
    this.dataset = dataset;
    this.transform = transform;
    this.transformSeed = transformSeed;
    this.order = order;
    this.batchSize = batchSize;
    this.numBatches = numBatches;
    if (prefetch && numBatches > 0) {
      // One thread, timed out when idle, so an iterator nobody closes cannot pin a thread.
      worker = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "kairo-data-prefetch-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      worker.allowCoreThreadTimeOut(true);
      pending = worker.submit(() -> gather(0));
    } else {
      worker = null;
    }
  }

  private Batch gather(int k) {
    int from = k * batchSize;
    int to = Math.min(from + batchSize, order.length);
    Batch b = dataset.batch(Arrays.copyOfRange(order, from, to));
    if (transform == null) {
      return b;
    }
    // Seeded by (epoch, batch number) alone: the same draws whichever thread gathers it.
    SplittableRandom rng = new SplittableRandom(DataLoader.epochSeed(transformSeed, k));
    Tensor x = transform.apply(b.x(), rng);
    if (x == null || x.rank() == 0 || x.size(0) != b.size()) {
      throw new IllegalStateException("DataLoader: the batch transform turned features "
          + Arrays.toString(b.x().shape()) + " into " + (x == null ? "null"
          : Arrays.toString(x.shape())) + "; it must keep one row per sample");
    }
    return new Batch(x, b.y(), b.hasLabels(), b.indices());
  }

  /** How many batches this epoch has in all. */
  public int numBatches() {
    return numBatches;
  }

  @Override
  public boolean hasNext() {
    return !closed && next < numBatches;
  }

  @Override
  public Batch next() {
    if (!hasNext()) {
      throw new NoSuchElementException(closed ? "BatchIterator is closed"
          : "BatchIterator: all " + numBatches + " batches have been returned");
    }
    int k = next++;
    if (worker == null) {
      return gather(k);
    }
    Batch b = await(pending);
    if (next < numBatches) {
      int ahead = next;  // captured now: the field moves on before the task may run
      pending = worker.submit(() -> gather(ahead));
    } else {
      release();
    }
    return b;
  }

  private Batch await(Future<Batch> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("BatchIterator: interrupted while waiting for batch "
          + (next - 1) + " of " + numBatches, e);
    } catch (ExecutionException e) {
      close();
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;  // the caller sees the dataset's own error
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException("BatchIterator: gathering batch " + (next - 1) + " failed", cause);
    } catch (CancellationException e) {
      throw new NoSuchElementException("BatchIterator is closed");
    }
  }

  private void release() {
    if (worker != null) {
      worker.shutdownNow();
      pending = null;
    }
  }

  /** Whether the prefetch thread (if there ever was one) has finished; for tests and diagnostics. */
  boolean awaitThreadExit(long millis) throws InterruptedException {
    return worker == null || worker.awaitTermination(millis, TimeUnit.MILLISECONDS);
  }

  /** Stops the epoch early and releases the prefetch thread; further {@link #hasNext()} is false. */
  @Override
  public void close() {
    closed = true;
    if (pending != null) {
      pending.cancel(true);
    }
    release();
  }
}
