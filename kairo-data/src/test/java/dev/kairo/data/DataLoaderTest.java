package dev.kairo.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
  /** Sample i has features [i, -i] and class i % 3: every row can be traced back. */
  private static TensorDataset numbered(int n) {
    float[] x = new float[2 * n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = i;
      x[2 * i + 1] = -i;
      y[i] = i % 3;
    }
    return new TensorDataset(Tensor.of(x, n, 2), Tensor.of(y, n));
  }

  private static List<int[]> epochIndices(Iterable<Batch> epoch) {
    List<int[]> out = new ArrayList<>();
    for (Batch b : epoch) {
      float[] x = b.x().toArray();
      int[] ids = new int[b.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = (int) x[2 * i];
        assertThat(x[2 * i + 1]).isEqualTo(-x[2 * i]);     // rows stay whole
        assertThat(b.labels()[i]).isEqualTo(ids[i] % 3);   // and stay with their targets
      }
      assertThat(b.indices()).containsExactly(ids);
      out.add(ids);
    }
    return out;
  }

  @Test
  void inOrderBatchesKeepTheLastPartialBatch() {
    DataLoader loader = DataLoader.of(numbered(10), 4);
    assertThat(loader.numBatches()).isEqualTo(3);
    List<int[]> batches = epochIndices(loader);
    assertThat(batches).hasSize(3);
    assertThat(batches.get(0)).containsExactly(0, 1, 2, 3);
    assertThat(batches.get(2)).containsExactly(8, 9);
  }

  @Test
  void dropLastDropsOnlyThePartialBatch() {
    DataLoader loader = DataLoader.builder(numbered(10)).batchSize(4).dropLast(true).build();
    assertThat(loader.numBatches()).isEqualTo(2);
    assertThat(epochIndices(loader)).hasSize(2).allSatisfy(b -> assertThat(b).hasSize(4));
    DataLoader exact = DataLoader.builder(numbered(8)).batchSize(4).dropLast(true).build();
    assertThat(exact.numBatches()).isEqualTo(2);
  }

  @Test
  void shuffledEpochIsAPermutationThatTheSeedReproduces() {
    DataLoader a = DataLoader.builder(numbered(50)).batchSize(8).shuffle(42).build();
    DataLoader b = DataLoader.builder(numbered(50)).batchSize(8).shuffle(42).build();
    int[] e0 = flatten(epochIndices(a));
    int[] e1 = flatten(epochIndices(a));
    assertThat(flatten(epochIndices(b))).containsExactly(e0);   // same seed, same run
    assertThat(flatten(epochIndices(b))).containsExactly(e1);
    assertThat(e0).isNotEqualTo(e1);                            // a fresh order each epoch
    assertThat(e0).isNotEqualTo(a.order(99));
    int[] sorted = e0.clone();
    Arrays.sort(sorted);
    assertThat(sorted).containsExactly(range(50));
    assertThat(flatten(epochIndices(() -> a.epoch(1)))).containsExactly(e1);  // replay
    DataLoader other = DataLoader.builder(numbered(50)).batchSize(8).shuffle(43).build();
    assertThat(other.order(0)).isNotEqualTo(e0);
  }

  @Test
  void prefetchGivesExactlyTheSameBatches() {
    TensorDataset ds = numbered(103);
    DataLoader plain = DataLoader.builder(ds).batchSize(10).shuffle(7).prefetch(false).build();
    DataLoader ahead = DataLoader.builder(ds).batchSize(10).shuffle(7).prefetch(true).build();
    assertThat(ahead.prefetch()).isTrue();
    for (int e = 0; e < 3; e++) {
      List<int[]> p = epochIndices(plain);
      List<int[]> q = epochIndices(ahead);
      assertThat(q).hasSameSizeAs(p);
      for (int i = 0; i < p.size(); i++) {
        assertThat(q.get(i)).containsExactly(p.get(i));
      }
    }
  }

  @Test
  void prefetchThreadEndsWhenExhaustedAndWhenClosed() throws InterruptedException {
    Set<String> before = prefetchThreads();
    DataLoader loader = DataLoader.builder(numbered(40)).batchSize(4).prefetch(true).build();
    BatchIterator full = loader.iterator();
    while (full.hasNext()) {
      full.next();
    }
    assertThat(full.awaitThreadExit(5000)).isTrue();

    BatchIterator early = loader.iterator();
    early.next();
    early.close();
    assertThat(early.hasNext()).isFalse();
    assertThatThrownBy(early::next).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("closed");
    assertThat(early.awaitThreadExit(5000)).isTrue();
    assertThat(newThreadsAfterWaiting(before, 2000)).isEmpty();
  }

  @Test
  void anAbandonedIteratorDoesNotKeepItsThread() throws InterruptedException {
    Set<String> before = prefetchThreads();
    BatchIterator it = DataLoader.builder(numbered(40)).batchSize(4).prefetch(true).build()
        .iterator();
    it.next();  // then dropped without close(), as a "break" out of a for-each loop does
    Set<String> started = prefetchThreads();
    started.removeAll(before);
    assertThat(started).as("the iterator's own thread, idle now").hasSize(1);
    assertThat(newThreadsAfterWaiting(before, 4000)).as("idle prefetch threads").isEmpty();
  }

  private static Set<String> prefetchThreads() {
    Set<String> names = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("kairo-data-prefetch-") && t.isAlive()) {
        assertThat(t.isDaemon()).as("prefetch threads never hold the JVM open").isTrue();
        names.add(t.getName());
      }
    }
    return names;
  }

  private static Set<String> newThreadsAfterWaiting(Set<String> before, long millis)
      throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    Set<String> now;
    do {
      now = prefetchThreads();
      now.removeAll(before);
      if (now.isEmpty()) {
        break;
      }
      Thread.sleep(20);
    } while (System.currentTimeMillis() < end);
    return now;
  }

  @Test
  void aDatasetErrorInTheBackgroundReachesTheCaller() {
    Dataset broken = new Dataset() {
      @Override
      public int size() {
        return 8;
      }

      @Override
      public int[] featureShape() {
        return new int[] {1};
      }

      @Override
      public int[] targetShape() {
        return new int[0];
      }

      @Override
      public Tensor features(int[] indices) {
        if (indices[0] >= 4) {
          throw new IllegalStateException("disk gone at sample " + indices[0]);
        }
        return Tensor.zeros(indices.length, 1);
      }

      @Override
      public Tensor targets(int[] indices) {
        return Tensor.zeros(indices.length);
      }

      @Override
      public int numClasses() {
        return 1;
      }
    };
    BatchIterator it = DataLoader.builder(broken).batchSize(4).prefetch(true).build().iterator();
    assertThat(it.next().size()).isEqualTo(4);
    assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class)
        .hasMessage("disk gone at sample 4");
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void prefetchIsAutomaticOnlyForLargeBatches() {
    assertThat(DataLoader.of(numbered(1000), 32).prefetch()).isFalse();
    TensorDataset wide = new TensorDataset(Tensor.zeros(4, 32768), Tensor.zeros(4));
    assertThat(DataLoader.of(wide, 2).prefetch()).isTrue();
    assertThat(DataLoader.of(wide, 4).prefetch()).isFalse();  // one batch: nothing to overlap
  }

  @Test
  void emptyDatasetHasNoBatchesAndBadOptionsAreNamed() {
    DataLoader loader = DataLoader.of(numbered(0), 4);
    assertThat(loader.iterator().hasNext()).isFalse();
    assertThatThrownBy(() -> DataLoader.builder(numbered(3)).batchSize(0))
        .hasMessageContaining("batch size").hasMessageContaining("0");
    assertThatThrownBy(() -> DataLoader.of(numbered(3), 1).epoch(-1))
        .hasMessageContaining("-1");
  }

  private static int[] flatten(List<int[]> batches) {
    return batches.stream().flatMapToInt(Arrays::stream).toArray();
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
