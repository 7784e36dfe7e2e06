package dev.kairo.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Kairo's one fixed thread pool, sized to the cores (override with the environment variable
 * or system property {@code KAIRO_NUM_THREADS}).
 *
 * <p>Work is split into chunks whose boundaries depend only on the problem size and the
 * thread count, never on timing, so every run with the same thread count computes the same
 * numbers. Calls made from inside a chunk (on a pool thread, or on the caller while it runs
 * its own chunk) run serially, so nested parallel kernels cannot deadlock or oversubscribe.
 *
 * <p>Between calls the workers poll for the next one for 200 µs (set {@code KAIRO_SPIN_US};
 * 0 makes them sleep at once) and then sleep: back-to-back kernels, as in a training step,
 * start on all cores within a microsecond instead of paying a thread wake-up each.
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

  /** A body that processes the half-open range {@code [lo, hi)} of phase {@code phase}. */
  @FunctionalInterface
  public interface PhaseBody {
    void run(int phase, int lo, int hi);
  }

  private static final int THREADS = configuredThreads();
  /**
   * Callers running a call's chunks alone (the workers held by another call), and how many
   * there are: nested calls on those threads run serially too. The count keeps the
   * thread-local out of the common path, where no call runs alone.
   */
  private static final ThreadLocal<Boolean> RUNNING_ALONE = ThreadLocal.withInitial(() -> false);
  private static final AtomicInteger RUNNING_ALONE_COUNT = new AtomicInteger();
  /** How long an idle worker polls for the next job before it sleeps (KAIRO_SPIN_US). */
  static final long SPIN_NANOS = configuredSpinMicros() * 1000L;
  /** The job workers should join; replaced by each parallel call. */
  private static volatile ParallelTask current;
  /** Only one parallel call at a time uses the workers; others run serially (same result). */
  private static final AtomicBoolean HELD = new AtomicBoolean();
  /** The thread whose call holds the workers, until the call ends. */
  private static volatile Thread holder;
  private static volatile Worker[] workers;

  private Parallel() {}

  /** The number of threads Kairo's kernels use. */
  public static int threads() {
    return THREADS;
  }

  private static int configuredThreads() {
    return (int) setting("KAIRO_NUM_THREADS", Runtime.getRuntime().availableProcessors(), 1,
        Integer.MAX_VALUE, "a positive integer");
  }

  private static long configuredSpinMicros() {
    return setting("KAIRO_SPIN_US", 200, 0, Long.MAX_VALUE,
        "a non-negative integer (microseconds)");
  }

  /**
   * The system property, else the environment variable, {@code name} as a whole number in
   * {@code [min, max]}; {@code fallback} when neither is set.
   *
   * @throws IllegalStateException naming the setting, what it must be and the bad value
   */
  private static long setting(String name, long fallback, long min, long max, String mustBe) {
    String v = System.getProperty(name, System.getenv(name));
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(name + " must be " + mustBe + ", got '" + v + "'");
    }
  }

  /**
   * A pool thread. Between jobs it polls {@link #current} for {@link #SPIN_NANOS} and then
   * parks: waking a parked thread costs 20-50 µs on a virtual machine (measured: an empty
   * two-chunk call through a plain thread pool took 47 µs), longer than many of the kernels
   * it would split, while a polling worker joins within a fraction of a microsecond. The
   * bounded window keeps an idle Kairo from holding a core.
   */
  private static final class Worker extends Thread {
    volatile boolean sleeping;
    private final int index;
    private ParallelTask last;

    Worker(int i) {
      super("kairo-worker-" + i);
      this.index = i;
      setDaemon(true);
    }

    @Override
    public void run() {
      while (true) {
        awaitJob().work(index);
      }
    }

    private ParallelTask awaitJob() {
      long start = System.nanoTime();
      int polls = 0;
      while (true) {
        ParallelTask job = current;
        if (job != last) {
          last = job; // null once a call ends, so a finished job's arrays are not kept alive
          if (job != null) {
            return job;
          }
        }
        if ((++polls & 63) == 0 && System.nanoTime() - start > SPIN_NANOS) {
          sleeping = true;
          job = current;
          if (job == null || job == last) {
            LockSupport.park(this);
          }
          sleeping = false;
          start = System.nanoTime();
        } else {
          Thread.onSpinWait();
        }
      }
    }
  }

  private static Worker[] workers() {
    Worker[] w = workers;
    if (w == null) {
      synchronized (Parallel.class) {
        w = workers;
        if (w == null) {
          w = new Worker[Math.max(1, THREADS - 1)];
          for (int i = 0; i < w.length; i++) {
            w[i] = new Worker(i + 1);
            w[i].start();
          }
          workers = w;
        }
      }
    }
    return w;
  }

  /**
   * Runs {@code body} over {@code [0, n)} split into at most {@link #threads()} chunks of at
   * least {@code grain} items. The caller's thread works on chunks too; a call made while
   * another thread's parallel call holds the workers runs its chunks on the caller alone.
   */
  public static void forRange(int n, int grain, RangeBody body) {
    int chunks = chunks(n, grain);
    if (chunks <= 1) {
      if (n > 0) {
        body.run(0, n);
      }
      return;
    }
    ParallelTask.Job job = new ParallelTask.Job(body, n, chunks);
    try {
      run(job);
      job.await();
    } finally {
      release(job);
    }
    job.rethrow();
  }

  /**
   * Runs phases one after another, phase p over {@code [0, sizes[p])} split as
   * {@link #forRange} splits it ({@code grains[p]} items at least per chunk), in one hand-off
   * to the workers: phase p + 1 starts once every chunk of phase p has finished. A chain of
   * short steps, each needing all of the last one's output (the layers of a network on one
   * sample), then pays one start and one finish instead of one of each per step; the wait
   * between phases is a poll of one counter. As in {@link #forRange}, each chunk goes to
   * whichever thread claims it first, each thread asking first for its own (so a layer's
   * slice of the weights stays in one core's cache from call to call), chunk bounds depend
   * only on the sizes and the thread count, and nested calls run serially.
   *
   * <pre>{@code
   * Parallel.forPhases(new int[] {256, 128}, new int[] {20, 64},
   *     (p, lo, hi) -> { if (p == 0) layer1(lo, hi); else layer2(lo, hi); });
   * }</pre>
   *
   * @throws IllegalArgumentException when the two arrays differ in length
   */
  public static void forPhases(int[] sizes, int[] grains, PhaseBody body) {
    int phases = sizes.length;
    if (grains.length != phases) {
      throw new IllegalArgumentException("Parallel.forPhases: " + phases + " sizes but "
          + grains.length + " grains");
    }
    int[] chunks = new int[phases];
    int most = 0;
    for (int p = 0; p < phases; p++) {
      chunks[p] = Math.max(1, chunks(sizes[p], grains[p]));
      most = Math.max(most, chunks[p]);
    }
    if (most <= 1) {
      for (int p = 0; p < phases; p++) {
        if (sizes[p] > 0) {
          body.run(p, 0, sizes[p]);
        }
      }
      return;
    }
    ParallelTask.Phases job = new ParallelTask.Phases(body, sizes, chunks);
    try {
      run(job);
      job.awaitPhase(phases - 1);
    } finally {
      release(job);
    }
    job.rethrow();
  }

  /**
   * Offers {@code job} to the workers (when no other call holds them) and works on it on the
   * calling thread until it has no chunk left to claim. The caller then waits for the chunks
   * other threads took and calls {@link #release}.
   */
  private static void run(ParallelTask job) {
    boolean shared = HELD.compareAndSet(false, true);
    if (shared) {
      // The caller counts as a worker until its call ends: a kernel nested in the body (a GEMM
      // per image of a convolution) then runs serially there as in the pool threads.
      holder = Thread.currentThread();
      current = job;
      for (Worker w : workers()) {
        if (w.sleeping) {
          LockSupport.unpark(w);
        }
      }
      job.work(0);
      return;
    }
    RUNNING_ALONE.set(true);
    RUNNING_ALONE_COUNT.incrementAndGet();
    try {
      job.work(0);
    } finally {
      RUNNING_ALONE_COUNT.decrementAndGet();
      RUNNING_ALONE.set(false);
    }
  }

  /** Ends a call begun by {@link #run}, once all its chunks have finished. */
  private static void release(ParallelTask job) {
    if (current == job) {
      current = null;
      holder = null;
      HELD.set(false);
    }
  }

  /**
   * Whether the calling thread is inside a parallel call: a pool thread, the caller whose call
   * holds the workers, or a caller running its call alone. Plain field reads in the common
   * case (no thread-local, no lock), so that a short call pays for none before it is compiled.
   */
  private static boolean insideACall() {
    Thread t = Thread.currentThread();
    return t instanceof Worker || t == holder
        || RUNNING_ALONE_COUNT.get() > 0 && RUNNING_ALONE.get();
  }

  /** How many chunks {@link #forRange} uses for {@code n} items of at least {@code grain}. */
  public static int chunks(int n, int grain) {
    if (n <= grain || THREADS == 1 || insideACall()) {
      return 1;
    }
    return (int) Math.min(THREADS, Math.max(1, n / Math.max(1, grain)));
  }

  /** Start of chunk {@code c} of {@code chunks} over {@code n} items (even split). */
  public static int bound(int n, int chunks, int c) {
    return (int) ((long) n * c / chunks);
  }
}
