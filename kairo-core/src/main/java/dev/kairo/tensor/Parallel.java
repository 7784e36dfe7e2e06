package dev.kairo.tensor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kairo's one fixed thread pool, sized to the cores (override with the environment variable
 * or system property {@code KAIRO_NUM_THREADS}).
 *
 * <p>Work is split into chunks whose boundaries depend only on the problem size and the
 * thread count, never on timing, so every run with the same thread count computes the same
 * numbers. Calls made from inside a chunk (on a pool thread, or on the caller while it runs
 * its own chunk) run serially, so nested parallel kernels cannot deadlock or oversubscribe.
 *
 * <pre>{@code
 * Parallel.forRange(rows, 64, (lo, hi) -> { for (int r = lo; r < hi; r++) work(r); });
 * }</pre>
 */
public final class Parallel {
  /** A body that processes the half-open range {@code [lo, hi)}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int lo, int hi);
  }

  private static final int THREADS = configuredThreads();
  private static final ThreadLocal<Boolean> IN_WORKER = ThreadLocal.withInitial(() -> false);
  private static volatile ExecutorService pool;

  private Parallel() {}

  /** The number of threads Kairo's kernels use. */
  public static int threads() {
    return THREADS;
  }

  private static int configuredThreads() {
    String v = System.getProperty("KAIRO_NUM_THREADS", System.getenv("KAIRO_NUM_THREADS"));
    int cores = Runtime.getRuntime().availableProcessors();
    if (v == null || v.isBlank()) {
      return cores;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "KAIRO_NUM_THREADS must be a positive integer, got '" + v + "'");
    }
  }

  private static ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (Parallel.class) {
        p = pool;
        if (p == null) {
          p = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
            Thread t = new Thread(() -> {
              IN_WORKER.set(true);
              r.run();
            }, "kairo-worker");
            t.setDaemon(true);
            return t;
          });
          pool = p;
        }
      }
    }
    return p;
  }

  /**
   * Runs {@code body} over {@code [0, n)} split into at most {@link #threads()} chunks of at
   * least {@code grain} items. The caller's thread runs the first chunk.
   */
  public static void forRange(int n, int grain, RangeBody body) {
    int chunks = chunks(n, grain);
    if (chunks <= 1) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    CountDownLatch done = new CountDownLatch(chunks - 1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ExecutorService p = pool();
    for (int c = 1; c < chunks; c++) {
      int lo = bound(n, chunks, c);
      int hi = bound(n, chunks, c + 1);
      p.execute(() -> {
        try {
          body.run(lo, hi);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          done.countDown();
        }
      });
    }
    // The caller counts as a worker while it runs its own chunk: a kernel nested in the body
    // (a GEMM per image of a convolution) then runs serially there as in the pool threads,
    // instead of queueing its pieces behind the other chunks and waiting for them.
    IN_WORKER.set(true);
    try {
      body.run(0, bound(n, chunks, 1));
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    } finally {
      IN_WORKER.set(false);
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for kernel threads", e);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    } else if (t instanceof Error) {
      throw (Error) t;
    } else if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  /** How many chunks {@link #forRange} uses for {@code n} items of at least {@code grain}. */
  public static int chunks(int n, int grain) {
    // Cheap tests first: most calls on small tensors never touch the thread-local.
    if (n <= grain || THREADS == 1 || IN_WORKER.get()) {
      return 1;
    }
    return (int) Math.min(THREADS, Math.max(1, n / Math.max(1, grain)));
  }

  /** Start of chunk {@code c} of {@code chunks} over {@code n} items (even split). */
  public static int bound(int n, int chunks, int c) {
    return (int) ((long) n * c / chunks);
  }
}
