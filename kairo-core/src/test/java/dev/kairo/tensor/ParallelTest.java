package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void everyIndexRunsExactlyOnceInChunksThatDependOnlyOnTheSize() {
    for (int n : new int[] {0, 1, 7, 64, 1000, 100_003}) {
      int[] hits = new int[n];
      List<int[]> ranges = java.util.Collections.synchronizedList(new ArrayList<>());
      Parallel.forRange(n, 16, (lo, hi) -> {
        ranges.add(new int[] {lo, hi});
        for (int i = lo; i < hi; i++) {
          hits[i]++;
        }
      });
      for (int i = 0; i < n; i++) {
        assertThat(hits[i]).as("n=%d index %d", n, i).isEqualTo(1);
      }
      int chunks = Parallel.chunks(n, 16);
      assertThat(ranges).hasSize(n == 0 ? 0 : Math.max(1, chunks));
      for (int[] r : ranges) {
        int c = Math.max(1, chunks);
        boolean known = false;
        for (int k = 0; k < c; k++) {
          known |= r[0] == Parallel.bound(n, c, k) && r[1] == Parallel.bound(n, c, k + 1);
        }
        assertThat(known).as("n=%d range [%d, %d) is one of the fixed chunks", n, r[0], r[1])
            .isTrue();
      }
    }
  }

  @Test
  void theCallerRunsTheFirstChunkItself() {
    // The caller asks for chunk 0 first and every worker for its own index (>= 1) first, so
    // chunk 0 stays on the caller's core call after call, keeping its slice of the operands in
    // that core's cache. Only a caller descheduled between publishing the job and claiming
    // its chunk can lose it: 11% of calls in a full test run, where the JIT's threads compete
    // for the cores; with the caller asking for chunk 1 first it loses nearly every time.
    org.junit.jupiter.api.Assumptions.assumeTrue(Parallel.threads() > 1, "one thread");
    Thread caller = Thread.currentThread();
    int calls = 1000;
    AtomicInteger firstOnCaller = new AtomicInteger();
    for (int i = 0; i < calls; i++) {
      Parallel.forRange(2 * Parallel.threads(), 1, (lo, hi) -> {
        if (lo == 0 && Thread.currentThread() == caller) {
          firstOnCaller.incrementAndGet();
        }
        // Long enough (20 µs) for the polling workers to join and claim chunks of their own.
        long end = System.nanoTime() + 20_000;
        while (System.nanoTime() < end) {
          Thread.onSpinWait();
        }
      });
    }
    assertThat(firstOnCaller.get()).as("calls whose chunk 0 ran on the caller")
        .isGreaterThan(calls / 2);
  }

  @Test
  void aFailingChunkIsRethrownToTheCallerAndThePoolStillWorks() {
    assertThatThrownBy(() -> Parallel.forRange(1000, 1, (lo, hi) -> {
      if (hi == 1000) {
        throw new IllegalArgumentException("boom in the last chunk");
      }
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("boom in the last chunk");
    AtomicInteger sum = new AtomicInteger();
    Parallel.forRange(1000, 1, (lo, hi) -> sum.addAndGet(hi - lo));
    assertThat(sum.get()).isEqualTo(1000);
  }

  @Test
  void nestedCallsRunSeriallyInsideAChunk() {
    AtomicInteger inner = new AtomicInteger();
    Parallel.forRange(64, 1, (lo, hi) -> {
      for (int i = lo; i < hi; i++) {
        java.util.Set<String> threads = ConcurrentHashMap.newKeySet();
        Parallel.forRange(1000, 1, (a, b) -> {
          threads.add(Thread.currentThread().getName());
          inner.addAndGet(b - a);
        });
        assertThat(threads.size()).as("a nested call stays on its thread").isEqualTo(1);
      }
    });
    assertThat(inner.get()).isEqualTo(64 * 1000);
  }

  @Test
  void concurrentCallersEachGetTheirOwnCompleteResult() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        results.add(callers.submit(() -> {
          long[] out = new long[20_000];
          for (int rep = 0; rep < 200; rep++) {
            Parallel.forRange(out.length, 100, (lo, hi) -> {
              for (int i = lo; i < hi; i++) {
                out[i] += i * (long) (seed + 1);
              }
            });
          }
          return out;
        }));
      }
      for (int t = 0; t < 4; t++) {
        long[] out = results.get(t).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < out.length; i += 997) {
          assertThat(out[i]).isEqualTo(200L * i * (t + 1));
        }
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void callsAfterTheWorkersWentToSleepStillComplete() throws Exception {
    // Longer than the default 200 µs polling window, so the workers are parked and must be
    // woken; a lost wake-up would hang here (the caller then runs every chunk itself, so a
    // hang means a chunk was claimed and never finished).
    for (int rep = 0; rep < 5; rep++) {
      Thread.sleep(2);
      AtomicInteger sum = new AtomicInteger();
      Parallel.forRange(10_000, 10, (lo, hi) -> sum.addAndGet(hi - lo));
      assertThat(sum.get()).isEqualTo(10_000);
    }
  }
}
