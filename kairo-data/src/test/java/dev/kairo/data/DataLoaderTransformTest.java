package dev.kairo.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kairo.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader's transform hook: applied per batch, seeded per (seed, epoch, batch). */
class DataLoaderTransformTest {
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

  /** Adds one random draw per row to the first column: the draws show in the batch. */
  private static final BatchTransform JITTER = (x, rng) -> {
    float[] v = x.toArray();
    for (int r = 0; r < x.size(0); r++) {
      v[2 * r] += (float) rng.nextDouble();
    }
    return Tensor.of(v, x.shape());
  };

  private static List<float[]> epoch(Iterable<Batch> batches) {
    List<float[]> out = new ArrayList<>();
    for (Batch b : batches) {
      float[] x = b.x().toArray();
      for (int i = 0; i < b.size(); i++) {
        int id = b.indices()[i];
        assertThat(x[2 * i] - id).isBetween(0f, 1f);            // the transform ran on this row
        assertThat(x[2 * i + 1]).isEqualTo(-id);                 // the rest of the row is intact
        assertThat(b.labels()[i]).isEqualTo(id % 3);             // labels untouched
      }
      out.add(x);
    }
    return out;
  }

  @Test
  void theTransformIsReproducibleAndIndependentOfPrefetch() {
    DataLoader plain = DataLoader.builder(numbered(50)).batchSize(8).shuffle(5).prefetch(false)
        .transform(JITTER).build();
    DataLoader ahead = DataLoader.builder(numbered(50)).batchSize(8).shuffle(5).prefetch(true)
        .transform(JITTER).build();
    assertThat(ahead.toString()).contains("transform");
    assertThat(ahead.transform()).isSameAs(JITTER);
    for (int e = 0; e < 2; e++) {
      List<float[]> p = epoch(plain);
      List<float[]> q = epoch(ahead);
      assertThat(q).hasSameSizeAs(p);
      for (int k = 0; k < p.size(); k++) {
        assertThat(q.get(k)).containsExactly(p.get(k));
      }
    }
    // Epochs draw differently; replaying an epoch draws the same.
    assertThat(epoch(() -> plain.epoch(0)).get(0)).isNotEqualTo(epoch(() -> plain.epoch(1)).get(0));
    assertThat(epoch(() -> plain.epoch(1)).get(2)).containsExactly(epoch(() -> ahead.epoch(1)).get(2));
    DataLoader other = DataLoader.builder(numbered(50)).batchSize(8).shuffle(6).transform(JITTER)
        .build();
    assertThat(epoch(() -> other.epoch(0)).get(0)).isNotEqualTo(epoch(() -> plain.epoch(0)).get(0));
  }

  @Test
  void withoutShuffleTheTransformStillRunsSeeded() {
    DataLoader a = DataLoader.builder(numbered(10)).batchSize(4).transform(JITTER).build();
    DataLoader b = DataLoader.builder(numbered(10)).batchSize(4).transform(JITTER).build();
    assertThat(epoch(() -> a.epoch(0)).get(1)).containsExactly(epoch(() -> b.epoch(0)).get(1));
    assertThat(DataLoader.of(numbered(4), 2).transform()).isNull();
  }

  @Test
  void aTransformThatDropsRowsIsNamed() {
    DataLoader bad = DataLoader.builder(numbered(10)).batchSize(4)
        .transform((x, rng) -> x.slice(0, 0, 1)).build();
    assertThatThrownBy(() -> bad.iterator().next()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("turned features [4, 2] into [1, 2]");
  }
}
