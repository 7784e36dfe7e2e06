package dev.kairo.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelPhasesTest {

  @Test
  void everyIndexOfEveryPhaseRunsOnceAndEachPhaseStartsAfterTheLastEnded() {
    int[] sizes = {256, 2, 0, 128, 10_000, 1};
    int[] grains = {20, 1, 1, 64, 16, 1};
    for (int rep = 0; rep < 200; rep++) {
      AtomicIntegerArray[] hits = new AtomicIntegerArray[sizes.length];
      for (int p = 0; p < sizes.length; p++) {
        hits[p] = new AtomicIntegerArray(sizes[p]);
      }
      // done[p]: indices of phase p finished. A chunk of phase p may start only when every
      // earlier phase has all its indices done.
      AtomicInteger[] done = new AtomicInteger[sizes.length];
      for (int p = 0; p < sizes.length; p++) {
        done[p] = new AtomicInteger();
      }
      AtomicInteger early = new AtomicInteger();
      Parallel.forPhases(sizes, grains, (p, lo, hi) -> {
        for (int q = 0; q < p; q++) {
          if (done[q].get() != sizes[q]) {
            early.incrementAndGet();
          }
        }
        for (int i = lo; i < hi; i++) {
          hits[p].incrementAndGet(i);
        }
        done[p].addAndGet(hi - lo);
      });
      assertThat(early.get()).as("chunks started before the phase before them ended").isZero();
      for (int p = 0; p < sizes.length; p++) {
        for (int i = 0; i < sizes[p]; i++) {
          assertThat(hits[p].get(i)).as("phase %d index %d", p, i).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void chunkBoundsAreThoseOfForRange() {
    int[] sizes = {256, 128};
    int[] grains = {20, 64};
    boolean[] ok = {true};
    // Asked here: inside a chunk, chunks() answers 1 (nested calls run serially).
    int[] chunks = {Parallel.chunks(256, 20), Parallel.chunks(128, 64)};
    Parallel.forPhases(sizes, grains, (p, lo, hi) -> {
      int c = Math.max(1, chunks[p]);
      boolean known = false;
      for (int k = 0; k < c; k++) {
        known |= lo == Parallel.bound(sizes[p], c, k) && hi == Parallel.bound(sizes[p], c, k + 1);
      }
      if (!known) {
        ok[0] = false;
      }
    });
    assertThat(ok[0]).isTrue();
  }

  @Test
  void aFailureIsRethrownLaterPhasesDoNotRunAndThePoolStillWorks() {
    AtomicInteger laterRan = new AtomicInteger();
    assertThatThrownBy(() -> Parallel.forPhases(new int[] {1000, 1000}, new int[] {1, 1},
        (p, lo, hi) -> {
          if (p == 0 && hi == 1000) {
            throw new IllegalStateException("boom in phase 0");
          }
          if (p == 1) {
            laterRan.incrementAndGet();
          }
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom in phase 0");
    assertThat(laterRan.get()).isZero();
    AtomicInteger sum = new AtomicInteger();
    Parallel.forPhases(new int[] {1000, 500}, new int[] {1, 1},
        (p, lo, hi) -> sum.addAndGet(hi - lo));
    assertThat(sum.get()).isEqualTo(1500);
  }

  @Test
  void phasesInsideAParallelCallRunSeriallyOnTheirThread() {
    int outer = 4 * Parallel.threads();
    AtomicInteger wrongThread = new AtomicInteger();
    AtomicInteger total = new AtomicInteger();
    Parallel.forRange(outer, 1, (lo, hi) -> {
      Thread t = Thread.currentThread();
      for (int i = lo; i < hi; i++) {
        Parallel.forPhases(new int[] {100, 100}, new int[] {1, 1}, (p, a, b) -> {
          if (Thread.currentThread() != t) {
            wrongThread.incrementAndGet();
          }
          total.addAndGet(b - a);
        });
      }
    });
    assertThat(wrongThread.get()).isZero();
    assertThat(total.get()).isEqualTo(outer * 200);
  }

  @Test
  void sizesAndGrainsMustPair() {
    assertThatThrownBy(() -> Parallel.forPhases(new int[] {1, 2}, new int[] {1},
        (p, lo, hi) -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Parallel.forPhases: 2 sizes but 1 grains");
  }
}
