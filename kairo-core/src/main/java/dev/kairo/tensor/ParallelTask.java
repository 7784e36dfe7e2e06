package dev.kairo.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * What Kairo's pool threads run: one parallel call, made by {@link Parallel#forRange}
 * ({@link Job}) or {@link Parallel#forPhases} ({@link Phases}). Each chunk goes to whichever
 * thread claims it first; {@link #work} is what a thread does on joining the call.
 */
abstract class ParallelTask {
  final AtomicReference<Throwable> failure = new AtomicReference<>();

  /** Runs this call's work on a thread whose preferred chunks are those numbered {@code own}. */
  abstract void work(int own);

  /** Throws the first failure of a chunk, if any, on the calling thread. */
  void rethrow() {
    Throwable t = failure.get();
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    } else if (t instanceof Error) {
      throw (Error) t;
    } else if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * One parallel call: each chunk is claimed by whichever thread comes for it first, the
   * caller included, so a worker that is slow to wake (descheduled on a busy machine) never
   * holds the call up; it finds nothing left to claim. Each thread asks first for its own
   * chunk (the caller chunk 0, worker i chunk i): back-to-back calls on the same operands
   * then give each core the same slice every time, which stays in that core's cache (the
   * halves of a 784 x 256 weight matrix fit in two 1 MiB L2 caches; the whole does not fit in
   * one). Chunk boundaries depend only on n and the chunk count, so the result does not depend
   * on which thread ran which chunk.
   */
  static final class Job extends ParallelTask {
    final Parallel.RangeBody body;
    final int n;
    final int chunks;
    /** 1 where a thread has claimed the chunk. */
    final AtomicIntegerArray claimed;
    final AtomicInteger unfinished;
    volatile Thread waiter;

    Job(Parallel.RangeBody body, int n, int chunks) {
      this.body = body;
      this.n = n;
      this.chunks = chunks;
      this.claimed = new AtomicIntegerArray(chunks);
      this.unfinished = new AtomicInteger(chunks);
    }

    /**
     * Claims and runs chunks until none is left to claim, starting from chunk
     * {@code own % chunks} and going round.
     */
    @Override
    void work(int own) {
      int first = own % chunks;
      for (int i = 0; i < chunks; i++) {
        int c = first + i < chunks ? first + i : first + i - chunks;
        if (claimed.get(c) != 0 || !claimed.compareAndSet(c, 0, 1)) {
          continue;
        }
        try {
          body.run(Parallel.bound(n, chunks, c), Parallel.bound(n, chunks, c + 1));
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          if (unfinished.decrementAndGet() == 0) {
            Thread w = waiter;
            if (w != null) {
              LockSupport.unpark(w);
            }
          }
        }
      }
    }

    /** Waits until every chunk has finished: polls for Parallel.SPIN_NANOS, then sleeps. */
    void await() {
      long start = System.nanoTime();
      while (unfinished.get() != 0) {
        if (System.nanoTime() - start > Parallel.SPIN_NANOS) {
          waiter = Thread.currentThread();
          while (unfinished.get() != 0) {
            LockSupport.park(this);
          }
          return;
        }
        Thread.onSpinWait();
      }
    }
  }

  /**
   * One {@link Parallel#forPhases} call: the chunks of every phase, claimed as {@link Job}'s are, and
   * a count of unfinished chunks per phase that a thread polls before it moves on to the next
   * phase. After a failure the remaining chunks are claimed and counted but not run.
   */
  static final class Phases extends ParallelTask {
    final Parallel.PhaseBody body;
    final int[] sizes;
    final int[] chunks;
    /** Where each phase's chunks start in {@link #claimed}. */
    final int[] first;
    final AtomicIntegerArray claimed;
    final AtomicIntegerArray unfinished;

    Phases(Parallel.PhaseBody body, int[] sizes, int[] chunks) {
      this.body = body;
      this.sizes = sizes;
      this.chunks = chunks;
      first = new int[chunks.length];
      int total = 0;
      unfinished = new AtomicIntegerArray(chunks.length);
      for (int p = 0; p < chunks.length; p++) {
        first[p] = total;
        total += chunks[p];
        unfinished.set(p, chunks[p]);
      }
      claimed = new AtomicIntegerArray(total);
    }

    @Override
    void work(int own) {
      for (int p = 0; p < chunks.length; p++) {
        if (p > 0) {
          awaitPhase(p - 1);
        }
        int count = chunks[p];
        int start = own % count;
        for (int i = 0; i < count; i++) {
          int c = start + i < count ? start + i : start + i - count;
          int slot = first[p] + c;
          if (claimed.get(slot) != 0 || !claimed.compareAndSet(slot, 0, 1)) {
            continue;
          }
          try {
            int lo = Parallel.bound(sizes[p], count, c);
            int hi = Parallel.bound(sizes[p], count, c + 1);
            if (failure.get() == null && lo < hi) {
              body.run(p, lo, hi);
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          } finally {
            unfinished.decrementAndGet(p);
          }
        }
      }
    }

    /**
     * Waits until every chunk of phase p has finished: polls for Parallel.SPIN_NANOS, then checks every
     * 20 µs (a thread holding a chunk that long was descheduled, or the chunk is big).
     */
    void awaitPhase(int p) {
      long start = System.nanoTime();
      while (unfinished.get(p) != 0) {
        if (System.nanoTime() - start > Parallel.SPIN_NANOS) {
          LockSupport.parkNanos(this, 20_000);
        } else {
          Thread.onSpinWait();
        }
      }
    }
  }
}
